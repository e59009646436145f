package org.xbarsim.nn.data;

/**
 * Labelled samples for classification, stored flat so training loops touch no per-sample object:
 * sample {@code i} is {@code x[i * features .. (i + 1) * features)} and its class is
 * {@code labels[i] & 0xff}.
 *
 * <p>The arrays are shared, not copied (MNIST's training set is 188 MB of floats): treat them as
 * read-only. Nothing in xbarsim writes to them.
 *
 * @param count    number of samples
 * @param features values per sample (784 for 28x28 images)
 * @param x        features, row-major [count][features]; for images, pixel / 255 in [0, 1]
 * @param labels   class of each sample, 0 to 255 read unsigned
 */
public record Dataset(int count, int features, float[] x, byte[] labels) {
    public Dataset {
        if (count < 0 || features <= 0) {
            throw new IllegalArgumentException("expected count >= 0 and features > 0, got " + count + " x " + features);
        }
        if ((long) count * features != x.length) {
            throw new IllegalArgumentException("expected " + count + " x " + features + " = "
                    + (long) count * features + " features, got " + x.length);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("expected " + count + " labels, got " + labels.length);
        }
    }

    /** The class of sample {@code i}. */
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), copied: for tests and quick runs. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IllegalArgumentException("expected 0 <= from <= to <= " + count + ", got " + from + ", " + to);
        }
        float[] xs = new float[(to - from) * features];
        System.arraycopy(x, from * features, xs, 0, xs.length);
        byte[] ls = new byte[to - from];
        System.arraycopy(labels, from, ls, 0, ls.length);
        return new Dataset(to - from, features, xs, ls);
    }

    /** One more than the largest label: the number of classes a classifier needs. */
    public int classes() {
        int max = -1;
        for (byte b : labels) {
            max = Math.max(max, b & 0xff);
        }
        return max + 1;
    }
}
