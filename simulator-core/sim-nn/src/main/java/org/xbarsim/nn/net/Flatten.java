package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/** Every axis of a sample into one (PyTorch's nn.Flatten(), ONNX's Flatten with axis 1): no data moves. */
public record Flatten(String name) implements Layer {
    @Override
    public String kind() {
        return "flatten";
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        return new int[] {Layer.size(in.get(0))};
    }

    @Override
    public DigitalOps digitalOps(int[] input) {
        return DigitalOps.NONE;
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        return in.get(0);
    }
}
