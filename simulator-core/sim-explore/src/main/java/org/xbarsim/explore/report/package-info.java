/**
 * Reports: PNG plots of runs, sweeps and searches, drawn alike ({@link org.xbarsim.explore.report.Charts}):
 * a run's error histogram, a sweep's quantities against each swept key (means over seeds with their
 * spread), inference loss against Pfail, Pareto fronts by a key, a search's runs and fronts against
 * its limits, and the simulator's cost against matrix size. And the same results as text lines
 * ({@link org.xbarsim.explore.report.SummaryText}, {@link org.xbarsim.explore.report.SearchText},
 * {@link org.xbarsim.explore.report.SweepText}), and the result directories of a run and a search with
 * their plots ({@link org.xbarsim.explore.report.RunReport}, {@link org.xbarsim.explore.report.SearchReport},
 * {@link org.xbarsim.explore.report.SweepPlots}).
 */
package org.xbarsim.explore.report;
