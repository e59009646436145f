package org.xbarsim.plugins.rowwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.bits;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.noRead;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.params;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.range;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * The open-loop policy's pulse counts, worked out here from its documented plan (OpenLoopProgrammer's
 * description) on the nominal curve applied pulse by pulse ({@link NominalCurveTest#afterPulses}):
 * kMsp coarse pulses whose gain times rise is closest to |t - start|, then kLsp fine pulses for the
 * remainder when it is outside accept * tol, on the fine line that moves W towards the target,
 * continuing from the coarse pulses' conductance when the fine line is the same device.
 */
class OpenLoopPlanTest {
    private static final int TILE = 2;
    private static final int COLS = 16;
    private static final double F = 3.0;
    /** The policy's defaults (science.md sections 3 and 4): the nominal PCM curve and the pulse strengths. */
    private static final double ALPHA = 1.0;
    private static final double G_MAX = 25;
    private static final double G_RESET = 0.1;
    private static final double S_MSP = 1.0;
    private static final double S_LSP = 0.25;
    private static final int N_LSP = 40;

    /** One column's plan: pulses and device line of each phase (line -1: no pulse). */
    record Plan(int msp, int mspLine, int lsp, int lspLine) {
    }

    /**
     * The documented plan of one column. Lines by the cell's order: GP 0, GM 1, LP 2, LM 3 on two pairs;
     * GP 0, GM 1 on a pair (both phases); G 0 on a single device, which cannot lower W.
     */
    static Plan plan(UnitCell cell, double t, double tol, double accept, int nMsp) {
        int devices = cell.devices();
        double start = devices == 1 ? G_RESET - cell.referenceMicroSiemens() : 0;
        int d = devices > 1 && t < 0 ? -1 : 1;
        double coarseGain = devices == 4 ? F : 1;
        int coarseLine = d > 0 ? 0 : 1;
        double a = d * (t - start);
        assertTrue(Math.abs(a - tol) > 1e-9, "test precondition: not at the tol boundary");
        if (a <= tol) {
            return new Plan(0, -1, 0, -1);
        }
        int m = NominalCurveTest.closest(ALPHA, G_MAX, G_RESET, a / coarseGain, S_MSP, nMsp);
        assertTrue(m >= 0, "test precondition: no near-tie in the MSP count of " + t);
        double g = NominalCurveTest.afterPulses(ALPHA, G_MAX, G_RESET, S_MSP, m);
        double r = t - start - d * coarseGain * (g - G_RESET);
        assertTrue(Math.abs(Math.abs(r) - tol * accept) > 1e-9, "test precondition: not at the accept boundary");
        int fineLine = switch (devices) {
            case 4 -> r > 0 ? 2 : 3;
            case 2 -> r > 0 ? 0 : 1;
            default -> r > 0 ? 0 : -1;
        };
        if (Math.abs(r) <= tol * accept || fineLine < 0) {
            return new Plan(m, coarseLine, 0, -1);
        }
        double from = fineLine == coarseLine ? g : G_RESET;
        int l = NominalCurveTest.closest(ALPHA, G_MAX, from, Math.abs(r), S_LSP, N_LSP);
        assertTrue(l >= 0, "test precondition: no near-tie in the LSP count of " + t);
        return new Plan(m, coarseLine, l, fineLine);
    }

    static RowProgrammer openLoop(UnitCell cell, String... overrides) {
        OpenLoopPolicy policy = new OpenLoopPolicy();
        return policy.newProgrammer(new PolicyContext(params(policy, overrides), TILE, COLS, cell));
    }

    /** Every operation of one row, DONE excluded; open loop never reads, so each answer is an empty result. */
    static List<RowOp> run(RowProgrammer p, int row, double[] targets, int used) {
        List<RowOp> ops = new ArrayList<>();
        RowOp op = p.start(new RowTarget(TILE, row, used, targets));
        while (op.getKind() != OpKind.DONE) {
            assertTrue(ops.size() < 1000, "terminates");
            assertTrue(bits(op.getRead(), 0, COLS).isEmpty(), "open loop never reads");
            ops.add(op);
            op = p.next(noRead(row));
        }
        assertEquals(row, op.getRow());
        return ops;
    }

    /**
     * Checks a row's operations against the plan of each column: a RESET of every line of the used
     * columns, then the MSP phase (pulse i at sMsp enables the columns planned more than i pulses, on
     * their coarse line), then the LSP phase alike at sLsp, each phase as long as its longest column.
     */
    static void assertFollowsPlan(UnitCell cell, List<RowOp> ops, Plan[] plans) {
        int used = plans.length;
        RowOp reset = ops.get(0);
        assertEquals(OpKind.RESET, reset.getKind());
        for (int line = 0; line < cell.devices(); line++) {
            assertEquals(range(0, used), bits(reset.getEnable(), line * COLS, (line + 1) * COLS), "RESET line " + line);
        }
        int mspLength = 0;
        int lspLength = 0;
        for (Plan p : plans) {
            mspLength = Math.max(mspLength, p.msp());
            lspLength = Math.max(lspLength, p.lsp());
        }
        assertEquals(1 + mspLength + lspLength, ops.size(), "RESET, then the longest column's pulses of each phase");
        for (int i = 0; i < mspLength + lspLength; i++) {
            RowOp op = ops.get(1 + i);
            boolean msp = i < mspLength;
            int pulse = msp ? i : i - mspLength;
            assertEquals(OpKind.SET, op.getKind());
            assertEquals(msp ? S_MSP : S_LSP, op.getStrength(), 0.0, "pulse " + i);
            for (int c = 0; c < used; c++) {
                Plan p = plans[c];
                int count = msp ? p.msp() : p.lsp();
                int planned = msp ? p.mspLine() : p.lspLine();
                for (int line = 0; line < cell.devices(); line++) {
                    boolean on = bits(op.getEnable(), line * COLS, (line + 1) * COLS).contains(c);
                    assertEquals(line == planned && pulse < count, on, (msp ? "MSP" : "LSP") + " pulse " + pulse
                            + " column " + c + " line " + line + ", plan " + p);
                }
            }
            assertTrue(bits(op.getEnable(), cell.devices() * COLS, 4 * COLS + 8).isEmpty(),
                    "no line beyond the cell's");
        }
    }

    private static void check(UnitCell cell, double[] targets, double tol, double accept, int nMsp,
                              String... overrides) {
        Plan[] plans = new Plan[targets.length];
        for (int c = 0; c < targets.length; c++) {
            plans[c] = plan(cell, targets[c], tol, accept, nMsp);
        }
        assertFollowsPlan(cell, run(openLoop(cell, overrides), 3, targets, targets.length), plans);
    }

    /** Two pairs (F = 3): coarse pulses on GP or GM, remainders on LP or LM; within-tol targets untouched. */
    @Test
    void twoPairsFollowTheNominalPlan() {
        double[] targets = {10, -10, 25.3, -41.0, 0.5, -0.6, 3.7, -6.2, 44, 1.4, -2.2, 17.8};
        check(UnitCell.twoPairs(F), targets, 0.9, 0.4, 40);
        // A short MSP budget leaves large remainders to the LSP phase.
        check(UnitCell.twoPairs(F), targets, 0.9, 0.4, 3, "nMsp", "3");
    }

    /** A pair: both phases on GP and GM; a fine pulse on the coarse device continues from where it was left. */
    @Test
    void aPairFollowsTheNominalPlan() {
        double[] targets = {10, -10, 13.3, -4.1, 0.5, 7.7, -12.9, 2.2, 0.95};
        check(UnitCell.pair(), targets, 0.9, 0.4, 40);
        check(UnitCell.pair(), targets, 0.9, 0.4, 5, "nMsp", "5");
    }

    /** A single device: W starts at gReset - G_ref, only G is pulsed, a negative remainder is left. */
    @Test
    void aSingleDeviceFollowsTheNominalPlan() {
        double[] targets = {-12.0, 5, 10.2, -3.3, 0.5, 11.9, -8.0, -11.3};
        check(UnitCell.single(12.5), targets, 0.9, 0.4, 40);
        check(UnitCell.single(12.5), targets, 0.9, 0.4, 5, "nMsp", "5");
    }

    /** Hand-worked anchor of the plan on two pairs at the defaults. */
    @Test
    void aTargetOfTenOnTwoPairsTakesFourCoarseAndFiveFinePulses() {
        // 3 * 24.9 (1 - 0.96^k): 8.61 uS at k = 3, 11.25 at k = 4 (closer to 10). Remainder -1.254 uS on LM:
        // 24.9 (1 - 0.99^k) is 1.220 at k = 5, 1.457 at k = 6.
        assertEquals(new Plan(4, 0, 5, 3), plan(UnitCell.twoPairs(F), 10, 0.9, 0.4, 40));
        List<RowOp> ops = run(openLoop(UnitCell.twoPairs(F)), 0, new double[] {10}, 1);
        assertEquals(1 + 4 + 5, ops.size());
    }

    /**
     * A target exactly tol from the reset state is met by it (no pulse), as in the closed-loop policies;
     * tol = 3 uS makes one coarse pulse (3 * 0.996 uS) the closest count for it otherwise.
     */
    @Test
    void aTargetExactlyTolFromTheResetStateIsNotPulsed() {
        for (UnitCell cell : new UnitCell[] {UnitCell.twoPairs(F), UnitCell.pair()}) {
            List<RowOp> ops = run(openLoop(cell, "tol", "3uS"), 0, new double[] {3.0, -3.0, 0.0}, 3);
            assertEquals(1, ops.size(), cell + ": the RESET alone");
        }
    }

    /** A remainder exactly accept * tol needs no fine pulse; a hair more does. */
    @Test
    void aRemainderExactlyAcceptTolIsNotPulsed() {
        // tol 0.5 and accept 0.5: accept * tol = 0.25 exactly. Four coarse pulses rise 11.25 uS on the MSP
        // pair; the targets sit 0.25 and 0.26 uS above that (remainders exact in floating point).
        double coarse = F * new NominalCurve(ALPHA, G_MAX, G_RESET).rise(S_MSP, 4);
        double[] targets = {coarse + 0.25, coarse + 0.26};
        assertEquals(0.25, targets[0] - coarse, 0.0, "test precondition: exact remainder");
        List<RowOp> ops = run(openLoop(UnitCell.twoPairs(F), "tol", "0.5uS", "accept", "0.5"), 0, targets, 2);
        // 0.26 uS: one fine pulse (24.9 * 0.01 = 0.249 uS) is closer than none or two (0.4955 uS).
        assertFollowsPlan(UnitCell.twoPairs(F), ops, new Plan[] {new Plan(4, 0, 0, -1), new Plan(4, 0, 1, 2)});
    }

    @Test
    void aRowWithNoUsedColumnsIsDoneAtOnce() {
        RowOp op = openLoop(UnitCell.twoPairs(F)).start(new RowTarget(TILE, 6, 0, new double[0]));
        assertEquals(OpKind.DONE, op.getKind());
        assertEquals(6, op.getRow());
    }
}
