package org.xbarsim.nn.lstm;

/**
 * The two inner loops everything else is made of. Plain loops over primitive arrays that the JIT
 * vectorises; no allocation. Element-wise operations give the same bits however they are
 * vectorised; the dot product fixes its own summation order (four interleaved partial sums), so it
 * too is the same on every JVM.
 */
final class Vec {
    private Vec() {
    }

    /** y[yOff + j] += a * x[xOff + j] for j in [0, n). */
    static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) {
            y[yOff + j] += a * x[xOff + j];
        }
    }

    /** Sum of x[xOff + j] * y[yOff + j]; four partial sums hide the latency of the additions. */
    static double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[xOff + j] * y[yOff + j];
            s1 += x[xOff + j + 1] * y[yOff + j + 1];
            s2 += x[xOff + j + 2] * y[yOff + j + 2];
            s3 += x[xOff + j + 3] * y[yOff + j + 3];
        }
        for (; j < n; j++) {
            s0 += x[xOff + j] * y[yOff + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The logistic function. StrictMath so that results are the same bits on every JVM. */
    static double sigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    /**
     * Softmax of v[off, off + n) in place, shifted by the maximum so that no exponential overflows.
     */
    static void softmax(double[] v, int off, int n) {
        double max = v[off];
        for (int j = 1; j < n; j++) {
            max = Math.max(max, v[off + j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double e = StrictMath.exp(v[off + j] - max);
            v[off + j] = e;
            sum += e;
        }
        double inv = 1 / sum;
        for (int j = 0; j < n; j++) {
            v[off + j] *= inv;
        }
    }
}
