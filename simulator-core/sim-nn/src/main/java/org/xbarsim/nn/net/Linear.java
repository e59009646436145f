package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/**
 * A fully connected layer over the last axis (PyTorch's nn.Linear, ONNX's Gemm and MatMul): every
 * leading position of the input is one analog multiply with the same matrix, then the bias is added
 * digitally.
 *
 * @param name    layer name
 * @param inputs  features in (rows of the matrix)
 * @param outputs features out (columns)
 * @param weights [inputs][outputs] row-major; PyTorch's fc.weight is (outputs, inputs): see {@link #fromTorch}
 * @param bias    [outputs], or null for none
 */
public record Linear(String name, int inputs, int outputs, float[] weights, float[] bias) implements Layer {
    public Linear {
        if (inputs < 1 || outputs < 1 || (long) inputs * outputs != weights.length) {
            throw new IllegalArgumentException("expected " + inputs + " x " + outputs + " weights, got " + weights.length);
        }
        if (bias != null && bias.length != outputs) {
            throw new IllegalArgumentException("expected " + outputs + " biases, got " + bias.length);
        }
    }

    /** From PyTorch's orientation: {@code weight} is (outputs, inputs) row-major. */
    public static Linear fromTorch(String name, int inputs, int outputs, float[] weight, float[] bias) {
        if ((long) inputs * outputs != weight.length) {
            throw new IllegalArgumentException("expected " + outputs + " x " + inputs + " weights, got " + weight.length);
        }
        return new Linear(name, inputs, outputs, Tensors.transpose(weight, outputs, inputs), bias);
    }

    @Override
    public String kind() {
        return "linear";
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        int[] s = in.get(0);
        if (s.length == 0 || s[s.length - 1] != inputs) {
            throw new IllegalArgumentException("expected an input whose last axis has " + inputs + " features, got "
                    + Shapes.text(s));
        }
        int[] out = s.clone();
        out[out.length - 1] = outputs;
        return out;
    }

    @Override
    public List<WeightMatrix> matrices() {
        return List.of(new WeightMatrix(name, inputs, outputs, weights));
    }

    @Override
    public long multipliesPerSample(int[] input) {
        return Layer.size(input) / inputs;
    }

    @Override
    public DigitalOps digitalOps(int[] input) {
        return bias == null ? DigitalOps.NONE : new DigitalOps(multipliesPerSample(input) * outputs, 0, 0, 0);
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        int rows = Math.toIntExact(batch * multipliesPerSample(shapes.get(0)));
        float[] y = new float[rows * outputs];
        m.multiply(firstMatrix, in.get(0), rows, y);
        if (bias != null) {
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < outputs; o++) {
                    y[r * outputs + o] += bias[o];
                }
            }
        }
        return y;
    }
}
