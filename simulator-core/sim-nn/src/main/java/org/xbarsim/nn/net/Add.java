package org.xbarsim.nn.net;

import java.util.Arrays;
import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/**
 * Element-wise addition in the digital periphery: of two node outputs of the same shape (a residual
 * connection), or of one node output and a constant broadcast over its leading axes (a bias kept
 * apart from its layer, as ONNX exports of MatMul + Add have it). The constant's shape must equal
 * the input shape's trailing axes, after dropping leading axes of size 1.
 *
 * @param constant      null for a residual add of two inputs
 * @param constantShape the constant's shape as given (leading 1s allowed); null with no constant
 */
public record Add(String name, float[] constant, int[] constantShape) implements Layer {
    public Add {
        if ((constant == null) != (constantShape == null)
                || constant != null && Layer.size(constantShape) != constant.length) {
            throw new IllegalArgumentException("expected a constant and its shape together, of matching sizes");
        }
    }

    /** A residual add of two inputs. */
    public static Add residual(String name) {
        return new Add(name, null, null);
    }

    @Override
    public String kind() {
        return "add";
    }

    @Override
    public int arity() {
        return constant == null ? 2 : 1;
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        int[] a = in.get(0);
        if (constant == null) {
            if (!Arrays.equals(a, in.get(1))) {
                throw new IllegalArgumentException("expected two inputs of the same shape, got " + Shapes.text(a)
                        + " and " + Shapes.text(in.get(1)));
            }
            return a.clone();
        }
        int[] c = trimmed(constantShape);
        if (c.length > a.length || !Arrays.equals(c, Arrays.copyOfRange(a, a.length - c.length, a.length))) {
            throw new IllegalArgumentException("expected a constant whose shape is the input's trailing axes "
                    + "(the same for every sample), got " + Shapes.text(constantShape) + " for input "
                    + Shapes.text(a));
        }
        return a.clone();
    }

    private static int[] trimmed(int[] shape) {
        int i = 0;
        while (i < shape.length && shape[i] == 1) {
            i++;
        }
        return Arrays.copyOfRange(shape, i, shape.length);
    }

    @Override
    public DigitalOps digitalOps(int[] input) {
        return new DigitalOps(Layer.size(input), 0, 0, 0);
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        float[] a = in.get(0);
        int n = batch * Layer.size(shapes.get(0));
        float[] y = new float[n];
        if (constant == null) {
            float[] b = in.get(1);
            for (int i = 0; i < n; i++) {
                y[i] = a[i] + b[i];
            }
        } else {
            int period = constant.length;
            for (int i = 0; i < n; i++) {
                y[i] = a[i] + constant[i % period];
            }
        }
        return y;
    }
}
