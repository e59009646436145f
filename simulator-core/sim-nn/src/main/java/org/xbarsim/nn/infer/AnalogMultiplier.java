package org.xbarsim.nn.infer;

import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.nn.net.Multiplier;

/**
 * A network's matrix products on the chip: matrix {@code m} is the host's analog layer {@code m}
 * (the workload's {@code layers()} listed the network's matrices in order). Each input vector is
 * one analog multiply, which the host times and prices: a convolution's image positions and an
 * LSTM's time steps each cost one.
 */
public final class AnalogMultiplier implements Multiplier {
    private final InferenceContext context;

    public AnalogMultiplier(InferenceContext context) {
        this.context = context;
    }

    @Override
    public void multiply(int matrix, float[] x, int rows, float[] y) {
        context.layer(matrix).multiply(x, rows, y);
    }
}
