/** The MNIST multi-layer perceptron workload: program its layers, then classify through the tiles. */
package org.xbarsim.plugins.mlp;
