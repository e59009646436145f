package org.xbarsim.nn.net;

import java.util.List;

/**
 * Exact float32 products with a network's own weights: the floating-point reference. Every output
 * is summed in the order k = 0, 1, ... from zero, whichever of the two loops computes it, so the
 * result is the same bits for any batch size, thread count or JIT.
 *
 * <p>Two loops: few rows go row by row ({@code y_r += x_rk W_k}, an axpy over the columns); many
 * rows (a convolution's image positions) go column-major, an axpy over all the rows at once, which
 * vectorises even when a layer has only a few output channels.
 */
public final class DigitalMultiplier implements Multiplier {
    /**
     * Rows from which the column-major loop is used: its transposes cost about two passes over x and
     * y, worth it for a convolution's thousands of rows, not for a few. Both loops give the same bits,
     * so this only changes speed.
     */
    static final int COLUMN_MAJOR_ROWS = 64;

    private final List<WeightMatrix> matrices;

    public DigitalMultiplier(List<WeightMatrix> matrices) {
        this.matrices = List.copyOf(matrices);
    }

    @Override
    public void multiply(int matrix, float[] x, int rows, float[] y) {
        WeightMatrix m = matrices.get(matrix);
        multiply(m.weights(), m.rows(), m.cols(), x, rows, y);
    }

    /** y[rows][cols] = x[rows][k] w[k][cols]. */
    static void multiply(float[] w, int k, int cols, float[] x, int rows, float[] y) {
        if (rows >= COLUMN_MAJOR_ROWS) {
            columnMajor(w, k, cols, x, rows, y);
        } else {
            rowMajor(w, k, cols, x, rows, y);
        }
    }

    static void rowMajor(float[] w, int k, int cols, float[] x, int rows, float[] y) {
        java.util.Arrays.fill(y, 0, rows * cols, 0f);
        for (int r = 0; r < rows; r++) {
            int yo = r * cols;
            int xo = r * k;
            for (int i = 0; i < k; i++) {
                float a = x[xo + i];
                if (a != 0f) { // adding 0 * w changes no sum: w is finite (checked when loaded)
                    int wo = i * cols;
                    for (int c = 0; c < cols; c++) {
                        y[yo + c] += a * w[wo + c];
                    }
                }
            }
        }
    }

    static void columnMajor(float[] w, int k, int cols, float[] x, int rows, float[] y) {
        float[] xt = Tensors.transpose(x.length == rows * k ? x : java.util.Arrays.copyOf(x, rows * k), rows, k);
        float[] yt = new float[cols * rows];
        for (int i = 0; i < k; i++) {
            int xo = i * rows;
            for (int c = 0; c < cols; c++) {
                float a = w[i * cols + c];
                int yo = c * rows;
                for (int r = 0; r < rows; r++) {
                    yt[yo + r] += xt[xo + r] * a;
                }
            }
        }
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                y[r * cols + c] = yt[c * rows + r];
            }
        }
    }
}
