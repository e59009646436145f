/** A workload of plain matrix-vector multiplies, for the cost of one multiply on the programmed chip. */
package org.xbarsim.plugins.mvm;
