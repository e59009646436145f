package org.xbarsim.plugins.rowwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.atLeast;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.line;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.noRead;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.params;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.read;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.readMask;
import static org.xbarsim.plugins.rowwise.PolicyVariantsTest.enabled;
import static org.xbarsim.plugins.rowwise.PolicyVariantsTest.programmer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * The adaptive policy as an event protocol: the reference's exit rules at their boundaries, its step
 * budgets, and the strength a column gets from the documented prediction, worked out by hand: a column
 * gets the largest class s r^k not above aim * remaining / (gain (1 - G / gMax)), with G the device's
 * conductance estimated from its reads and gain its observed over nominal rise.
 */
class AdaptiveProtocolTest {
    private static final int TILE = 2;
    private static final int COLS = 16;

    private static RowProgrammer adaptive(String... overrides) {
        return programmer(new AdaptiveClosedLoop(), COLS, overrides);
    }

    /**
     * Answers an operation with {@code result}, then the step's read-less SETs with empty results; returns
     * the operations up to the first that reads or is not a SET (a step's last SET carries its read).
     */
    private static List<RowOp> step(RowProgrammer p, RowResult result) {
        List<RowOp> ops = new ArrayList<>();
        RowOp op = p.next(result);
        ops.add(op);
        while (op.getKind() == OpKind.SET && readMask(op, COLS).isEmpty()) {
            op = p.next(noRead(0));
            ops.add(op);
        }
        return ops;
    }

    private static RowOp last(List<RowOp> ops) {
        return ops.get(ops.size() - 1);
    }

    /** Strength and enabled columns of each SET of a step, weakest first: "strength:[columns]". */
    private static List<String> classes(List<RowOp> ops) {
        List<String> s = new ArrayList<>();
        for (RowOp op : ops) {
            assertEquals(OpKind.SET, op.getKind());
            s.add(op.getStrength() + ":" + new TreeSet<>(enabled(op, COLS)));
        }
        return s;
    }

    @Test
    void targetsWithinTolOfTheResetStateGetNoCoarseStep() {
        double tol = params(new AdaptiveClosedLoop()).number(ProgrammingPolicy.TOLERANCE);
        RowProgrammer p = adaptive();
        p.start(new RowTarget(TILE, 0, 3, new double[] {tol, -tol, 0.3}));
        RowOp op = p.next(noRead(0));
        assertEquals(OpKind.READ, op.getKind(), "|t| <= tol on a pair at W = 0: straight to the LSP read");
    }

    @Test
    void noMspBudgetGoesStraightToTheLspRead() {
        RowProgrammer p = adaptive("nMsp", "0");
        p.start(new RowTarget(TILE, 0, 1, new double[] {10}));
        assertEquals(OpKind.READ, p.next(noRead(0)).getKind());
    }

    /**
     * A single device starts where its RESET read says, W = 0.1 - 12.5 = -12.4 uS: a target of 5 is 17.4
     * uS up (0.5 * 17.4 / 0.996 = 8.7 wants class 1, strength 3 at ratio 3), a target of -12.0 is within
     * tol and is not pulsed.
     */
    @Test
    void onASingleDeviceTheCoarsePhaseStartsFromTheResetRead() {
        AdaptiveClosedLoop policy = new AdaptiveClosedLoop();
        RowProgrammer p = policy.newProgrammer(new PolicyContext(params(policy), TILE, COLS, UnitCell.single(12.5)));
        RowOp op = p.start(new RowTarget(TILE, 0, 2, new double[] {5, -12.0}));
        assertEquals(Set.of(0, 1), readMask(op, COLS), "the RESET reads where W starts");
        List<RowOp> s = step(p, read(0, COLS, new double[] {-12.4, -12.4}));
        assertEquals(List.of("3.0:[0]"), classes(s));
        assertEquals(Set.of(0), line(s.get(0), DeviceLine.GP, COLS), "on G");
    }

    @Test
    void aColumnReadExactlyMarginShortOfItsTargetLeavesTheCoarsePhase() {
        double v = atLeast(9.0); // an exact read value
        double t = v + 1.0;
        assertEquals(v, t - 1.0, 0.0, "test precondition: exact arithmetic");
        RowProgrammer p = adaptive();
        p.start(new RowTarget(TILE, 0, 2, new double[] {t, -t}));
        assertEquals(OpKind.SET, last(step(p, noRead(0))).getKind());
        assertEquals(List.of(OpKind.READ), step(p, read(0, COLS, new double[] {v, -v})).stream()
                .map(RowOp::getKind).toList());
    }

    /**
     * tol 0.5 and accept 0.5: the fine phase accepts |t - W| <= 0.25 uS, both at its first read and after
     * each step; a column 0.5 uS short stays in it.
     */
    @Test
    void theFinePhaseAcceptsExactlyAcceptTimesTol() {
        double u = atLeast(5.0); // an exact read value
        double t = u + 0.25;
        assertEquals(0.25, t - u, 0.0, "test precondition: exact arithmetic");
        double[] targets = {t, -t, t};
        RowProgrammer p = adaptive("tol", "0.5uS", "accept", "0.5");
        p.start(new RowTarget(TILE, 0, 3, targets));
        step(p, noRead(0));
        assertEquals(OpKind.READ, last(step(p, read(0, COLS, targets))).getKind(), "all within margin");

        double[] w = {u, -u, u - 0.25};
        List<RowOp> s = step(p, read(0, COLS, w));
        assertEquals(Set.of(2), enabled(last(s), COLS), "columns 0 and 1 are exactly accept * tol away");
        assertEquals(Set.of(2), line(last(s), DeviceLine.LP, COLS));
        s = step(p, read(0, COLS, w));
        assertEquals(Set.of(2), enabled(last(s), COLS), "0.5 uS short: another fine step");
        w[2] = u;
        assertEquals(OpKind.DONE, p.next(read(0, COLS, w)).getKind());
    }

    @Test
    void theLspReadEndsTheRowWhenEveryColumnIsAcceptedOrThereIsNoLspBudget() {
        double[] targets = {10, -8};
        RowProgrammer accepted = adaptive();
        accepted.start(new RowTarget(TILE, 0, 2, targets));
        step(accepted, noRead(0));
        step(accepted, read(0, COLS, targets));
        assertEquals(OpKind.DONE, accepted.next(read(0, COLS, new double[] {10.2, -8.2})).getKind());

        RowProgrammer noBudget = adaptive("nLsp", "0");
        noBudget.start(new RowTarget(TILE, 0, 2, targets));
        step(noBudget, noRead(0));
        step(noBudget, read(0, COLS, targets));
        assertEquals(OpKind.DONE, noBudget.next(read(0, COLS, new double[] {8.0, -6.0})).getKind());
    }

    /**
     * gReset 0 and ratio 2 make the first step's numbers exact: headroom 1, gain 1, remaining 12 / F = 4,
     * so a target of 12 wants 0.5 * 4 = 2 exactly, which is class 1 (strength 2: "not above"); 11.99 wants
     * a hair less, class 0.
     */
    @Test
    void aColumnWantingExactlyAClassStrengthGetsThatClass() {
        RowProgrammer p = adaptive("gReset", "0uS", "ratio", "2");
        p.start(new RowTarget(TILE, 0, 2, new double[] {12, 11.99}));
        assertEquals(List.of("1.0:[1]", "2.0:[0]"), classes(step(p, noRead(0))));
    }

    /**
     * The predicted step per unit strength shrinks as a device climbs its curve, (1 - G / gMax). Ratio 2,
     * defaults otherwise (aim 0.5, alpha 1, gMax 25, gReset 0.1, F 3).
     * Step 1 from W = 0: column 0 (t = 34) wants 0.5 * 34 / 3 / 0.996 = 5.69: strength 4; column 1
     * (t = 22.048) wants 3.69: strength 2. Both devices then rise as predicted, s * 0.996 uS (W 11.952
     * and 5.976). Step 2: column 0 has 22.048 uS to go, as column 1 had in step 1, but its device is at
     * G = 4.084 uS: 0.5 * 7.349 / (1 - 4.084 / 25) = 4.39, strength 4 again; column 1 wants
     * 0.5 * 5.357 / (1 - 2.092 / 25) = 2.92: strength 2.
     */
    @Test
    void aDeviceHigherOnItsCurveGetsAStrongerClassForTheSameDistance() {
        RowProgrammer p = adaptive("ratio", "2");
        p.start(new RowTarget(TILE, 0, 2, new double[] {34, 22.048}));
        assertEquals(List.of("2.0:[1]", "4.0:[0]"), classes(step(p, noRead(0))));
        List<RowOp> second = step(p, read(0, COLS, new double[] {11.952, 5.976}));
        assertEquals(List.of("2.0:[1]", "4.0:[0]"), classes(second));
        assertTrue(line(last(second), DeviceLine.GP, COLS).contains(0));
    }
}
