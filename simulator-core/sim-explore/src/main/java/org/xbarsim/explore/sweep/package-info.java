/**
 * Sweeps: a scenario run over the cartesian product of axes (lists of values, ranges
 * {@code lo:hi:n[:log]} in each key's own kind, linked keys that take the same value), their results
 * as a table ({@code sweep.csv}) and the record of their axes ({@code sweep.properties}) that a
 * resumed sweep and a report read back.
 */
package org.xbarsim.explore.sweep;
