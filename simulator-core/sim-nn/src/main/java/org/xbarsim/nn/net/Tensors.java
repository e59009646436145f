package org.xbarsim.nn.net;

/** Layout changes between PyTorch's and ONNX's orientations and a crossbar's (rows = inputs). */
public final class Tensors {
    private Tensors() {
    }

    /** [rows][cols] to [cols][rows]. */
    public static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }

    /** Values as float32, as a network holds them. */
    public static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
