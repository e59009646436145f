package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/**
 * Max pooling over each channel of a [C][H][W] input, in the digital periphery. Padding never wins
 * (it counts as minus infinity, as in PyTorch and ONNX); kernel elements - 1 comparisons per output.
 */
public record MaxPool2d(String name, Window window) implements Layer {
    @Override
    public String kind() {
        return "maxpool";
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        return window.pooled(in.get(0));
    }

    @Override
    public DigitalOps digitalOps(int[] input) {
        long outputs = Layer.size(outputShape(List.of(input)));
        return new DigitalOps(0, 0, outputs * (window.kernelH() * window.kernelW() - 1), 0);
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        return Pooling.pool(in.get(0), batch, shapes.get(0), window, Pooling.Mode.MAX);
    }
}
