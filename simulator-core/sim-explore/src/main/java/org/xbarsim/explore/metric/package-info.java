/**
 * Metrics: the numbers of a run summary by their path ({@code programming.pfail},
 * {@code inference.analogAccuracy}), with their units and which way is better, and limits on them
 * ({@code inference.analogAccuracy>=97.3%}) for searches.
 */
package org.xbarsim.explore.metric;
