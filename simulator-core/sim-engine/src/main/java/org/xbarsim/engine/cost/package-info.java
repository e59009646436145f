/**
 * The engine's own cost model ({@code cost.impl: flat}, the default): the {@code chip.energy.*} keys
 * charged per operation as they are, which is what xbarsim counted before cost models were plugins.
 */
package org.xbarsim.engine.cost;
