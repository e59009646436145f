package org.xbarsim.api.inference;

/**
 * One programmed layer as the network sees it: the product of a batch of inputs with the layer's
 * weight matrix, computed by the analog path (input DAC, drifted devices with read noise, column
 * ADCs, partial sums of split layers added digitally) and rescaled to the units of the software
 * weights, so that it can stand in for {@code x . w} in the network's own forward pass.
 * Bias and activation stay digital and are the workload's.
 */
public interface AnalogLayer {

    /** Rows of the weight matrix: the layer's inputs. */
    int inputs();

    /** Columns of the weight matrix: the layer's outputs. */
    int outputs();

    /**
     * Calibrates the layer's converters on representative inputs before it serves, as a chip is
     * calibrated once when deployed: the input DAC's range from the largest |x| (signed if any input is
     * negative) and each tile's ADC range from its largest noiseless output. Without it, the first
     * multiply calibrates on its own batch, which suits feed-forward networks but not recurrent ones
     * whose first inputs (a zero state) are unlike the rest.
     */
    void calibrate(float[] x, int batch);

    /**
     * y[b * outputs + o] = sum_i x[b * inputs + i] w[i][o], analog, for {@code batch} input vectors.
     * Calls are answered in order and are deterministic: the same calls in the same order give the
     * same numbers on any number of threads.
     */
    void multiply(float[] x, int batch, float[] y);
}
