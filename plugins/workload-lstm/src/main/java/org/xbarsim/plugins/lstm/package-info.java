/** The character-level LSTM workload: program its matrices, then measure bits per character through the tiles. */
package org.xbarsim.plugins.lstm;
