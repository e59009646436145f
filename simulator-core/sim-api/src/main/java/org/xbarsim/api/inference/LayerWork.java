package org.xbarsim.api.inference;

import java.util.List;

/**
 * What one layer of a network asks of the chip for one evaluated sample: the analog multiplies of
 * its weight matrices (a convolution reuses its matrix once per output position, an LSTM once per
 * time step) and the operations left to the digital periphery. The host joins it with the tiles the
 * matrices were mapped onto to report the mapping.
 *
 * @param name                the layer's name
 * @param kind                linear, conv2d, relu, maxpool, avgpool, flatten, lstm, add or softmax
 * @param matrices            indices of the layer's weight matrices in the workload's
 *                            {@code layers()} list (empty for a digital layer)
 * @param multipliesPerSample analog multiplies of each of those matrices per sample
 * @param digital             digital operations per sample
 */
public record LayerWork(String name, String kind, List<Integer> matrices, long multipliesPerSample,
                        DigitalOps digital) {
    public LayerWork {
        matrices = List.copyOf(matrices);
        if (multipliesPerSample < 0) {
            throw new IllegalArgumentException("layer " + name + ": multiplies per sample must be >= 0, got "
                    + multipliesPerSample);
        }
    }
}
