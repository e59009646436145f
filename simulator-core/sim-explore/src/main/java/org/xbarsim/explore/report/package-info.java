/**
 * Reports: PNG plots of runs, sweeps and searches, drawn alike ({@link org.xbarsim.explore.report.Charts}):
 * a run's error histogram, a sweep's quantities against each swept key (means over seeds with their
 * spread), inference loss against Pfail, Pareto fronts by a key, a search's runs and fronts against
 * its limits, and the simulator's cost against matrix size.
 */
package org.xbarsim.explore.report;
