package org.xbarsim.plugins.mlp;

import org.pf4j.Plugin;

/** The workload-mlp plugin: {@link MnistMlpWorkload} and {@link MnistNetworkWorkload}. */
public class MlpPlugin extends Plugin {
}
