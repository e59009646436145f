package org.xbarsim.nn.net;

/** The loop both pooling layers share. */
final class Pooling {
    enum Mode { MAX, AVERAGE, AVERAGE_WITH_PAD }

    private Pooling() {
    }

    static float[] pool(float[] x, int batch, int[] shape, Window w, Mode mode) {
        int plane = shape[1] * shape[2];
        int[] fields = w.receptiveFields(new int[] {1, shape[1], shape[2]});
        int k = w.kernelH() * w.kernelW();
        int positions = fields.length / k;
        float[] y = new float[batch * shape[0] * positions];
        for (int c = 0; c < batch * shape[0]; c++) {
            int xp = c * plane;
            for (int p = 0; p < positions; p++) {
                float max = Float.NEGATIVE_INFINITY;
                float sum = 0f;
                int inside = 0;
                for (int i = p * k; i < (p + 1) * k; i++) {
                    if (fields[i] >= 0) {
                        float v = x[xp + fields[i]];
                        max = Math.max(max, v);
                        sum += v;
                        inside++;
                    }
                }
                y[c * positions + p] = mode == Mode.MAX ? max : sum / (mode == Mode.AVERAGE_WITH_PAD ? k : inside);
            }
        }
        return y;
    }
}
