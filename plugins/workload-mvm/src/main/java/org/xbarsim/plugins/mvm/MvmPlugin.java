package org.xbarsim.plugins.mvm;

import org.pf4j.Plugin;

/** The workload-mvm plugin: {@link RandomMvmWorkload}. */
public class MvmPlugin extends Plugin {
}
