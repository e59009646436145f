/**
 * The search behind {@code xbarsim optimize}: the knobs it varies, the objective and limits it scores
 * runs by, the Pareto front of Pfail against programming time, and the search itself (a quasi-random
 * design, then CMA-ES from the best design point).
 */
package org.xbarsim.cli.optimize;
