package org.xbarsim.plugins.lstm;

import org.pf4j.Plugin;

/** The workload-lstm plugin: {@link CharLstmWorkload}. */
public class LstmPlugin extends Plugin {
}
