package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/**
 * Average pooling over each channel of a [C][H][W] input, in the digital periphery. With
 * {@code countIncludePad} the divisor is always the kernel size (PyTorch's default); without it, the
 * number of window elements inside the input (ONNX's default). Per output: kernel elements - 1
 * additions and one multiplication by the reciprocal.
 */
public record AvgPool2d(String name, Window window, boolean countIncludePad) implements Layer {
    @Override
    public String kind() {
        return "avgpool";
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        return window.pooled(in.get(0));
    }

    @Override
    public DigitalOps digitalOps(int[] input) {
        long outputs = Layer.size(outputShape(List.of(input)));
        return new DigitalOps(outputs * (window.kernelH() * window.kernelW() - 1), outputs, 0, 0);
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        return Pooling.pool(in.get(0), batch, shapes.get(0), window,
                countIncludePad ? Pooling.Mode.AVERAGE_WITH_PAD : Pooling.Mode.AVERAGE);
    }
}
