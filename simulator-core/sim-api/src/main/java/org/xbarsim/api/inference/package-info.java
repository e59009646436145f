/**
 * Inference after programming: workloads that run their network through the programmed tiles
 * ({@link org.xbarsim.api.inference.AnalogLayer}) and compare it with floating point.
 */
package org.xbarsim.api.inference;
