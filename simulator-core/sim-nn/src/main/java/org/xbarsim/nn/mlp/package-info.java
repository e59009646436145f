/**
 * A multi-layer perceptron in floating point ({@link org.xbarsim.nn.mlp.Mlp}), its deterministic
 * trainer ({@link org.xbarsim.nn.mlp.MlpTrainer}), and the command that trained the shipped MNIST
 * model ({@link org.xbarsim.nn.mlp.TrainMnistMlp}). Weights are stored row-major [in][out]: rows
 * are inputs, as xbarsim maps a layer onto a crossbar.
 */
package org.xbarsim.nn.mlp;
