/**
 * The MNIST classifier workloads: the multi-layer perceptron ({@code mnist-mlp}) and any network from
 * ONNX or a PyTorch state_dict ({@code mnist-network}): program their layers, then classify through
 * the tiles.
 */
package org.xbarsim.plugins.mlp;
