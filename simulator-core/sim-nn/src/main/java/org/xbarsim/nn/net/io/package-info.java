/**
 * Networks from files: a network description (one layer per line) with its weights from an .npz of
 * a PyTorch state_dict ({@link org.xbarsim.nn.net.io.NetworkDescription},
 * {@link org.xbarsim.nn.net.io.StateDict}), and the choice between that and an ONNX file
 * ({@link org.xbarsim.nn.net.io.NetworkFiles}).
 */
package org.xbarsim.nn.net.io;
