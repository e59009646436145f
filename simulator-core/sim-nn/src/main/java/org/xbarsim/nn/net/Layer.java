package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/**
 * One layer of a {@link Network}: a pure function of its input tensors (per-sample shapes without
 * the batch) and its parameters. Shapes are checked by {@link #outputShape}, which names what it
 * expected; the network prefixes the layer's name.
 */
public sealed interface Layer permits Linear, Conv2d, Relu, Sigmoid, MaxPool2d, AvgPool2d, Flatten, Softmax, Add, Lstm {

    /** The layer's name: a PyTorch module name (conv1, fc1) or an ONNX node name; unique in a network. */
    String name();

    /** linear, conv2d, relu, sigmoid, maxpool, avgpool, flatten, lstm, add or softmax. */
    String kind();

    /** Inputs from other nodes: 1, or 2 for a residual add. */
    default int arity() {
        return 1;
    }

    /**
     * The per-sample output shape for these per-sample input shapes.
     *
     * @throws IllegalArgumentException saying what was expected and what came
     */
    int[] outputShape(List<int[]> inputs);

    /** The layer's weight matrices, in the order the network numbers them. */
    default List<WeightMatrix> matrices() {
        return List.of();
    }

    /** Analog multiplies of each of {@link #matrices()} per sample: output positions, or time steps. */
    default long multipliesPerSample(int[] input) {
        return 0;
    }

    /** Digital operations per sample for this input shape. */
    DigitalOps digitalOps(int[] input);

    /**
     * Computes a batch: {@code inputs[i]} holds {@code batch} samples of shape {@code shapes.get(i)}
     * one after another. Products with the layer's own matrices go through {@code m}, whose
     * matrix indices start at {@code firstMatrix}.
     */
    float[] forward(List<float[]> inputs, List<int[]> shapes, int batch, Multiplier m, int firstMatrix);

    /** Elements of a shape. */
    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected a tensor of fewer than 2^31 elements, got shape "
                    + Shapes.text(shape));
        }
        return (int) n;
    }
}
