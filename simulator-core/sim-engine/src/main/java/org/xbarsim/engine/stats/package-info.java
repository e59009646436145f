/** Run statistics: per-tile counters and error histograms, bumped by tiles as rows finish. */
package org.xbarsim.engine.stats;
