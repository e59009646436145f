package org.xbarsim.nn.net.train;

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
        float[] xt = transpose(x, rows, k);
        float[] dyt = transpose(dy, rows, cols);
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
        int c = shape[0];
        int h = shape[1];
        int wd = shape[2];
        int oh = (h + w.padTop() + w.padBottom() - w.kernelH()) / w.strideH() + 1;
        int ow = (wd + w.padLeft() + w.padRight() - w.kernelW()) / w.strideW() + 1;
        int k = c * w.kernelH() * w.kernelW();
        int r = 0;
        for (int b = 0; b < batch; b++) {
            int xb = b * c * h * wd;
            for (int py = 0; py < oh; py++) {
                for (int px = 0; px < ow; px++) {
                    int base = r * k;
                    for (int ch = 0; ch < c; ch++) {
                        for (int i = 0; i < w.kernelH(); i++) {
                            int y = py * w.strideH() - w.padTop() + i;
                            for (int j = 0; j < w.kernelW(); j++) {
                                int xx = px * w.strideW() - w.padLeft() + j;
                                if (y >= 0 && y < h && xx >= 0 && xx < wd) {
                                    dx[xb + (ch * h + y) * wd + xx] += dPatches[base + (ch * w.kernelH() + i) * w.kernelW() + j];
                                }
                            }
                        }
                    }
                    r++;
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
        int c = shape[0];
        int h = shape[1];
        int wd = shape[2];
        int oh = (h + w.padTop() + w.padBottom() - w.kernelH()) / w.strideH() + 1;
        int ow = (wd + w.padLeft() + w.padRight() - w.kernelW()) / w.strideW() + 1;
        int o = 0;
        for (int plane = 0; plane < batch * c; plane++) {
            int xp = plane * h * wd;
            for (int py = 0; py < oh; py++) {
                for (int px = 0; px < ow; px++) {
                    int y0 = py * w.strideH() - w.padTop();
                    int x0 = px * w.strideW() - w.padLeft();
                    int best = -1;
                    int inside = 0;
                    for (int i = Math.max(0, -y0); i < w.kernelH() && y0 + i < h; i++) {
                        for (int j = Math.max(0, -x0); j < w.kernelW() && x0 + j < wd; j++) {
                            int at = xp + (y0 + i) * wd + x0 + j;
                            if (best < 0 || x[at] > x[best]) {
                                best = at;
                            }
                            inside++;
                        }
                    }
                    float g = dy[o++];
                    if (max) {
                        dx[best] += g;
                        continue;
                    }
                    float share = g / (includePad ? w.kernelH() * w.kernelW() : inside);
                    for (int i = Math.max(0, -y0); i < w.kernelH() && y0 + i < h; i++) {
                        for (int j = Math.max(0, -x0); j < w.kernelW() && x0 + j < wd; j++) {
                            dx[xp + (y0 + i) * wd + x0 + j] += share;
                        }
                    }
                }
            }
        }
    }

    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
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
