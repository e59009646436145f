/**
 * Deterministic training of sequential convolutional networks (conv2d, linear, relu, max and average
 * pooling, flatten) with softmax cross-entropy: the trainer of the shipped MNIST CNN.
 */
package org.xbarsim.nn.net.train;
