package org.xbarsim.nn.net;

/**
 * Independent reference computations, written from the operators' definitions (PyTorch's
 * Conv2d/MaxPool2d/AvgPool2d documentation) with plain nested loops in double: no im2col, no shared
 * code with the layers under test.
 */
final class Direct {
    private Direct() {
    }

    /** out[o][y][x] = b[o] + sum_{c,i,j} w[o][c][i][j] in[c][y s - pt + i][x s - pl + j], zero outside. */
    static double[] conv(float[] in, int c, int h, int w, float[] torchWeight, float[] bias, int o, int kh, int kw,
                         int sh, int sw, int pt, int pl, int pb, int pr) {
        int oh = (h + pt + pb - kh) / sh + 1;
        int ow = (w + pl + pr - kw) / sw + 1;
        double[] out = new double[o * oh * ow];
        for (int oc = 0; oc < o; oc++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double s = bias == null ? 0 : bias[oc];
                    for (int ch = 0; ch < c; ch++) {
                        for (int i = 0; i < kh; i++) {
                            for (int j = 0; j < kw; j++) {
                                int yy = y * sh - pt + i;
                                int xx = x * sw - pl + j;
                                if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                    s += (double) torchWeight[((oc * c + ch) * kh + i) * kw + j] * in[(ch * h + yy) * w + xx];
                                }
                            }
                        }
                    }
                    out[(oc * oh + y) * ow + x] = s;
                }
            }
        }
        return out;
    }

    /** Max or mean over each window; {@code includePad}: divide by kh kw, else by the elements inside. */
    static double[] pool(float[] in, int c, int h, int w, int kh, int kw, int sh, int sw, int pt, int pl, int pb, int pr,
                         boolean max, boolean includePad) {
        int oh = (h + pt + pb - kh) / sh + 1;
        int ow = (w + pl + pr - kw) / sw + 1;
        double[] out = new double[c * oh * ow];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double best = Double.NEGATIVE_INFINITY;
                    double sum = 0;
                    int n = 0;
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++) {
                            int yy = y * sh - pt + i;
                            int xx = x * sw - pl + j;
                            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                double v = in[(ch * h + yy) * w + xx];
                                best = Math.max(best, v);
                                sum += v;
                                n++;
                            }
                        }
                    }
                    out[(ch * oh + y) * ow + x] = max ? best : sum / (includePad ? kh * kw : n);
                }
            }
        }
        return out;
    }

    static float[] random(org.xbarsim.api.random.RandomStream r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
