package org.xbarsim.plugins.rowwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;
import org.xbarsim.api.random.RandomStream;

/**
 * Every policy programs whatever the cell has: a pair (both phases on GP and GM) and a single device
 * against the reference column (one line, up only), on the reference PCM physics of
 * {@link ClosedLoopProgrammerTest.ReferencePcm} without the engine.
 */
class UnitCellPoliciesTest {
    private static final int TILE = 2;
    private static final int COLS = 128;
    private static final int ROWS = 4;
    private static final double REFERENCE = 12.5;
    private static final List<ProgrammingPolicy> POLICIES = List.of(new RowwiseClosedLoop(), new SerialClosedLoop(),
            new RetryClosedLoop(), new MspOnlyClosedLoop(), new AdaptiveClosedLoop(), new OpenLoopPolicy());

    /** A tile of cells without the engine: applies row operations, answers reads through the 16-bit ADC convention. */
    static final class CellHarness {
        final UnitCell cell;
        final DeviceArray devices;
        final RandomStream pulses = new RandomStream(31);
        final RandomStream reads = new RandomStream(32);
        final int[] idx = new int[COLS];
        final double[] var = new double[1];
        final List<RowOp> ops = new ArrayList<>();

        CellHarness(UnitCell cell, long seed) {
            this.cell = cell;
            this.devices = new ClosedLoopProgrammerTest.ReferencePcm(cell.devices() * ROWS * COLS, new RandomStream(seed));
        }

        int base(int line, int row) {
            return line * ROWS * COLS + row * COLS;
        }

        double trueW(int row, int c) {
            return cell.weight(devices.conductances(), ROWS * COLS, row * COLS + c);
        }

        void program(RowProgrammer p, int row, double[] targets) {
            RowOp op = p.start(new RowTarget(TILE, row, COLS, targets));
            int guard = 0;
            while (op.getKind() != OpKind.DONE) {
                assertTrue(++guard < 1_000_000, "the policy must terminate");
                ops.add(op);
                assertTrue(op.getEnable().limit() <= (cell.devices() * COLS + 7) / 8,
                        "the enable mask is sized by the cell's " + cell.devices() + " devices");
                for (int line = 0; line < cell.devices(); line++) {
                    int n = BitMask.indices(op.getEnable(), line * COLS, (line + 1) * COLS, idx);
                    if (n > 0 && op.getKind() == OpKind.RESET) {
                        devices.reset(base(line, row), idx, n, pulses);
                    } else if (n > 0 && op.getKind() == OpKind.SET) {
                        devices.set(base(line, row), idx, n, op.getStrength(), pulses);
                    }
                }
                int n = BitMask.indices(op.getRead(), 0, COLS, idx);
                double[] w = new double[COLS];
                java.util.Arrays.fill(w, Double.NaN);
                for (int k = 0; k < n; k++) {
                    int c = idx[k];
                    double v = 0;
                    for (int line = 0; line < cell.devices(); line++) {
                        devices.readNoiseVariance(base(line, row), new int[] {c}, 1, var);
                        v += cell.gain(line) * cell.gain(line) * var[0];
                    }
                    w[c] = trueW(row, c) + Math.sqrt(v) * reads.nextGaussian();
                }
                op = p.next(n == 0 ? ClosedLoopProgrammerTest.noRead(row) : ClosedLoopProgrammerTest.read(row, COLS, w));
            }
        }
    }

    /** Gaussian weights mapped to the cell's range (max |w| to G_T = 10 uS), programmed; returns the success rate. */
    static double success(ProgrammingPolicy policy, CellHarness h, String... overrides) {
        String[] all = new String[overrides.length + 2];
        all[0] = "gTargetMax";
        all[1] = "10uS";
        System.arraycopy(overrides, 0, all, 2, overrides.length);
        RowProgrammer p = policy.newProgrammer(new PolicyContext(Parameters.of(policy.parameters(), all), TILE, COLS,
                h.cell));
        RandomStream w = new RandomStream(9);
        int ok = 0;
        for (int r = 0; r < ROWS; r++) {
            double[] t = new double[COLS];
            for (int c = 0; c < COLS; c++) {
                t[c] = Math.max(-3, Math.min(3, w.nextGaussian())) * 10 / 3;
            }
            h.program(p, r, t);
            for (int c = 0; c < COLS; c++) {
                ok += Math.abs(h.trueW(r, c) - t[c]) <= 0.9 ? 1 : 0;
            }
        }
        return ok / (double) (ROWS * COLS);
    }

    /**
     * Success floors measured at seed 5 (in parentheses: pair, single): closed loops (100%, 85-95%),
     * msp-only (94%, 85%), open loop (62%, 17%). 512 weights give a rate a standard error of 1-2
     * points; each floor is 5-10 points below the measured rate. A single PCM device overshoots its
     * target for good when a pulse lands past it, so it fails more than a pair, which corrects both ways.
     */
    @Test
    void everyPolicyProgramsAPairAndASingleDeviceTouchingOnlyTheirLines() {
        java.util.Map<String, double[]> floors = java.util.Map.of("rowwise-closed-loop", new double[] {0.97, 0.88},
                "serial-closed-loop", new double[] {0.97, 0.88}, "retry-closed-loop", new double[] {0.97, 0.88},
                "adaptive-closed-loop", new double[] {0.97, 0.78}, "msp-only", new double[] {0.87, 0.78},
                "open-loop", new double[] {0.5, 0.1});
        for (ProgrammingPolicy policy : POLICIES) {
            for (UnitCell cell : new UnitCell[] {UnitCell.pair(), UnitCell.single(REFERENCE)}) {
                CellHarness h = new CellHarness(cell, 5);
                double s = success(policy, h);
                double floor = floors.get(policy.id())[cell.bidirectional() ? 0 : 1];
                assertTrue(s > floor, policy.id() + " on " + cell + ": success " + s);
                assertTrue(h.ops.stream().anyMatch(op -> op.getKind() == OpKind.SET), policy.id());
            }
        }
    }

    @Test
    void onASingleDeviceTheResetReadsWhereTheWeightStartsAndOnlyGIsPulsed() {
        for (ProgrammingPolicy policy : new ProgrammingPolicy[] {new RowwiseClosedLoop(), new AdaptiveClosedLoop()}) {
            CellHarness h = new CellHarness(UnitCell.single(REFERENCE), 6);
            success(policy, h);
            RowOp first = h.ops.get(0);
            assertEquals(OpKind.RESET, first.getKind());
            assertEquals(COLS, BitMask.indices(first.getRead(), 0, COLS, new int[COLS]), policy.id());
            for (RowOp op : h.ops) {
                assertEquals(0, BitMask.indices(op.getEnable(), COLS, 2 * COLS, new int[2 * COLS]),
                        policy.id() + ": a line beyond G was enabled");
            }
        }
    }

    /** Errors on a single device are one-sided: it stops below its target or passes it, never comes back. */
    @Test
    void aSingleDeviceThatPassedItsTargetIsLeftAlone() {
        CellHarness h = new CellHarness(UnitCell.single(REFERENCE), 7);
        RowProgrammer p = new RowwiseClosedLoop().newProgrammer(new PolicyContext(Parameters.of(
                new RowwiseClosedLoop().parameters(), "gTargetMax", "10uS"), TILE, COLS, h.cell));
        double[] t = new double[COLS];
        java.util.Arrays.fill(t, -12.4); // just above the reset state (0.1 - 12.5): within tol, never pulsed
        t[0] = 0;
        h.program(p, 0, t);
        assertEquals(0, h.trueW(0, 0), 0.9 + 3, "the pulsed column is near its target");
        for (int c = 1; c < COLS; c++) {
            assertEquals(0.1 - REFERENCE, h.trueW(0, c), 0.1, "column " + c + " needed nothing and got nothing");
        }
        long sets = h.ops.stream().filter(op -> op.getKind() == OpKind.SET).count();
        assertTrue(sets > 5 && sets <= 80, "SET operations " + sets);
    }

    @Test
    void aPairUsesBothDevicesInItsFinePhase() {
        CellHarness h = new CellHarness(UnitCell.pair(), 8);
        success(new RowwiseClosedLoop(), h);
        int[] idx = new int[COLS];
        boolean gpAtFine = false;
        boolean gmAtFine = false;
        for (RowOp op : h.ops) {
            if (op.getKind() == OpKind.SET && op.getStrength() == 0.25) {
                gpAtFine |= BitMask.indices(op.getEnable(), 0, COLS, idx) > 0;
                gmAtFine |= BitMask.indices(op.getEnable(), COLS, 2 * COLS, idx) > 0;
            }
        }
        assertTrue(gpAtFine && gmAtFine, "fine pulses raise and lower W on the same pair");
    }
}
