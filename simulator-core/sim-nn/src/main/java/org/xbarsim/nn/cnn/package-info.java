/** The MNIST convolutional network xbarsim ships: its architecture and how it is trained. */
package org.xbarsim.nn.cnn;
