/**
 * Hardware blocks of a chip, functionally: crossbar tiles of four-device cells, row drivers, the
 * verify-read path with its SAR ADCs, the executor that runs a row's operations on them and logs
 * what each demanded ({@link org.xbarsim.engine.hw.RowDemand}), the timing rules of those operations
 * ({@link org.xbarsim.engine.hw.OpTiming}), and what tiles share ({@link org.xbarsim.engine.hw.SharedHardware}).
 * When things happen is the chip timeline's ({@code org.xbarsim.engine.timeline}).
 */
package org.xbarsim.engine.hw;
