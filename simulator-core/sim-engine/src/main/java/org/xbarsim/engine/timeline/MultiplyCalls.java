package org.xbarsim.engine.timeline;

import java.util.Arrays;

/**
 * The analog multiplies a workload asked for, in the order it asked: each call names a layer and how
 * many input vectors (rows of its batch) it multiplied. What {@link InferenceTimeline} times: a
 * multiply's timing does not depend on the numbers multiplied, so the functional results are computed
 * as the calls come and the calls are timed after, all at once, on the chip's clock.
 */
public final class MultiplyCalls {
    private int[] layers = new int[16];
    private int[] batches = new int[16];
    private int size;

    /** Records a call of layer {@code layer} on {@code batch} input vectors. */
    public void add(int layer, int batch) {
        if (layer < 0 || batch < 1) {
            throw new IllegalArgumentException("a multiply of layer " + layer + " on " + batch + " vectors");
        }
        if (size == layers.length) {
            layers = Arrays.copyOf(layers, 2 * size);
            batches = Arrays.copyOf(batches, 2 * size);
        }
        layers[size] = layer;
        batches[size] = batch;
        size++;
    }

    /** Calls recorded. */
    public int size() {
        return size;
    }

    public int layer(int call) {
        return layers[call];
    }

    /** Input vectors (rows) a call multiplied. */
    public int batch(int call) {
        return batches[call];
    }

    /**
     * Whether a call begins a new pass of samples through the network: the first call, and each call
     * whose layer does not come after the previous call's (the workload went back to an earlier layer,
     * as an MLP does for its next batch and an LSTM for its next time step).
     */
    public boolean startsPass(int call) {
        return call == 0 || layers[call] <= layers[call - 1];
    }
}
