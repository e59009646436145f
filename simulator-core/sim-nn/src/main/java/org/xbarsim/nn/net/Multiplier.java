package org.xbarsim.nn.net;

/**
 * The matrix products of a forward pass: {@code y[r * cols + c] = sum_k x[r * rows_m + k] W_m[k][c]}
 * for {@code rows} input vectors and the network's weight matrix {@code m} (its index in
 * {@link Network#matrices()}). A convolution asks for one vector per output position, an LSTM one
 * per time step: the same matrix, reused.
 */
@FunctionalInterface
public interface Multiplier {
    void multiply(int matrix, float[] x, int rows, float[] y);
}
