/**
 * A trace's recorded scenario run again on a simulator and its events compared with the recording
 * ({@link org.xbarsim.explore.replay.ExactReplay}): the trace is input, validated before anything runs.
 */
package org.xbarsim.explore.replay;
