package org.xbarsim.plugins.rowwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.filled;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.line;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.noRead;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.params;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.range;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.read;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.readMask;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * The policies beside the reference as event protocols (hand-made reads in, row operations out) and on
 * the reference PCM physics of {@link ClosedLoopProgrammerTest} without the engine.
 */
class PolicyVariantsTest {
    private static final int TILE = 2;
    private static final int COLS = 16;
    private static final double F = 3.0;

    static RowProgrammer programmer(ProgrammingPolicy policy, int tileColumns, String... overrides) {
        return policy.newProgrammer(new PolicyContext(params(policy, overrides), TILE, tileColumns, F));
    }

    /** Enabled columns over all four lines. */
    static Set<Integer> enabled(RowOp op, int cols) {
        Set<Integer> s = new HashSet<>();
        for (DeviceLine l : DeviceLine.values()) {
            s.addAll(line(op, l, cols));
        }
        return s;
    }

    // ---------------------------------------------------------------- open loop

    @Test
    void nominalCurvePulseCountsInvertTheMeanCurve() {
        NominalCurve c = new NominalCurve(1.0, 25, 0.1);
        // rise(k) = 24.9 (1 - 0.96^k): 10 pulses rise 8.28 uS, 11 pulses 8.85 uS.
        assertEquals(24.9 * (1 - Math.pow(0.96, 10)), c.rise(1.0, 10), 1e-12);
        assertEquals(10, c.pulsesFor(8.4, 1.0, 40), "8.4 is closer to 8.28 than to 8.85");
        assertEquals(11, c.pulsesFor(8.7, 1.0, 40));
        assertEquals(5, c.pulsesFor(8.7, 1.0, 5), "never more than the budget");
        assertEquals(0, c.pulsesFor(0.2, 1.0, 40), "closer to no pulse than to one (0.996)");
        assertEquals(40, c.pulsesFor(30, 1.0, 40), "beyond the curve's reach: the whole budget");
    }

    @Test
    void openLoopResetsThenPulsesWithShrinkingMasksAndNeverReads() {
        double[] targets = {3.0, -6.0, 0.5, 12.0};
        RowProgrammer p = programmer(new OpenLoopPolicy(), COLS);
        RowOp op = p.start(new RowTarget(TILE, 4, 4, targets));
        assertEquals(OpKind.RESET, op.getKind());
        assertEquals(range(0, 4), enabled(op, COLS));
        NominalCurve curve = new NominalCurve(1.0, 25, 0.1);
        int[] want = new int[4];
        for (int c = 0; c < 4; c++) {
            want[c] = Math.abs(targets[c]) > 0.9 ? curve.pulsesFor(Math.abs(targets[c]) / F, 1.0, 40) : 0;
        }
        int[] got = new int[4];
        List<Integer> maskSizes = new ArrayList<>();
        op = p.next(noRead(4));
        while (op.getKind() == OpKind.SET && op.getStrength() == 1.0) {
            assertTrue(readMask(op, COLS).isEmpty(), "open loop never reads");
            for (int c : line(op, DeviceLine.GP, COLS)) {
                assertTrue(targets[c] >= 0, "GP only for positive targets");
                got[c]++;
            }
            for (int c : line(op, DeviceLine.GM, COLS)) {
                assertTrue(targets[c] < 0, "GM only for negative targets");
                got[c]++;
            }
            maskSizes.add(enabled(op, COLS).size());
            op = p.next(noRead(4));
        }
        for (int c = 0; c < 4; c++) {
            assertEquals(want[c], got[c], "MSP pulses of column " + c);
        }
        for (int i = 1; i < maskSizes.size(); i++) {
            assertTrue(maskSizes.get(i) <= maskSizes.get(i - 1), "the enable mask only shrinks: " + maskSizes);
        }
        int lsp = 0;
        while (op.getKind() == OpKind.SET) {
            assertEquals(0.25, op.getStrength(), 0.0, "LSP pulses at sLsp");
            assertTrue(readMask(op, COLS).isEmpty());
            assertTrue(line(op, DeviceLine.GP, COLS).isEmpty() && line(op, DeviceLine.GM, COLS).isEmpty());
            lsp++;
            op = p.next(noRead(4));
        }
        assertTrue(lsp <= 40, "LSP within its budget");
        assertEquals(OpKind.DONE, op.getKind());
    }

    // ---------------------------------------------------------------- msp-only

    @Test
    void mspOnlyEndsWithItsMspPhaseWithoutAnyLspOperation() {
        RowProgrammer p = programmer(new MspOnlyClosedLoop(), COLS);
        double[] targets = {10, -8};
        p.start(new RowTarget(TILE, 0, 2, targets));
        RowOp op = p.next(noRead(0));
        assertEquals(OpKind.SET, op.getKind());
        // Default margin = tol = 0.9: column 0 leaves at W >= 9.1, column 1 at W <= -7.1.
        op = p.next(read(0, COLS, new double[]{9.2, -7.0}));
        assertEquals(Set.of(1), line(op, DeviceLine.GM, COLS));
        assertEquals(Set.of(), line(op, DeviceLine.GP, COLS));
        op = p.next(read(0, COLS, new double[]{9.2, -7.2}));
        assertEquals(OpKind.DONE, op.getKind(), "no LSP read, no LSP pulse");
    }

    // ---------------------------------------------------------------- retry

    @Test
    void retryResetsOnlyTheOvershotColumnAndRedoesItsMspAtLowerStrength() {
        RowProgrammer p = programmer(new RetryClosedLoop(), COLS, "maxOvershoot", "3uS", "retries", "1");
        double[] targets = {10, -8, 20};
        p.start(new RowTarget(TILE, 0, 3, targets));
        p.next(noRead(0));
        // Column 0 overshoots by 4 (> 3), column 1 by 2 (within), column 2 stops short at 19.5.
        RowOp op = p.next(read(0, COLS, new double[]{14, -10, 19.5}));
        assertEquals(OpKind.RESET, op.getKind(), "the overshot column is RESET before the LSP phase");
        for (DeviceLine l : DeviceLine.values()) {
            assertEquals(Set.of(0), line(op, l, COLS), "only column 0, all four devices: " + l);
        }
        op = p.next(noRead(0));
        assertEquals(OpKind.SET, op.getKind());
        assertEquals(0.5, op.getStrength(), 0.0, "retry at retryScale * sMsp");
        assertEquals(Set.of(0), enabled(op, COLS), "only the retried column is pulsed");
        // It overshoots again, but the one retry is spent: on to the LSP read.
        op = p.next(read(0, COLS, new double[]{14, -10, 19.5}));
        assertEquals(OpKind.READ, op.getKind());
        op = p.next(read(0, COLS, new double[]{14, -10, 19.5}));
        assertEquals(OpKind.SET, op.getKind());
        // Column 0 (14 for 10) comes down on LM; column 1 (-10 for -8) and column 2 (19.5 for 20) go up on LP.
        assertEquals(Set.of(0), line(op, DeviceLine.LM, COLS), "the LSP phase corrects what is left");
        assertEquals(Set.of(1, 2), line(op, DeviceLine.LP, COLS));
    }

    @Test
    void retryWithZeroRetriesIsTheReference() {
        ClosedLoopProgrammerTest.ToyTile a = new ClosedLoopProgrammerTest.ToyTile(COLS);
        ClosedLoopProgrammerTest.ToyTile b = new ClosedLoopProgrammerTest.ToyTile(COLS);
        double[] targets = {10, -8, 20, -30, 2.5, 0.5, -0.3, 0.9, 1.2, -1.0};
        a.run(programmer(new RetryClosedLoop(), COLS, "retries", "0"), 0, targets, 10);
        b.run(programmer(new RowwiseClosedLoop(), COLS), 0, targets, 10);
        assertEquals(b.ops.size(), a.ops.size());
        for (int i = 0; i < a.ops.size(); i++) {
            assertEquals(b.ops.get(i), a.ops.get(i), "op " + i);
        }
    }

    // ---------------------------------------------------------------- adaptive

    @Test
    void adaptiveSendsOneSetPerStrengthClassAndReadsOnlyWithTheLast() {
        // Nominal gain: W rises F * alpha = 3 uS per unit strength at G = 0. aim 0.5: target 30 wants
        // 0.5 * 30 / 3 = 5 -> class 2 (strength 4); target 8 wants 1.33 -> class 0; target -14 wants 2.33 -> class 1.
        RowProgrammer p = programmer(new AdaptiveClosedLoop(), COLS, "ratio", "2");
        double[] targets = {30, 8, -14, 0.3};
        p.start(new RowTarget(TILE, 0, 4, targets));
        List<RowOp> step = new ArrayList<>();
        RowOp op = p.next(noRead(0));
        while (readMask(op, COLS).isEmpty()) {
            step.add(op);
            op = p.next(noRead(0));
        }
        step.add(op);
        assertEquals(3, step.size(), "three classes in use: three SETs");
        assertEquals(List.of(1.0, 2.0, 4.0), step.stream().map(RowOp::getStrength).toList(), "weakest class first");
        assertEquals(Set.of(1), enabled(step.get(0), COLS));
        assertEquals(Set.of(2), line(step.get(1), DeviceLine.GM, COLS));
        assertEquals(Set.of(0), line(step.get(2), DeviceLine.GP, COLS));
        assertEquals(range(0, 4), readMask(step.get(2), COLS), "the last SET of a step verifies the row");
        assertTrue(step.stream().allMatch(o -> o.getKind() == OpKind.SET));
    }

    @Test
    void adaptiveLearnsAWeakDeviceAndPulsesItHarder() {
        RowProgrammer p = programmer(new AdaptiveClosedLoop(), COLS, "ratio", "2");
        double[] targets = {20, 20};
        p.start(new RowTarget(TILE, 0, 2, targets));
        RowOp op = p.next(noRead(0));
        // Both want 0.5 * 20 / 3 = 3.3: class 1 (strength 2), one SET, read attached.
        assertEquals(2.0, op.getStrength(), 0.0);
        assertEquals(Set.of(0, 1), line(op, DeviceLine.GP, COLS));
        // Column 0 rose as predicted (2 * 3 = 6 uS), column 1 a tenth of that: a weak device.
        op = p.next(read(0, COLS, new double[]{6.0, 0.6}));
        List<RowOp> step = new ArrayList<>();
        step.add(op);
        while (readMask(op, COLS).isEmpty()) {
            op = p.next(noRead(0));
            step.add(op);
        }
        RowOp strongest = step.get(step.size() - 1);
        assertEquals(4.0, strongest.getStrength(), 0.0, "the weak device gets the strongest class");
        assertEquals(Set.of(1), line(strongest, DeviceLine.GP, COLS));
        assertEquals(Set.of(0), line(step.get(0), DeviceLine.GP, COLS));
        assertTrue(step.get(0).getStrength() < 4.0, "the nominal device does not: " + step.get(0).getStrength());
    }

    @Test
    void adaptiveBudgetsCountSteps() {
        RowProgrammer p = programmer(new AdaptiveClosedLoop(), COLS, "nMsp", "3", "nLsp", "2");
        double[] targets = {30, 8, -14};
        p.start(new RowTarget(TILE, 0, 3, targets));
        RowOp op = p.next(noRead(0));
        int reads = 0;
        int sets = 0;
        int lspReads = 0;
        while (op.getKind() != OpKind.DONE) {
            if (op.getKind() == OpKind.SET) {
                sets++;
                boolean lsp = !line(op, DeviceLine.LP, COLS).isEmpty() || !line(op, DeviceLine.LM, COLS).isEmpty();
                if (!readMask(op, COLS).isEmpty()) {
                    reads++;
                    lspReads += lsp ? 1 : 0;
                }
            }
            // Nothing ever moves: every column stays active to the end of both budgets.
            op = readMask(op, COLS).isEmpty() ? p.next(noRead(0)) : p.next(read(0, COLS, filled(3, 0)));
            assertTrue(sets < 100, "terminates");
        }
        assertEquals(5, reads, "3 MSP steps + 2 LSP steps, each verified once");
        assertEquals(2, lspReads);
        assertTrue(sets >= 5 && sets <= 5 * 3, "one to 'classes' SETs per step: " + sets);
    }

    // ---------------------------------------------------------------- on PCM physics

    @Test
    void onReferencePhysicsOpenLoopAndMspOnlyAreWorseAndAdaptiveAndRetryNoWorse() {
        double reference = ClosedLoopProgrammerTest.successRate(ClosedLoopProgrammerTest.pcm(5),
                programmer(new RowwiseClosedLoop(), 256), true)[0];
        double open = ClosedLoopProgrammerTest.successRate(ClosedLoopProgrammerTest.pcm(5),
                programmer(new OpenLoopPolicy(), 256), true)[0];
        double msp = ClosedLoopProgrammerTest.successRate(ClosedLoopProgrammerTest.pcm(5),
                programmer(new MspOnlyClosedLoop(), 256), true)[0];
        double retry = ClosedLoopProgrammerTest.successRate(ClosedLoopProgrammerTest.pcm(5),
                programmer(new RetryClosedLoop(), 256), true)[0];
        double adaptive = ClosedLoopProgrammerTest.successRate(ClosedLoopProgrammerTest.pcm(5),
                programmer(new AdaptiveClosedLoop(), 256), true)[0];
        // 1024 weights: the s.e. of a rate near 99% is 0.3 points, near 50% 1.6 points.
        assertTrue(reference > 0.97, "reference " + reference);
        assertTrue(open < 0.6, "open loop " + open);
        assertTrue(msp < 0.8, "msp-only " + msp);
        assertTrue(retry > reference - 0.01, "retry " + retry + " vs reference " + reference);
        assertTrue(adaptive > reference - 0.01, "adaptive " + adaptive + " vs reference " + reference);
    }

    @Test
    void specsHaveDefaultsInRangeAndAdaptiveSharesTheReferenceKnobNames() {
        for (ProgrammingPolicy policy : List.of(new OpenLoopPolicy(), new MspOnlyClosedLoop(), new RetryClosedLoop(),
                new AdaptiveClosedLoop())) {
            Set<String> names = new HashSet<>();
            for (var s : policy.parameters()) {
                assertTrue(names.add(s.name()), policy.id() + " declares " + s.name() + " once");
                if (s.quantity() == org.xbarsim.api.param.Quantity.CHOICE) {
                    assertTrue(s.choices().contains(s.defaultValue()), policy.id() + "." + s.name());
                    continue;
                }
                double v = ((Number) s.parse(s.defaultValue())).doubleValue();
                assertTrue(v >= s.min() && v <= s.max(), policy.id() + "." + s.name());
            }
            assertTrue(names.contains(ProgrammingPolicy.G_TARGET_MAX) && names.contains(ProgrammingPolicy.TOLERANCE),
                    policy.id());
        }
        Set<String> reference = new HashSet<>(params(new RowwiseClosedLoop()).asMap().keySet());
        assertTrue(params(new AdaptiveClosedLoop()).asMap().keySet().containsAll(reference),
                "a sweep of the reference's keys covers the adaptive policy");
        assertTrue(params(new RetryClosedLoop()).asMap().keySet().containsAll(reference));
        assertEquals(0.9, params(new MspOnlyClosedLoop()).number("margin"), 1e-12, "msp-only stops within tol");
    }
}
