package org.xbarsim.plugins.mlp;

import org.pf4j.Plugin;

/** The workload-mlp plugin: {@link MnistMlpWorkload}. */
public class MlpPlugin extends Plugin {
}
