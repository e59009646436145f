package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/**
 * A 2-D convolution (groups 1) mapped as im2col: each output position's receptive field, channels x
 * kernel height x kernel width values, is one input vector of the matrix [C kh kw][output
 * channels], so the matrix is programmed once and reused at every position. Zero padding. Input
 * [C][H][W], output [O][H'][W'].
 *
 * @param weights [C kh kw][O] row-major, row (c kh + i) kw + j; PyTorch's conv.weight is (O, C, kh, kw):
 *                see {@link #fromTorch}
 * @param bias    [O], or null
 */
public record Conv2d(String name, int inChannels, int outChannels, Window window, float[] weights, float[] bias)
        implements Layer {
    public Conv2d {
        if (inChannels < 1 || outChannels < 1
                || (long) inChannels * window.kernelH() * window.kernelW() * outChannels != weights.length) {
            throw new IllegalArgumentException("expected " + inChannels + " x " + window.kernelH() + " x "
                    + window.kernelW() + " x " + outChannels + " weights, got " + weights.length);
        }
        if (bias != null && bias.length != outChannels) {
            throw new IllegalArgumentException("expected " + outChannels + " biases, got " + bias.length);
        }
    }

    /** From PyTorch's and ONNX's orientation: {@code weight} is (O, C, kh, kw) row-major. */
    public static Conv2d fromTorch(String name, int inChannels, int outChannels, Window window, float[] weight,
                                   float[] bias) {
        int k = inChannels * window.kernelH() * window.kernelW();
        if ((long) k * outChannels != weight.length) {
            throw new IllegalArgumentException("expected " + outChannels + " x " + inChannels + " x "
                    + window.kernelH() + " x " + window.kernelW() + " weights, got " + weight.length);
        }
        return new Conv2d(name, inChannels, outChannels, window, Tensors.transpose(weight, outChannels, k), bias);
    }

    /** Rows of the im2col matrix: channels x kernel height x kernel width. */
    public int patch() {
        return inChannels * window.kernelH() * window.kernelW();
    }

    @Override
    public String kind() {
        return "conv2d";
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        int[] s = in.get(0);
        Shapes.requireRank(s, 3, "[channels, height, width]");
        if (s[0] != inChannels) {
            throw new IllegalArgumentException("expected " + inChannels + " input channels, got " + Shapes.text(s));
        }
        return new int[] {outChannels, window.outH(s[1]), window.outW(s[2])};
    }

    @Override
    public List<WeightMatrix> matrices() {
        return List.of(new WeightMatrix(name, patch(), outChannels, weights));
    }

    @Override
    public long multipliesPerSample(int[] input) {
        return (long) window.outH(input[1]) * window.outW(input[2]);
    }

    @Override
    public DigitalOps digitalOps(int[] input) {
        return bias == null ? DigitalOps.NONE : new DigitalOps(multipliesPerSample(input) * outChannels, 0, 0, 0);
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        int[] s = shapes.get(0);
        if (m instanceof DigitalMultiplier) {
            return floatingPoint(in.get(0), batch, s);
        }
        int positions = (int) multipliesPerSample(s);
        float[] patches = im2col(in.get(0), batch, s, window);
        float[] y = new float[batch * positions * outChannels];
        m.multiply(firstMatrix, patches, batch * positions, y);
        float[] out = new float[y.length];
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < positions; p++) {
                int row = (b * positions + p) * outChannels;
                for (int o = 0; o < outChannels; o++) {
                    float v = y[row + o];
                    out[(b * outChannels + o) * positions + p] = bias == null ? v : v + bias[o];
                }
            }
        }
        return out;
    }

    /**
     * The floating-point convolution, one sample at a time with the positions along the inner loop
     * (a vectorised axpy over a sample's positions, which stay in cache): the same bits as the
     * product of {@link #im2col}'s rows with the matrix, since every output is the same sum of the
     * same products in the same order (k = 0, 1, ... from zero, then the bias).
     */
    float[] floatingPoint(float[] x, int batch, int[] s) {
        int positions = (int) multipliesPerSample(s);
        int k = patch();
        int sampleIn = s[0] * s[1] * s[2];
        float[] out = new float[batch * outChannels * positions];
        float[] cols = new float[k * positions];
        int[] fields = window.receptiveFields(s);
        for (int b = 0; b < batch; b++) {
            columns(x, b * sampleIn, fields, positions, cols);
            int ob = b * outChannels * positions;
            for (int i = 0; i < k; i++) {
                int ci = i * positions;
                for (int o = 0; o < outChannels; o++) {
                    float w = weights[i * outChannels + o];
                    int oo = ob + o * positions;
                    for (int p = 0; p < positions; p++) {
                        out[oo + p] += cols[ci + p] * w;
                    }
                }
            }
            if (bias != null) {
                for (int o = 0; o < outChannels; o++) {
                    int oo = ob + o * positions;
                    for (int p = 0; p < positions; p++) {
                        out[oo + p] += bias[o];
                    }
                }
            }
        }
        return out;
    }

    /** One sample's receptive fields transposed: cols[k][position], 0 in the padding. */
    static void columns(float[] x, int offset, int[] fields, int positions, float[] cols) {
        int k = fields.length / positions;
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < k; i++) {
                int at = fields[p * k + i];
                cols[i * positions + p] = at < 0 ? 0f : x[offset + at];
            }
        }
    }

    /**
     * The receptive fields of every output position, one row of C kh kw values per position, rows
     * in order (sample, output row, output column); positions in the padding read 0.
     */
    public static float[] im2col(float[] x, int batch, int[] shape, Window w) {
        int[] fields = w.receptiveFields(shape);
        int sample = shape[0] * shape[1] * shape[2];
        float[] rows = new float[batch * fields.length];
        for (int b = 0; b < batch; b++) {
            int xb = b * sample;
            int rb = b * fields.length;
            for (int f = 0; f < fields.length; f++) {
                rows[rb + f] = fields[f] < 0 ? 0f : x[xb + fields[f]];
            }
        }
        return rows;
    }
}
