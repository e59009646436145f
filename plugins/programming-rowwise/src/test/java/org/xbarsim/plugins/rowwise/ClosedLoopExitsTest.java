package org.xbarsim.plugins.rowwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.atLeast;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.line;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.noRead;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.params;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.read;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.rowwise;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.serial;
import static org.xbarsim.plugins.rowwise.PolicyVariantsTest.enabled;
import static org.xbarsim.plugins.rowwise.PolicyVariantsTest.programmer;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * Where the closed-loop policies leave a phase as an event protocol: the LSP read that finds nothing to
 * do, a zero LSP budget, and the retry policy's overshoot threshold and the read it judges by.
 */
class ClosedLoopExitsTest {
    private static final int TILE = 2;
    private static final int COLS = 16;

    /** RESET, one MSP pulse whose read puts every column within margin: returns the LSP read. */
    private static RowOp toLspRead(RowProgrammer p, double[] targets) {
        p.start(new RowTarget(TILE, 0, targets.length, targets));
        assertEquals(OpKind.SET, p.next(noRead(0)).getKind());
        RowOp op = p.next(read(0, COLS, targets));
        assertEquals(OpKind.READ, op.getKind());
        return op;
    }

    @Test
    void anLspReadWithEveryColumnAcceptedEndsTheRowWithoutAFinePulse() {
        RowProgrammer p = rowwise(COLS);
        toLspRead(p, new double[] {10, -8});
        // accept * tol = 0.36 uS.
        assertEquals(OpKind.DONE, p.next(read(0, COLS, new double[] {10.2, -8.2})).getKind());
    }

    @Test
    void seriallyAnAcceptedColumnHandsOverToTheNextColumnsReset() {
        RowProgrammer p = serial(COLS);
        double[] targets = {10, -8};
        p.start(new RowTarget(TILE, 0, 2, targets));
        p.next(noRead(0));
        assertEquals(OpKind.READ, p.next(read(0, COLS, new double[] {10, Double.NaN})).getKind());
        RowOp op = p.next(read(0, COLS, new double[] {10.2, Double.NaN}));
        assertEquals(OpKind.RESET, op.getKind());
        assertEquals(Set.of(1), enabled(op, COLS));
    }

    @Test
    void withNoLspBudgetTheLspReadEndsTheRow() {
        RowProgrammer p = rowwise(COLS, "nLsp", "0");
        toLspRead(p, new double[] {10, -8});
        assertEquals(OpKind.DONE, p.next(read(0, COLS, new double[] {8.0, -6.0})).getKind());
    }

    /**
     * maxOvershoot 3 uS: a column whose MSP read is exactly 3 uS past its target (either sign) is left
     * to the LSP; one ADC step more is RESET and redone. With no retries, nothing is.
     */
    @Test
    void aRetryNeedsAnOvershootBeyondMaxOvershoot() {
        double v = atLeast(13.0); // exact read values
        double next = atLeast(Math.nextUp(v));
        double t = v - 3.0;
        assertEquals(v, t + 3.0, 0.0, "test precondition: exact arithmetic");
        double[] targets = {t, t, -t};
        double[] reads = {v, next, -v};

        RowProgrammer p = programmer(new RetryClosedLoop(), COLS, "maxOvershoot", "3uS");
        p.start(new RowTarget(TILE, 0, 3, targets));
        p.next(noRead(0));
        RowOp op = p.next(read(0, COLS, reads));
        assertEquals(OpKind.RESET, op.getKind());
        for (DeviceLine l : DeviceLine.values()) {
            assertEquals(Set.of(1), line(op, l, COLS), "only the column past maxOvershoot, line " + l);
        }

        RowProgrammer none = programmer(new RetryClosedLoop(), COLS, "maxOvershoot", "3uS", "retries", "0");
        none.start(new RowTarget(TILE, 0, 3, targets));
        none.next(noRead(0));
        assertEquals(OpKind.READ, none.next(read(0, COLS, reads)).getKind(), "no retries: on to the LSP read");
    }

    /**
     * On a single device the retry RESET carries a read (W restarts at the reset state). A column that
     * left the MSP phase 2.9 uS past its target is not retried later because a noisy read taken with
     * another column's RESET shows it 0.1 uS further: the rule judges each column's last MSP read.
     */
    @Test
    void aRetryJudgesTheLastMspReadNotALaterRead() {
        RetryClosedLoop policy = new RetryClosedLoop();
        RowProgrammer p = policy.newProgrammer(new PolicyContext(params(policy, "maxOvershoot", "3uS"), TILE, COLS,
                UnitCell.single(12.5)));
        double[] targets = {10, 5};
        RowOp op = p.start(new RowTarget(TILE, 0, 2, targets));
        assertEquals(OpKind.RESET, op.getKind());
        op = p.next(read(0, COLS, new double[] {-12.4, -12.4}));
        assertEquals(Set.of(0, 1), line(op, DeviceLine.GP, COLS));
        // Column 0 is 4 uS past 10: retried. Column 1 is 2.9 uS past 5: kept.
        op = p.next(read(0, COLS, new double[] {14.0, 7.9}));
        assertEquals(OpKind.RESET, op.getKind());
        assertEquals(Set.of(0), line(op, DeviceLine.GP, COLS));
        op = p.next(read(0, COLS, new double[] {-12.4, 8.1}));
        assertEquals(OpKind.SET, op.getKind());
        assertEquals(0.5, op.getStrength(), 0.0, "retryScale * sMsp");
        assertEquals(Set.of(0), line(op, DeviceLine.GP, COLS));
        // Column 0 lands within margin; a retry is left, but no column's last MSP read overshot.
        op = p.next(read(0, COLS, new double[] {9.5, 8.1}));
        assertEquals(OpKind.READ, op.getKind());
    }
}
