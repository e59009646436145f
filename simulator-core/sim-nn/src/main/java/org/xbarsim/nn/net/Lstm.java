package org.xbarsim.nn.net;

import java.util.List;
import org.xbarsim.api.inference.DigitalOps;

/**
 * One forward LSTM layer over a sequence [time][inputs], from a zero state. Two matrices, each on its
 * own tiles with its own scale: the input matrix [inputs][4 hidden] and the recurrent matrix
 * [hidden][4 hidden]; each is used once per time step. Gates in PyTorch's order i, f, g, o (ONNX's
 * i, o, f, c is reordered when imported); gates, cell state and bias are digital:
 * <pre>
 *   z = x_t Wx + h_{t-1} Wh + bias;  i, f, o = sigmoid;  g = tanh
 *   c = f c + i g;  h = o tanh(c)
 * </pre>
 * Output: every step's h [time][hidden] ({@code sequence}), or the last one [hidden].
 */
public record Lstm(String name, int inputs, int hidden, float[] inputWeights, float[] recurrentWeights,
                   float[] bias, boolean sequence) implements Layer {
    public Lstm {
        int g = 4 * hidden;
        if (inputs < 1 || hidden < 1 || (long) inputs * g != inputWeights.length
                || (long) hidden * g != recurrentWeights.length || bias.length != g) {
            throw new IllegalArgumentException("expected " + inputs + " x " + g + " input weights, " + hidden + " x "
                    + g + " recurrent weights and " + g + " biases, got " + inputWeights.length + ", "
                    + recurrentWeights.length + " and " + bias.length);
        }
    }

    @Override
    public String kind() {
        return "lstm";
    }

    @Override
    public int[] outputShape(List<int[]> in) {
        int[] s = in.get(0);
        Shapes.requireRank(s, 2, "[time, features]");
        if (s[1] != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " features per time step, got " + Shapes.text(s));
        }
        return sequence ? new int[] {s[0], hidden} : new int[] {hidden};
    }

    @Override
    public List<WeightMatrix> matrices() {
        int g = 4 * hidden;
        return List.of(new WeightMatrix(name + ".input", inputs, g, inputWeights),
                new WeightMatrix(name + ".recurrent", hidden, g, recurrentWeights));
    }

    @Override
    public long multipliesPerSample(int[] input) {
        return input[0];
    }

    /** Per step and cell: 3 additions (two products and the bias) x 4 gates + 1 for the cell, 3 products, 5 nonlinear. */
    @Override
    public DigitalOps digitalOps(int[] input) {
        long cells = (long) input[0] * hidden;
        return new DigitalOps(cells * (2 * 4 + 1), cells * 3, 0, cells * 5);
    }

    @Override
    public float[] forward(List<float[]> in, List<int[]> shapes, int batch, Multiplier m, int firstMatrix) {
        int steps = shapes.get(0)[0];
        int g = 4 * hidden;
        float[] x = in.get(0);
        float[] xt = new float[batch * inputs];
        float[] h = new float[batch * hidden];
        double[] c = new double[batch * hidden];
        float[] zx = new float[batch * g];
        float[] zh = new float[batch * g];
        float[] out = new float[batch * (sequence ? steps : 1) * hidden];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(x, (b * steps + t) * inputs, xt, b * inputs, inputs);
            }
            m.multiply(firstMatrix, xt, batch, zx);
            m.multiply(firstMatrix + 1, h, batch, zh);
            for (int b = 0; b < batch; b++) {
                int z = b * g;
                for (int k = 0; k < hidden; k++) {
                    double i = sigmoid(zx[z + k] + zh[z + k] + bias[k]);
                    double f = sigmoid(zx[z + hidden + k] + zh[z + hidden + k] + bias[hidden + k]);
                    double gg = StrictMath.tanh(zx[z + 2 * hidden + k] + zh[z + 2 * hidden + k] + bias[2 * hidden + k]);
                    double o = sigmoid(zx[z + 3 * hidden + k] + zh[z + 3 * hidden + k] + bias[3 * hidden + k]);
                    int cell = b * hidden + k;
                    c[cell] = f * c[cell] + i * gg;
                    h[cell] = (float) (o * StrictMath.tanh(c[cell]));
                }
                int at = sequence ? (b * steps + t) * hidden : b * hidden;
                if (sequence || t == steps - 1) {
                    System.arraycopy(h, b * hidden, out, at, hidden);
                }
            }
        }
        return out;
    }

    /** The logistic function; StrictMath so the bits do not depend on the JIT. */
    static double sigmoid(double v) {
        return 1 / (1 + StrictMath.exp(-v));
    }
}
