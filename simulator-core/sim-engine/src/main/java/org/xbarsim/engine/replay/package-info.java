/**
 * Replays of a recorded trace that need no simulator: the recorded pulses applied open loop to another
 * chip ({@link org.xbarsim.engine.replay.DeviceReplay}), and the recorded tile layout as tile jobs.
 * Apart from {@code trace} (the file format, which runs record into) so that runs and traces do not
 * depend on each other. The exact replay, which runs the recorded scenario again, is sim-explore's.
 */
package org.xbarsim.engine.replay;
