/**
 * Networks and data for xbarsim's DNN workloads, in floating point: the reference the analog
 * results are compared with. Subpackages: {@code data} (MNIST, English text), {@code mlp},
 * {@code lstm}. Pure Java over primitive arrays, deterministic for a given seed.
 */
package org.xbarsim.nn;
