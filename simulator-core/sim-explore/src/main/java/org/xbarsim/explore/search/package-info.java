/**
 * Searches for the best hardware conditions under a goal: the knobs varied between bounds, goals (any
 * summary metric minimised or maximised, limits on any others), scored on several chips, the
 * tolerance that follows F G_T, the search itself (a Sobol design, then CMA-ES from its best point),
 * the Pareto front of Pfail against programming time, and the table of every run.
 */
package org.xbarsim.explore.search;
