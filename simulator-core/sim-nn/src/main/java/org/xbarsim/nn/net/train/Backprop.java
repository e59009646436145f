package org.xbarsim.nn.net.train;

import org.xbarsim.nn.net.Tensors;
import org.xbarsim.nn.net.Window;

/**
 * The gradients of the trainable layers' building blocks, over flat float arrays. Every sum runs in
 * a fixed order, so a gradient is the same bits on any thread.
 */
final class Backprop {
    private Backprop() {
    }

    /**
     * For y[rows][cols] = x[rows][k] w[k][cols]: adds x^T dy to {@code dw} and, when {@code dx} is not
     * null, sets dx = dy w^T.
     */
    static void matrix(float[] x, float[] w, float[] dy, int rows, int k, int cols, float[] dw, float[] dx) {
        float[] xt = Tensors.transpose(x, rows, k);
        float[] dyt = Tensors.transpose(dy, rows, cols);
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < cols; c++) {
                dw[i * cols + c] += dot(xt, i * rows, dyt, c * rows, rows);
            }
        }
        if (dx == null) {
            return;
        }
        float[] dxt = new float[k * rows];
        for (int i = 0; i < k; i++) {
            int o = i * rows;
            for (int c = 0; c < cols; c++) {
                float a = w[i * cols + c];
                int d = c * rows;
                for (int r = 0; r < rows; r++) {
                    dxt[o + r] += a * dyt[d + r];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int r = 0; r < rows; r++) {
                dx[r * k + i] = dxt[i * rows + r];
            }
        }
    }

    /** Adds the column sums of dy[rows][cols] to db. */
    static void bias(float[] dy, int rows, int cols, float[] db) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                db[c] += dy[r * cols + c];
            }
        }
    }

    /** Scatters the gradient of im2col's rows back onto the image, the adjoint of im2col. */
    static void col2im(float[] dPatches, int batch, int[] shape, Window w, float[] dx) {
        int[] fields = w.receptiveFields(shape);
        int sample = shape[0] * shape[1] * shape[2];
        for (int b = 0; b < batch; b++) {
            int xb = b * sample;
            int rb = b * fields.length;
            for (int f = 0; f < fields.length; f++) {
                if (fields[f] >= 0) {
                    dx[xb + fields[f]] += dPatches[rb + f];
                }
            }
        }
    }

    /**
     * Gradient of max pooling: each output's gradient goes to the first input in scan order that
     * holds the window's maximum (the forward pass's choice).
     */
    static void maxPool(float[] x, float[] dy, int batch, int[] shape, Window w, float[] dx) {
        pool(x, dy, batch, shape, w, dx, true, false);
    }

    /** Gradient of average pooling: each output's gradient shared by its window's inputs. */
    static void avgPool(float[] x, float[] dy, int batch, int[] shape, Window w, boolean countIncludePad, float[] dx) {
        pool(x, dy, batch, shape, w, dx, false, countIncludePad);
    }

    private static void pool(float[] x, float[] dy, int batch, int[] shape, Window w, float[] dx, boolean max,
                             boolean includePad) {
        int plane = shape[1] * shape[2];
        int[] fields = w.receptiveFields(new int[] {1, shape[1], shape[2]});
        int k = w.kernelH() * w.kernelW();
        int positions = fields.length / k;
        for (int c = 0; c < batch * shape[0]; c++) {
            int xp = c * plane;
            for (int p = 0; p < positions; p++) {
                int best = -1;
                int inside = 0;
                for (int i = p * k; i < (p + 1) * k; i++) {
                    if (fields[i] >= 0) {
                        best = best < 0 || x[xp + fields[i]] > x[xp + best] ? fields[i] : best;
                        inside++;
                    }
                }
                float g = dy[c * positions + p];
                if (max) {
                    dx[xp + best] += g;
                    continue;
                }
                float share = g / (includePad ? k : inside);
                for (int i = p * k; i < (p + 1) * k; i++) {
                    if (fields[i] >= 0) {
                        dx[xp + fields[i]] += share;
                    }
                }
            }
        }
    }

    /** Four interleaved partial sums in a fixed order: the same bits on every JVM, and pipelined. */
    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[ao + j] * b[bo + j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
