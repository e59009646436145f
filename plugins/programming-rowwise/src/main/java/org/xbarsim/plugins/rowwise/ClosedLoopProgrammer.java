package org.xbarsim.plugins.rowwise;

import org.xbarsim.api.device.UnitCell;
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
 *   <li>RESET every device of every cell in the group;</li>
 *   <li>MSP (coarse) phase: up to nMsp SET pulses of strength sMsp on the coarse line that moves W
 *   towards the target (GP for t >= 0, GM for t < 0), each followed by a verify read; a column leaves
 *   when d W_read >= d t - margin, d = sign(t);</li>
 *   <li>one read, then the LSP (fine) phase: up to nLsp SET pulses of strength sLsp on the fine line
 *   that raises W where t - W_read > 0 and on the one that lowers it where it is < 0; a column
 *   leaves when |t - W_read| <= accept * tol.</li>
 * </ol>
 * A column that leaves an active set never returns to it.
 *
 * <p>Whatever the cell has is programmed ({@link UnitCell}): on two pairs the coarse lines are GP, GM
 * and the fine lines LP, LM; on one pair both phases use GP and GM (the fine phase at the finer
 * strength); on a single device against the reference column there is only G, which can only raise
 * W, so d = +1, the RESET carries a read (W starts at the reset conductance minus the reference, not
 * at 0), and a column that has passed its target leaves the fine phase, as nothing can bring it back.
 *
 * <p>A refresh in place ({@link RowTarget#inPlace}) programs only the selected columns, from the state
 * their devices drifted to: no RESET; the group's selected columns are read first, and the MSP and LSP
 * phases go on from what that read saw, pulsing only selected columns (a weight that drifted down gets
 * its MSP device topped up, then fine-tuned on its LSP pair).
 *
 * <p>Two variants share the code ({@link Variant}): without the LSP phase (msp-only, which then ends
 * a group when its MSP phase does), and with retries: after the MSP phase, the columns whose last
 * MSP read overshot the target by more than {@code maxOvershoot} (more than the LSP can take back) are
 * RESET (all their devices, only those columns enabled) and their MSP phase is run again with a fresh
 * budget, at {@code retryScale} times the previous strength, up to {@code retries} times.
 */
final class ClosedLoopProgrammer implements RowProgrammer {
    private enum Phase { RESET, REFRESH_READ, MSP, RETRY_RESET, LSP_READ, LSP }

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
    private final UnitCell cell;
    private final int tileColumns;
    private final int groupSize;
    private final int tile;
    private final BitMask enable;
    private final BitMask read;
    /** The group's read mask, shared by every operation of the group. */
    private java.nio.ByteBuffer readSnapshot;
    private final boolean[] active;
    /**
     * The active columns in ascending order, the first {@link #liveCount}: the pulse and verify loops go
     * over these rather than test every column of the group, a test whose outcome is a coin toss in the
     * middle of a phase (a mispredicted branch a column: the LSP pulse loop alone was a sixth of a row's time).
     */
    private final int[] live;
    private int liveCount;
    /** The last read of each column still in the LSP phase: it decides which device to pulse. */
    private final double[] readBack;
    /** Each column's last MSP read times its direction d (retries only): tells an overshoot. */
    private final double[] progress;
    /** Columns that went through the MSP phase of this group. */
    private final boolean[] coarse;
    /** Columns to RESET and redo (retries only). */
    private final boolean[] overshot;
    private final Readout readout = new Readout();

    private int row;
    private int columns;
    private double[] targets;
    private RowTarget target;
    private int groupStart;
    private int groupEnd;
    private Phase phase;
    private int pulses;
    private int retriesLeft;
    private double mspStrength;

    /**
     * @param groupSize columns programmed together; {@code Integer.MAX_VALUE} for the whole row
     */
    ClosedLoopProgrammer(ClosedLoopParameters parameters, UnitCell cell, int tile, int tileColumns, int groupSize) {
        this(parameters, Variant.REFERENCE, cell, tile, tileColumns, groupSize);
    }

    ClosedLoopProgrammer(ClosedLoopParameters parameters, Variant variant, UnitCell cell, int tile, int tileColumns,
                         int groupSize) {
        this.k = parameters;
        this.variant = variant;
        this.cell = cell;
        this.tile = tile;
        this.tileColumns = tileColumns;
        this.groupSize = groupSize;
        this.enable = new BitMask(cell.devices() * tileColumns);
        this.read = new BitMask(tileColumns);
        this.active = new boolean[tileColumns];
        this.live = new int[tileColumns];
        this.readBack = new double[tileColumns];
        this.progress = new double[tileColumns];
        this.coarse = new boolean[tileColumns];
        this.overshot = new boolean[tileColumns];
    }

    /** The direction d of a column's coarse phase: sign(t) on a pair, +1 on a single device. */
    private double direction(double t) {
        return cell.bidirectional() && t < 0 ? -1 : 1;
    }

    /** The RESET that starts a group or a retry: on a single device it reads where W starts. */
    private RowOp reset() {
        return cell.bidirectional() ? RowOps.reset(tile, row, enable) : RowOps.reset(tile, row, enable, readSnapshot);
    }

    @Override
    public RowOp start(RowTarget target) {
        this.target = target;
        row = target.row();
        columns = target.columns();
        targets = target.targets();
        return startGroup(0);
    }

    /** The first operation of the first group from {@code first} on with a column to program; DONE if none. */
    private RowOp startGroup(int first) {
        groupStart = first;
        while (groupStart < columns && !anySelected(groupStart, groupEnd(groupStart))) {
            groupStart = groupEnd(groupStart);
        }
        if (groupStart >= columns) {
            return RowOps.done(tile, row);
        }
        groupEnd = groupEnd(groupStart);
        read.clear();
        for (int c = groupStart; c < groupEnd; c++) {
            if (target.programs(c)) {
                read.set(c);
            }
        }
        readSnapshot = read.snapshot();
        if (target.inPlace() != null) {
            phase = Phase.REFRESH_READ;
            return RowOps.read(tile, row, readSnapshot);
        }
        enable.clear();
        for (int line = 0; line < cell.devices(); line++) {
            enable.setRange(line * tileColumns + groupStart, line * tileColumns + groupEnd);
        }
        phase = Phase.RESET;
        return reset();
    }

    private int groupEnd(int first) {
        return (int) Math.min((long) first + groupSize, columns);
    }

    private boolean anySelected(int from, int to) {
        for (int c = from; c < to; c++) {
            if (target.programs(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RowOp next(RowResult result) {
        // Decode only the columns still in play: late in a phase most of the row is done.
        readout.wrap(result);
        switch (phase) {
            case RESET -> {
                return afterReset();
            }
            case REFRESH_READ -> {
                return refreshRead();
            }
            case MSP -> {
                int n = 0;
                for (int j = 0; j < liveCount; j++) {
                    int c = live[j];
                    double t = targets[c];
                    double d = direction(t);
                    double p = d * readout.value(c);
                    progress[c] = p;
                    active[c] = p < d * t - k.margin();
                    live[n] = c;
                    n += active[c] ? 1 : 0;
                }
                liveCount = n;
                return n > 0 && pulses < k.nMsp() ? mspPulse() : mspDone();
            }
            case RETRY_RESET -> {
                // The overshot columns start their MSP phase again from RESET, with a fresh budget.
                for (int c = groupStart; c < groupEnd; c++) {
                    active[c] = overshot[c];
                    if (overshot[c] && !cell.bidirectional()) {
                        progress[c] = readout.value(c);
                    }
                }
                collectLive();
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
                for (int j = 0; j < liveCount; j++) {
                    int c = live[j];
                    readBack[c] = readout.value(c);
                    active[c] = fineActive(targets[c] - readBack[c], accept);
                    live[n] = c;
                    n += active[c] ? 1 : 0;
                }
                liveCount = n;
                return n > 0 && pulses < k.nLsp() ? lspPulse() : groupDone();
            }
            default -> throw new IllegalStateException("phase " + phase);
        }
    }

    /** The group's RESET done: the MSP phase of the columns whose target is more than tol away. */
    private RowOp afterReset() {
        for (int c = groupStart; c < groupEnd; c++) {
            // A pair starts at W = 0 (both devices reset); a single device where its read says.
            double t = targets[c];
            double start = cell.bidirectional() ? 0 : readout.value(c);
            active[c] = direction(t) * (t - start) > k.tol();
            coarse[c] = active[c];
            progress[c] = direction(t) * start;
        }
        return startMsp();
    }

    /** The MSP phase of the group's active columns, with a fresh budget and retries, at the policy's strength. */
    private RowOp startMsp() {
        collectLive();
        pulses = 0;
        retriesLeft = variant.retries();
        mspStrength = k.sMsp();
        phase = Phase.MSP;
        return liveCount > 0 && k.nMsp() > 0 ? mspPulse() : mspDone();
    }

    /** The read after the MSP phase: the LSP phase of the columns outside the acceptance band. */
    private RowOp afterLspRead() {
        double accept = k.accept() * k.tol();
        for (int c = groupStart; c < groupEnd; c++) {
            double e = targets[c] - readout.value(c);
            active[c] = target.programs(c) && fineActive(e, accept);
            readBack[c] = active[c] ? readout.value(c) : 0;
        }
        collectLive();
        pulses = 0;
        phase = Phase.LSP;
        return liveCount > 0 && k.nLsp() > 0 ? lspPulse() : groupDone();
    }

    /**
     * Whether a column with remaining error {@code e} = t - W_read stays in the fine phase: outside
     * the acceptance band, and movable that way (a single device cannot lower W).
     */
    private boolean fineActive(double e, double accept) {
        return Math.abs(e) > accept && (e > 0 || cell.bidirectional());
    }

    /**
     * In place: the MSP phase goes on from the drifted weights the group's first read saw. A pair's
     * target within tol of 0 needs no coarse pulse (as from RESET); a single device can only be raised.
     */
    private RowOp refreshRead() {
        for (int c = groupStart; c < groupEnd; c++) {
            double t = targets[c];
            double d = direction(t);
            boolean selected = target.programs(c);
            progress[c] = selected ? d * readout.value(c) : 0;
            active[c] = selected && (!cell.bidirectional() || Math.abs(t) > k.tol())
                    && progress[c] < d * t - k.margin();
            coarse[c] = active[c];
        }
        return startMsp();
    }

    /** The group's active columns into {@link #live}, after a phase set them column by column. */
    private void collectLive() {
        int n = 0;
        for (int c = groupStart; c < groupEnd; c++) {
            live[n] = c;
            n += active[c] ? 1 : 0;
        }
        liveCount = n;
    }

    private RowOp mspPulse() {
        enable.clear();
        int up = cell.coarseUp();
        int down = cell.coarseDown();
        for (int j = 0; j < liveCount; j++) {
            int c = live[j];
            enable.set((direction(targets[c]) > 0 ? up : down) * tileColumns + c);
        }
        pulses++;
        return RowOps.set(tile, row, mspStrength, k.mode(), enable, readSnapshot);
    }

    /** After the MSP phase: a retry of the overshot columns if allowed, else the LSP phase (or done). */
    private RowOp mspDone() {
        if (retriesLeft > 0 && k.nMsp() > 0) {
            enable.clear();
            boolean any = false;
            for (int c = groupStart; c < groupEnd; c++) {
                // Only columns that went through the MSP phase have a progress; within-tol targets never pulse.
                double t = targets[c];
                overshot[c] = coarse[c] && progress[c] > direction(t) * t + variant.maxOvershoot();
                if (overshot[c]) {
                    any = true;
                    for (int line = 0; line < cell.devices(); line++) {
                        enable.set(line * tileColumns + c);
                    }
                }
            }
            if (any) {
                retriesLeft--;
                mspStrength *= variant.retryScale();
                phase = Phase.RETRY_RESET;
                return reset();
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
        int up = cell.fineUp();
        int down = cell.fineDown();
        for (int j = 0; j < liveCount; j++) {
            int c = live[j];
            enable.set((targets[c] - readBack[c] > 0 ? up : down) * tileColumns + c);
        }
        pulses++;
        return RowOps.set(tile, row, k.sLsp(), k.mode(), enable, readSnapshot);
    }

    private RowOp groupDone() {
        return groupEnd < columns ? startGroup(groupEnd) : RowOps.done(tile, row);
    }
}
