package org.xbarsim.api.programming;

import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;

/**
 * Programs the rows of one tile, one row at a time, as a conversation of events: the host calls
 * {@link #start} with a row's targets, executes the returned {@link RowOp} on the hardware, hands
 * the outcome to {@link #next}, and so on until the policy answers with a DONE operation.
 */
public interface RowProgrammer {

    RowOp start(RowTarget target);

    RowOp next(RowResult result);
}
