/**
 * Point runners: {@link org.xbarsim.explore.runner.PointRunner}, the one interface sweeps and searches
 * run points through, its local pool, and the grouping that programs a chip once for the points that
 * differ only in their inference time.
 */
package org.xbarsim.explore.runner;
