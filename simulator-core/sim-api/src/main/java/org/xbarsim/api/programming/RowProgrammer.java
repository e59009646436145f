package org.xbarsim.api.programming;

import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;

/**
 * Programs rows of one tile, one row at a time, as a conversation of events: the host calls
 * {@link #start} with a row's targets, executes the returned {@link RowOp} on the hardware, hands
 * the outcome to {@link #next}, and so on until the policy answers with a DONE operation.
 *
 * <p>State per row only: what a programmer does on a row must depend on that row's targets and
 * outcomes alone, never on the rows it programmed before. The host shares a tile's rows out among
 * several programmers running at once, and which rows each gets depends on the number of threads;
 * a programmer that carried something over from one row to the next (a learnt gain, a running
 * budget) would make results depend on it. Scratch arrays reused between rows are fine when
 * {@link #start} resets everything a row's decisions read.
 */
public interface RowProgrammer {

    RowOp start(RowTarget target);

    RowOp next(RowResult result);
}
