/**
 * Hardware blocks of a chip: crossbar tiles of four-device cells, the verify-read path with its
 * SAR ADCs, row drivers, and the sequencer that times row operations on the kernel.
 */
package org.xbarsim.engine.hw;
