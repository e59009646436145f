package org.xbarsim.plugins.rowwise;

import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.Readout;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * The closed-loop program-and-verify algorithm of science.md section 4, applied to a group of
 * columns at a time: the whole row for row-wise programming, one column for serial programming.
 * For each group:
 * <ol>
 *   <li>RESET the four devices of every cell in the group;</li>
 *   <li>MSP phase: up to nMsp SET pulses of strength sMsp on GP (positive targets) or GM (negative),
 *   each followed by a verify read; a column leaves when sign(t) W_read >= |t| - margin;</li>
 *   <li>one read, then the LSP phase: up to nLsp SET pulses of strength sLsp on LP where
 *   t - W_read > 0 and on LM where it is < 0, each verified; a column leaves when
 *   |t - W_read| <= accept * tol.</li>
 * </ol>
 * A column that leaves an active set never returns to it.
 *
 * <p>Two variants share the code ({@link Variant}): without the LSP phase (msp-only, which then ends
 * a group when its MSP phase does), and with retries: after the MSP phase, the columns whose last
 * MSP read overshot |t| by more than {@code maxOvershoot} (more than the LSP can take back) are RESET
 * (their four devices, only those columns enabled) and their MSP phase is run again with a fresh
 * budget, at {@code retryScale} times the previous strength, up to {@code retries} times.
 */
final class ClosedLoopProgrammer implements RowProgrammer {
    private enum Phase { RESET, MSP, RETRY_RESET, LSP_READ, LSP }

    /**
     * What the programmer does beyond the reference algorithm.
     *
     * @param lsp          whether the LSP phase runs (false: msp-only)
     * @param retries      how many times an overshot column may be RESET and its MSP phase redone
     * @param maxOvershoot MSP overshoot past |t| that triggers a retry, uS
     * @param retryScale   factor on the MSP strength at each retry (an overshoot means a strong device)
     */
    record Variant(boolean lsp, int retries, double maxOvershoot, double retryScale) {
        static final Variant REFERENCE = new Variant(true, 0, Double.POSITIVE_INFINITY, 1.0);
        static final Variant MSP_ONLY = new Variant(false, 0, Double.POSITIVE_INFINITY, 1.0);
    }

    private final ClosedLoopParameters k;
    private final Variant variant;
    private final int tileColumns;
    private final int groupSize;
    private final int tile;
    private final BitMask enable;
    private final BitMask read;
    /** The group's read mask, shared by every operation of the group. */
    private java.nio.ByteBuffer readSnapshot;
    private final boolean[] active;
    /** The last read of each column still in the LSP phase: it decides which device to pulse. */
    private final double[] readBack;
    /** Each column's last MSP read, sign-corrected (retries only): tells an overshoot. */
    private final double[] progress;
    /** Columns to RESET and redo (retries only). */
    private final boolean[] overshot;
    private final Readout readout = new Readout();

    private int row;
    private int columns;
    private double[] targets;
    private int groupStart;
    private int groupEnd;
    private Phase phase;
    private int pulses;
    private int retriesLeft;
    private double mspStrength;

    /**
     * @param groupSize columns programmed together; {@code Integer.MAX_VALUE} for the whole row
     */
    ClosedLoopProgrammer(ClosedLoopParameters parameters, int tile, int tileColumns, int groupSize) {
        this(parameters, Variant.REFERENCE, tile, tileColumns, groupSize);
    }

    ClosedLoopProgrammer(ClosedLoopParameters parameters, Variant variant, int tile, int tileColumns, int groupSize) {
        this.k = parameters;
        this.variant = variant;
        this.tile = tile;
        this.tileColumns = tileColumns;
        this.groupSize = groupSize;
        this.enable = new BitMask(DeviceLine.COUNT * tileColumns);
        this.read = new BitMask(tileColumns);
        this.active = new boolean[tileColumns];
        this.readBack = new double[tileColumns];
        this.progress = new double[tileColumns];
        this.overshot = new boolean[tileColumns];
    }

    @Override
    public RowOp start(RowTarget target) {
        row = target.row();
        columns = target.columns();
        targets = target.targets();
        if (columns == 0) {
            return RowOps.done(tile, row);
        }
        return startGroup(0);
    }

    private RowOp startGroup(int first) {
        groupStart = first;
        groupEnd = (int) Math.min((long) first + groupSize, columns);
        read.clear();
        read.setRange(groupStart, groupEnd);
        readSnapshot = read.snapshot();
        enable.clear();
        for (int line = 0; line < DeviceLine.COUNT; line++) {
            enable.setRange(line * tileColumns + groupStart, line * tileColumns + groupEnd);
        }
        phase = Phase.RESET;
        return RowOps.reset(tile, row, enable);
    }

    @Override
    public RowOp next(RowResult result) {
        // Decode only the columns still in play: late in a phase most of the row is done.
        readout.wrap(result);
        switch (phase) {
            case RESET -> {
                return afterReset();
            }
            case MSP -> {
                int n = 0;
                for (int c = groupStart; c < groupEnd; c++) {
                    if (active[c]) {
                        double t = targets[c];
                        double w = readout.value(c);
                        double p = t >= 0 ? w : -w;
                        progress[c] = p;
                        active[c] = p < Math.abs(t) - k.margin();
                        n += active[c] ? 1 : 0;
                    }
                }
                return n > 0 && pulses < k.nMsp() ? mspPulse() : mspDone();
            }
            case RETRY_RESET -> {
                // The overshot columns start their MSP phase again from RESET, with a fresh budget.
                for (int c = groupStart; c < groupEnd; c++) {
                    active[c] = overshot[c];
                }
                pulses = 0;
                phase = Phase.MSP;
                return mspPulse();
            }
            case LSP_READ -> {
                return afterLspRead();
            }
            case LSP -> {
                int n = 0;
                double accept = k.accept() * k.tol();
                for (int c = groupStart; c < groupEnd; c++) {
                    if (active[c]) {
                        readBack[c] = readout.value(c);
                        active[c] = Math.abs(targets[c] - readBack[c]) > accept;
                        n += active[c] ? 1 : 0;
                    }
                }
                return n > 0 && pulses < k.nLsp() ? lspPulse() : groupDone();
            }
            default -> throw new IllegalStateException("phase " + phase);
        }
    }

    /** The group was RESET: the columns with a target start their MSP phase. */
    private RowOp afterReset() {
        int n = 0;
        for (int c = groupStart; c < groupEnd; c++) {
            active[c] = Math.abs(targets[c]) > k.tol();
            progress[c] = 0;
            n += active[c] ? 1 : 0;
        }
        pulses = 0;
        retriesLeft = variant.retries();
        mspStrength = k.sMsp();
        phase = Phase.MSP;
        return n > 0 && k.nMsp() > 0 ? mspPulse() : mspDone();
    }

    /** The group was read after its MSP phase: the columns outside the acceptance band start the LSP phase. */
    private RowOp afterLspRead() {
        int n = 0;
        double accept = k.accept() * k.tol();
        for (int c = groupStart; c < groupEnd; c++) {
            readBack[c] = readout.value(c);
            active[c] = Math.abs(targets[c] - readBack[c]) > accept;
            n += active[c] ? 1 : 0;
        }
        pulses = 0;
        phase = Phase.LSP;
        return n > 0 && k.nLsp() > 0 ? lspPulse() : groupDone();
    }

    private RowOp mspPulse() {
        enable.clear();
        for (int c = groupStart; c < groupEnd; c++) {
            if (active[c]) {
                int line = targets[c] >= 0 ? DeviceLine.GP.ordinal() : DeviceLine.GM.ordinal();
                enable.set(line * tileColumns + c);
            }
        }
        pulses++;
        return RowOps.set(tile, row, mspStrength, enable, readSnapshot);
    }

    /** After the MSP phase: a retry of the overshot columns if allowed, else the LSP phase (or done). */
    private RowOp mspDone() {
        if (retriesLeft > 0 && k.nMsp() > 0) {
            enable.clear();
            boolean any = false;
            for (int c = groupStart; c < groupEnd; c++) {
                // Only columns that went through the MSP phase have a progress; within-tol targets never pulse.
                overshot[c] = Math.abs(targets[c]) > k.tol() && progress[c] > Math.abs(targets[c]) + variant.maxOvershoot();
                if (overshot[c]) {
                    any = true;
                    for (int line = 0; line < DeviceLine.COUNT; line++) {
                        enable.set(line * tileColumns + c);
                    }
                }
            }
            if (any) {
                retriesLeft--;
                mspStrength *= variant.retryScale();
                phase = Phase.RETRY_RESET;
                return RowOps.reset(tile, row, enable);
            }
        }
        return variant.lsp() ? lspRead() : groupDone();
    }

    private RowOp lspRead() {
        phase = Phase.LSP_READ;
        return RowOps.read(tile, row, readSnapshot);
    }

    private RowOp lspPulse() {
        enable.clear();
        for (int c = groupStart; c < groupEnd; c++) {
            if (active[c]) {
                int line = targets[c] - readBack[c] > 0 ? DeviceLine.LP.ordinal() : DeviceLine.LM.ordinal();
                enable.set(line * tileColumns + c);
            }
        }
        pulses++;
        return RowOps.set(tile, row, k.sLsp(), enable, readSnapshot);
    }

    private RowOp groupDone() {
        return groupEnd < columns ? startGroup(groupEnd) : RowOps.done(tile, row);
    }
}
