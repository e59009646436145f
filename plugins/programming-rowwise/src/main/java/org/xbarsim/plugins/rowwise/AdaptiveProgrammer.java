package org.xbarsim.plugins.rowwise;

import java.nio.ByteBuffer;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.Readout;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * Adaptive closed loop: the reference algorithm's RESET, MSP and LSP phases and exit rules, with the
 * pulse strength fitted to each column's remaining error.
 *
 * <p>The row driver applies one amplitude per operation, so a pulse <em>step</em> is one SET operation
 * per strength class in use (classes s, s r, s r^2 ... of the phase's base strength s, ratio r), each
 * enabling only its columns, and one verify read of the row attached to the last of them. A column
 * gets the largest class not above aim * remaining / predicted step per unit strength (at least the
 * base class), so far columns take long strides and columns near their target the reference's small
 * ones. The prediction is per device: the nominal curve's shape s alpha (1 - G / gMax) scaled by the
 * device's own gain, estimated from what its earlier pulses did (a running ratio of observed to
 * nominal steps, with the nominal alpha as one pulse's worth of prior). The row's time is set by its
 * slowest column, which the large classes shorten; the price is the extra SET operations of a step.
 *
 * <p>Budgets count steps: at most nMsp steps in the MSP phase and nLsp in the LSP phase.
 */
final class AdaptiveProgrammer implements RowProgrammer {
    private enum Phase { RESET, MSP, LSP_READ, LSP }

    /** Weight of the nominal prior in a device's gain estimate, in units of pulse strength. */
    private static final double PRIOR_WEIGHT = 1.0;
    /** Floor of the predicted saturation factor, so a device believed saturated still gets finite strength. */
    private static final double MIN_HEADROOM = 0.05;

    private final AdaptiveClosedLoop.Knobs k;
    private final UnitCell cell;
    private final int tile;
    private final int tileColumns;
    private final BitMask enable;
    private final BitMask read;
    private ByteBuffer readSnapshot;
    private final Readout readout = new Readout();

    private final boolean[] active;
    /** The weight each column read last, uS. */
    private final double[] lastRead;
    /** The device line each active column is pulsed on in this step, and its class (-1: none). */
    private final int[] line;
    private final int[] cls;
    /** Per device line and column: estimated conductance, observed rise and nominal rise so far. */
    private final double[][] conductance;
    private final double[][] observed;
    private final double[][] expected;

    private int row;
    private int columns;
    private double[] targets;
    private Phase phase;
    private int steps;
    /** Classes used in the current step (bit k: class k) and the next one to send. */
    private int classesInStep;
    private int nextClass;
    private double baseStrength;

    AdaptiveProgrammer(AdaptiveClosedLoop.Knobs knobs, UnitCell cell, int tile, int tileColumns) {
        this.k = knobs;
        this.cell = cell;
        this.tile = tile;
        this.tileColumns = tileColumns;
        this.enable = new BitMask(cell.devices() * tileColumns);
        this.read = new BitMask(tileColumns);
        this.active = new boolean[tileColumns];
        this.lastRead = new double[tileColumns];
        this.line = new int[tileColumns];
        this.cls = new int[tileColumns];
        this.conductance = new double[cell.devices()][tileColumns];
        this.observed = new double[cell.devices()][tileColumns];
        this.expected = new double[cell.devices()][tileColumns];
    }

    @Override
    public RowOp start(RowTarget target) {
        row = target.row();
        columns = target.columns();
        targets = target.targets();
        if (columns == 0) {
            return RowOps.done(tile, row);
        }
        read.clear();
        read.setRange(0, columns);
        readSnapshot = read.snapshot();
        enable.clear();
        for (int l = 0; l < cell.devices(); l++) {
            enable.setRange(l * tileColumns, l * tileColumns + columns);
            for (int c = 0; c < columns; c++) {
                conductance[l][c] = k.curve().gReset();
                observed[l][c] = 0;
                expected[l][c] = 0;
            }
        }
        phase = Phase.RESET;
        // On a single device W starts at the reset conductance minus the reference: read it.
        return cell.bidirectional() ? RowOps.reset(tile, row, enable) : RowOps.reset(tile, row, enable, readSnapshot);
    }

    /** The direction d of a column's coarse phase: sign(t) on a pair, +1 on a single device. */
    private double direction(double t) {
        return cell.bidirectional() && t < 0 ? -1 : 1;
    }

    /** Whether a column with remaining error e = t - W_read stays in the fine phase (a single device cannot lower W). */
    private boolean fineActive(double e, double accept) {
        return Math.abs(e) > accept && (e > 0 || cell.bidirectional());
    }

    @Override
    public RowOp next(RowResult result) {
        readout.wrap(result);
        switch (phase) {
            case RESET -> {
                int n = 0;
                for (int c = 0; c < columns; c++) {
                    double start = cell.bidirectional() ? 0 : readout.value(c);
                    active[c] = direction(targets[c]) * (targets[c] - start) > k.tol();
                    lastRead[c] = start;
                    n += active[c] ? 1 : 0;
                }
                steps = 0;
                phase = Phase.MSP;
                return n > 0 && k.nMsp() > 0 ? planStep() : lspRead();
            }
            case MSP, LSP -> {
                if (classesInStep != 0) {
                    // The step's read comes with its last SET: the classes before it return no read.
                    return sendClass();
                }
                int n = 0;
                double accept = k.accept() * k.tol();
                for (int c = 0; c < columns; c++) {
                    if (active[c]) {
                        double w = readout.value(c);
                        learn(c, w);
                        lastRead[c] = w;
                        double t = targets[c];
                        double d = direction(t);
                        active[c] = phase == Phase.MSP ? d * w < d * t - k.margin() : fineActive(t - w, accept);
                        n += active[c] ? 1 : 0;
                    }
                }
                int budget = phase == Phase.MSP ? k.nMsp() : k.nLsp();
                if (n > 0 && steps < budget) {
                    return planStep();
                }
                return phase == Phase.MSP ? lspRead() : RowOps.done(tile, row);
            }
            case LSP_READ -> {
                int n = 0;
                double accept = k.accept() * k.tol();
                for (int c = 0; c < columns; c++) {
                    lastRead[c] = readout.value(c);
                    active[c] = fineActive(targets[c] - lastRead[c], accept);
                    n += active[c] ? 1 : 0;
                }
                steps = 0;
                phase = Phase.LSP;
                return n > 0 && k.nLsp() > 0 ? planStep() : RowOps.done(tile, row);
            }
            default -> throw new IllegalStateException("phase " + phase);
        }
    }

    /** Updates the gain estimate of the device a column was pulsed on, from the change its read saw. */
    private void learn(int c, double w) {
        int l = line[c];
        // The pulsed device is the only one that moved: its rise is the weight change in its direction,
        // over its gain (F on the MSP pair of two pairs).
        double rise = cell.sign(l) * (w - lastRead[c]) / cell.gain(l);
        observed[l][c] += rise;
        conductance[l][c] = Math.max(0, conductance[l][c] + rise);
    }

    /** Assigns each active column a device line and a strength class; returns the step's first SET. */
    private RowOp planStep() {
        boolean msp = phase == Phase.MSP;
        baseStrength = msp ? k.sMsp() : k.sLsp();
        NominalCurve curve = k.curve();
        classesInStep = 0;
        for (int c = 0; c < columns; c++) {
            if (!active[c]) {
                continue;
            }
            double t = targets[c];
            double w = lastRead[c];
            int l;
            double remaining;
            if (msp) {
                double d = direction(t);
                l = d > 0 ? cell.coarseUp() : cell.coarseDown();
                remaining = (d * t - d * w) / cell.gain(l);
            } else {
                l = t - w > 0 ? cell.fineUp() : cell.fineDown();
                remaining = Math.abs(t - w) / cell.gain(l);
            }
            double headroom = Math.max(MIN_HEADROOM, 1 - conductance[l][c] / curve.gMax());
            double gain = (curve.alpha() * PRIOR_WEIGHT + observed[l][c]) / (PRIOR_WEIGHT + expected[l][c]);
            double wanted = k.aim() * remaining / (Math.max(gain, 1e-3 * curve.alpha()) * headroom);
            int klass = 0;
            double s = baseStrength;
            while (klass + 1 < k.classes() && s * k.ratio() <= wanted) {
                s *= k.ratio();
                klass++;
            }
            line[c] = l;
            cls[c] = klass;
            expected[l][c] += s * headroom;
            classesInStep |= 1 << klass;
        }
        steps++;
        nextClass = 0;
        return sendClass();
    }

    /** The next class's SET of this step; the last one carries the verify read. */
    private RowOp sendClass() {
        while ((classesInStep & (1 << nextClass)) == 0) {
            nextClass++;
        }
        int klass = nextClass;
        classesInStep &= ~(1 << klass);
        enable.clear();
        for (int c = 0; c < columns; c++) {
            if (active[c] && cls[c] == klass) {
                enable.set(line[c] * tileColumns + c);
            }
        }
        double strength = baseStrength * Math.pow(k.ratio(), klass);
        return classesInStep == 0 ? RowOps.set(tile, row, strength, k.mode(), enable, readSnapshot)
                : RowOps.set(tile, row, strength, k.mode(), enable, (BitMask) null);
    }

    private RowOp lspRead() {
        phase = Phase.LSP_READ;
        return RowOps.read(tile, row, readSnapshot);
    }
}
