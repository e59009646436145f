/**
 * Several chips of one design: a scenario run from the seeds seed..seed+N-1 (each a chip of the same
 * design with its own device population) and summarised as one summary of means with each metric's
 * spread (mean, sd, min, max) over the chips. Runs, sweeps and searches all take their chips here.
 */
package org.xbarsim.explore.chips;
