package org.xbarsim.plugins.rowwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.atLeast;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.line;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.params;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.read;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.readMask;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.rowwise;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * A refresh in place as an event protocol (hand-made reads in, row operations out): the MSP phase goes
 * on from what the first read of the selected columns saw, with the reference's exit rule d W >= d t -
 * margin; a pair's target within tol of 0 gets no coarse pulse; then the LSP phase as usual.
 */
class RefreshProtocolTest {
    private static final int TILE = 2;
    private static final int COLS = 16;
    private static final double NaN = Double.NaN;

    private static RowTarget refresh(int used, double[] targets, int... selected) {
        BitMask m = new BitMask(COLS);
        for (int c : selected) {
            m.set(c);
        }
        return new RowTarget(TILE, 0, used, targets, m);
    }

    /**
     * margin 1 uS, tol 0.9 uS. Column 0 (t = 10) drifted to 9.5 and column 1 (t = -8) to -7.5: within
     * margin, no coarse pulse. Column 3 (t = 5) at 2.0 gets its MSP device topped up. Columns 4 (t = 0.5)
     * and 5 (t = tol exactly) read -1.0, further than margin below their targets, but a pair's target
     * within tol of 0 gets no coarse pulse. Column 2 is not selected: never read, never pulsed.
     */
    @Test
    void theMspPhaseGoesOnFromTheDriftedReadThenTheLspPhaseFinishes() {
        double tol = params(new RowwiseClosedLoop()).number(ProgrammingPolicy.TOLERANCE);
        double[] targets = {10, -8, 20, 5, 0.5, tol};
        RowTarget target = refresh(6, targets, 0, 1, 3, 4, 5);
        Set<Integer> selected = Set.of(0, 1, 3, 4, 5);
        RowProgrammer p = rowwise(COLS);
        RowOp op = p.start(target);
        assertEquals(OpKind.READ, op.getKind());
        assertEquals(selected, readMask(op, COLS));

        double[] w = {9.5, -7.5, NaN, 2.0, -1.0, -1.0};
        op = p.next(read(0, COLS, w));
        assertEquals(OpKind.SET, op.getKind());
        assertEquals(1.0, op.getStrength(), 0.0, "sMsp");
        assertEquals(Set.of(3), line(op, DeviceLine.GP, COLS), "only the column further than margin below");
        assertEquals(Set.of(), line(op, DeviceLine.GM, COLS));
        assertEquals(selected, readMask(op, COLS));

        w[3] = 4.2; // within margin of 5: leaves
        op = p.next(read(0, COLS, w));
        assertEquals(OpKind.READ, op.getKind(), "the LSP phase's read");

        // accept * tol = 0.36 uS: every selected column is outside it, each fine-tuned towards its target.
        op = p.next(read(0, COLS, w));
        assertEquals(OpKind.SET, op.getKind());
        assertEquals(0.25, op.getStrength(), 0.0, "sLsp");
        assertEquals(Set.of(0, 3, 4, 5), line(op, DeviceLine.LP, COLS));
        assertEquals(Set.of(1), line(op, DeviceLine.LM, COLS));
        assertTrue(line(op, DeviceLine.GP, COLS).isEmpty() && line(op, DeviceLine.GM, COLS).isEmpty());
    }

    /**
     * Reads exactly d t - margin leave the MSP phase at once (the exit is inclusive, as from RESET): with
     * no selected column left, the next operation is the LSP read, although an unselected column of the
     * row is far from its target.
     */
    @Test
    void aColumnReadExactlyMarginShortOfItsTargetNeedsNoCoarsePulse() {
        double v = atLeast(9.0); // an exact read value
        double t = v + 1.0;
        assertEquals(v, t - 1.0, 0.0, "test precondition: exact arithmetic");
        RowProgrammer p = rowwise(COLS);
        p.start(refresh(3, new double[] {t, -t, 7.0}, 0, 1));
        RowOp op = p.next(read(0, COLS, new double[] {v, -v, NaN}));
        assertEquals(OpKind.READ, op.getKind());
        assertEquals(Set.of(0, 1), readMask(op, COLS));
    }

    @Test
    void withNoMspBudgetTheRefreshGoesStraightToTheLspPhase() {
        RowProgrammer p = rowwise(COLS, "nMsp", "0");
        p.start(refresh(2, new double[] {10, 3}, 0));
        RowOp op = p.next(read(0, COLS, new double[] {2.0, NaN}));
        assertEquals(OpKind.READ, op.getKind(), "no MSP pulse");
        op = p.next(read(0, COLS, new double[] {2.0, NaN}));
        assertEquals(OpKind.SET, op.getKind());
        assertEquals(Set.of(0), line(op, DeviceLine.LP, COLS));
    }

    /**
     * A single device can only be raised: a target within tol of 0 still climbs by coarse pulses from far
     * below (unlike a pair's), and a column that drifted past its target is left alone.
     */
    @Test
    void onASingleDeviceEveryTargetFarAboveItsReadIsToppedUpByTheCoarsePhase() {
        RowwiseClosedLoop policy = new RowwiseClosedLoop();
        RowProgrammer p = policy.newProgrammer(new PolicyContext(params(policy), TILE, COLS, UnitCell.single(12.5)));
        double[] targets = {0.5, 5.0, -11.0};
        p.start(refresh(3, targets, 0, 1, 2));
        // Column 0: -3 < 0.5 - margin; column 1 passed its target; column 2 within margin below.
        double[] w = {-3.0, 6.0, -11.8};
        RowOp op = p.next(read(0, COLS, w));
        assertEquals(OpKind.SET, op.getKind());
        assertEquals(Set.of(0), line(op, DeviceLine.GP, COLS), "G of column 0 only");
        assertEquals(COLS / 8, op.getEnable().limit(), "one line: G");
        w[0] = 0.0;
        assertEquals(OpKind.READ, p.next(read(0, COLS, w)).getKind());
        op = p.next(read(0, COLS, w));
        assertEquals(0.25, op.getStrength(), 0.0);
        assertEquals(Set.of(0, 2), line(op, DeviceLine.GP, COLS), "the fine phase raises what is below; 6 for 5 stays");
    }
}
