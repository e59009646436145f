package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/** 1 / (1 + e^-x) element-wise, in the digital periphery (the MLP's other hidden activation). */
public record Sigmoid(String name) implements Layer {
    @Override
    public String kind() {
        return "sigmoid";
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        return in.get(0).clone();
    }

    @Override
    public DigitalOps digitalOps(int[] input) {
        return new DigitalOps(0, 0, 0, Layer.size(input));
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        float[] x = in.get(0);
        float[] y = new float[batch * Layer.size(shapes.get(0))];
        for (int i = 0; i < y.length; i++) {
            // StrictMath: the same bits whether or not this code was JIT-compiled.
            y[i] = (float) (1 / (1 + StrictMath.exp(-x[i])));
        }
        return y;
    }
}
