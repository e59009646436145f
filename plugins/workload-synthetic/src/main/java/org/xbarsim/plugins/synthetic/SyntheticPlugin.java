package org.xbarsim.plugins.synthetic;

import org.pf4j.Plugin;

/** The workload-synthetic plugin: {@link SyntheticWorkload}. */
public class SyntheticPlugin extends Plugin {
}
