/**
 * A character-level LSTM language model in floating point ({@link org.xbarsim.nn.lstm.CharLstm}),
 * its deterministic trainer ({@link org.xbarsim.nn.lstm.LstmTrainer}: truncated backpropagation
 * through time, Adam, gradient clipping) and the command that trains the shipped model
 * ({@link org.xbarsim.nn.lstm.TrainCharLstm}). Weight matrices are stored rows = inputs, the way
 * xbarsim maps a layer onto crossbar rows.
 */
package org.xbarsim.nn.lstm;
