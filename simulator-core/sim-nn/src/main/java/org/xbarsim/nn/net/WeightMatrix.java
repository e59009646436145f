package org.xbarsim.nn.net;

/**
 * One weight matrix of a network as a crossbar holds it: row-major [rows][cols], rows the inputs
 * (crossbar rows), columns the outputs. A linear layer's is [in][out]; a convolution's is its
 * im2col form [channels x kernel height x kernel width][output channels]; an LSTM has two,
 * [inputs][4 hidden] and [hidden][4 hidden].
 *
 * @param name    the layer's name, with {@code .input} or {@code .recurrent} for an LSTM's two
 * @param rows    inputs
 * @param cols    outputs
 * @param weights row-major, shared (not copied): read-only
 */
public record WeightMatrix(String name, int rows, int cols, float[] weights) {
    public WeightMatrix {
        if (rows <= 0 || cols <= 0 || (long) rows * cols != weights.length) {
            throw new IllegalArgumentException("matrix " + name + ": " + rows + " x " + cols + " does not match "
                    + weights.length + " weights");
        }
    }

    /** The weights as doubles, the form the chip's weight mapper takes. */
    public double[] toDoubles() {
        double[] d = new double[weights.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = weights[i];
        }
        return d;
    }
}
