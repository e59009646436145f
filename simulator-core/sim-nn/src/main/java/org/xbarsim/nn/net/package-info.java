/**
 * Networks as a small graph of layers ({@link org.xbarsim.nn.net.Network}): linear, conv2d, relu,
 * maxpool, avgpool, flatten, lstm, add and softmax, with every shape checked when the graph is
 * built. The forward pass takes its matrix products from a {@link org.xbarsim.nn.net.Multiplier},
 * so the same code runs in floating point ({@link org.xbarsim.nn.net.DigitalMultiplier}) and
 * through a chip's analog layers; everything else (bias, activation, pooling, residual add,
 * softmax) is digital and counted per sample ({@link org.xbarsim.api.inference.DigitalOps}).
 * Tensors are per-sample float arrays in row-major order: images [channels][height][width],
 * sequences [time][features].
 */
package org.xbarsim.nn.net;
