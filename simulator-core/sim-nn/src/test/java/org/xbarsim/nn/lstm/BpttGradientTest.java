package org.xbarsim.nn.lstm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStream;

/**
 * The backward pass against central finite differences of the forward pass, for every parameter
 * of every tensor of a tiny model, on a window that starts from a carried-in (nonzero) state.
 */
class BpttGradientTest {
    private static final int VOCAB = 5;
    private static final int HIDDEN = 4;
    private static final int BATCH = 2;
    private static final int STEPS = 6;

    @Test
    void backwardMatchesFiniteDifferences() {
        RandomStream random = new RandomStream(42);
        CharLstm model = CharLstm.initialized("abcde", HIDDEN, random);
        // Larger than the default initialisation, and nonzero biases, so that every gate is away
        // from its linear region and every term of the backward pass matters.
        for (double[] t : model.tensors()) {
            for (int i = 0; i < t.length; i++) {
                t[i] = 0.8 * random.nextGaussian();
            }
        }
        Bptt bptt = new Bptt(model, BATCH, STEPS);
        int[] warmIn = ids(random);
        int[] warmOut = ids(random);
        bptt.resetState();
        bptt.forward(warmIn, warmOut);
        bptt.carryState();  // the checked window starts from this state, held constant (truncation)

        int[] in = ids(random);
        int[] out = ids(random);
        double scale = 1.0 / (BATCH * STEPS);
        bptt.run(in, out, scale);

        double[][] tensors = model.tensors();
        double eps = 1e-6;
        for (int n = 0; n < tensors.length; n++) {
            double[] w = tensors[n];
            double[] g = bptt.grads[n];
            double worst = 0;
            for (int i = 0; i < w.length; i++) {
                double keep = w[i];
                w[i] = keep + eps;
                double up = bptt.forward(in, out) * scale;
                w[i] = keep - eps;
                double down = bptt.forward(in, out) * scale;
                w[i] = keep;
                double numeric = (up - down) / (2 * eps);
                double err = Math.abs(numeric - g[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(g[i]));
                worst = Math.max(worst, err);
            }
            assertTrue(worst < 1e-5, CharLstm.TENSOR_NAMES[n] + ": worst relative error " + worst);
        }
    }

    private static int[] ids(RandomStream random) {
        int[] ids = new int[BATCH * STEPS];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(VOCAB);
        }
        return ids;
    }
}
