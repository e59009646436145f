package org.xbarsim.nn.mlp;

import org.xbarsim.api.random.RandomStream;
import org.xbarsim.nn.data.Dataset;

/** Small seeded classification sets for the trainer's tests: Gaussian blobs around random centres. */
final class Synthetic {
    private Synthetic() {
    }

    static Dataset blobs(int count, int features, int classes, long seed) {
        RandomStream r = new RandomStream(seed);
        float[] centres = new float[classes * features];
        for (int k = 0; k < centres.length; k++) {
            centres[k] = (float) (2 * r.nextGaussian());
        }
        float[] x = new float[count * features];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int c = r.nextInt(classes);
            labels[i] = (byte) c;
            for (int f = 0; f < features; f++) {
                float v = (float) (centres[c * features + f] + r.nextGaussian());
                // Some exact zeros, as MNIST has, so the skip-zero paths are exercised.
                x[i * features + f] = v < -1.5f ? 0f : v;
            }
        }
        return new Dataset(count, features, x, labels);
    }
}
