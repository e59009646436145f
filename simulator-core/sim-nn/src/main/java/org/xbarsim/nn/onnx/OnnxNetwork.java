package org.xbarsim.nn.onnx;

import org.xbarsim.nn.net.Network;

/**
 * A network imported from ONNX, with where its graph keeps the batch: ONNX tensors carry the batch
 * as an axis (0, except an LSTM's sequence-first layout, where it is 1, and its outputs, where it is
 * 1 or 2); a {@link Network} works per sample.
 *
 * @param network          the network
 * @param inputName        the graph's data input
 * @param inputBatchAxis   the batch axis of that input
 * @param outputName       the graph's output
 * @param outputBatchAxis  the batch axis of that output
 * @param opset            the default domain's operator-set version
 */
public record OnnxNetwork(Network network, String inputName, int inputBatchAxis, String outputName,
                          int outputBatchAxis, long opset) {
}
