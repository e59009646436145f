package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/** max(0, x) element-wise, in the digital periphery: one comparison per element. */
public record Relu(String name) implements Layer {
    @Override
    public String kind() {
        return "relu";
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        return in.get(0).clone();
    }

    @Override
    public DigitalOps digitalOps(int[] input) {
        return new DigitalOps(0, 0, Layer.size(input), 0);
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        float[] x = in.get(0);
        int n = batch * Layer.size(shapes.get(0));
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
        return y;
    }
}
