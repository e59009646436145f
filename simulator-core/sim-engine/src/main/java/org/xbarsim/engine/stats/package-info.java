/** Run statistics: per-tile counters, error histograms, and the summary they add up to. */
package org.xbarsim.engine.stats;
