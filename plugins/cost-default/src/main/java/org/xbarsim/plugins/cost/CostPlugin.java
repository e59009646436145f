package org.xbarsim.plugins.cost;

import org.pf4j.Plugin;

/** The cost-default plugin: the cited cost model {@link CitedCostModel} and the user's own {@link TableCostModel}. */
public class CostPlugin extends Plugin {
}
