package org.xbarsim.nn.net;

/** The loop both pooling layers share. */
final class Pooling {
    enum Mode { MAX, AVERAGE, AVERAGE_WITH_PAD }

    private Pooling() {
    }

    static float[] pool(float[] x, int batch, int[] shape, Window w, Mode mode) {
        int c = shape[0];
        int h = shape[1];
        int wd = shape[2];
        int oh = w.outH(h);
        int ow = w.outW(wd);
        float[] y = new float[batch * c * oh * ow];
        int o = 0;
        for (int plane = 0; plane < batch * c; plane++) {
            int xp = plane * h * wd;
            for (int py = 0; py < oh; py++) {
                for (int px = 0; px < ow; px++) {
                    float max = Float.NEGATIVE_INFINITY;
                    float sum = 0f;
                    int inside = 0;
                    for (int i = 0; i < w.kernelH(); i++) {
                        int yy = py * w.strideH() - w.padTop() + i;
                        if (yy < 0 || yy >= h) {
                            continue;
                        }
                        for (int j = 0; j < w.kernelW(); j++) {
                            int xx = px * w.strideW() - w.padLeft() + j;
                            if (xx >= 0 && xx < wd) {
                                float v = x[xp + yy * wd + xx];
                                max = Math.max(max, v);
                                sum += v;
                                inside++;
                            }
                        }
                    }
                    int divisor = mode == Mode.AVERAGE_WITH_PAD ? w.kernelH() * w.kernelW() : inside;
                    y[o++] = mode == Mode.MAX ? max : sum / divisor;
                }
            }
        }
        return y;
    }
}
