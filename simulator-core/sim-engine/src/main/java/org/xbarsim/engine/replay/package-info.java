/**
 * Replays of a recorded trace: the recorded pulses applied open loop to another chip. Apart from
 * {@code trace} (the file format, which runs record into) so that runs and traces do not depend on
 * each other.
 */
package org.xbarsim.engine.replay;
