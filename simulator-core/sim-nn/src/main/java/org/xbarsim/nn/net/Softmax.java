package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/**
 * Softmax over the last axis, shifted by the maximum so no exponential overflows: per element one
 * comparison (the maximum), one subtraction, one exp, one addition (the sum) and one multiplication
 * (by 1/sum); per row one division.
 */
public record Softmax(String name) implements Layer {
    @Override
    public String kind() {
        return "softmax";
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        if (in.get(0).length == 0) {
            throw new IllegalArgumentException("expected an input with at least one axis, got a scalar");
        }
        return in.get(0).clone();
    }

    @Override
    public DigitalOps digitalOps(int[] input) {
        long n = Layer.size(input);
        long rows = n / input[input.length - 1];
        return new DigitalOps(2 * n, n + rows, n, n);
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        int[] s = shapes.get(0);
        int n = s[s.length - 1];
        float[] x = in.get(0);
        float[] y = new float[batch * Layer.size(s)];
        for (int from = 0; from < y.length; from += n) {
            float max = x[from];
            for (int j = from + 1; j < from + n; j++) {
                max = Math.max(max, x[j]);
            }
            double sum = 0;
            for (int j = from; j < from + n; j++) {
                // StrictMath: the same bits whether or not this code was JIT-compiled.
                double e = StrictMath.exp((double) x[j] - max);
                y[j] = (float) e;
                sum += e;
            }
            double inv = 1 / sum;
            for (int j = from; j < from + n; j++) {
                y[j] = (float) (y[j] * inv);
            }
        }
        return y;
    }
}
