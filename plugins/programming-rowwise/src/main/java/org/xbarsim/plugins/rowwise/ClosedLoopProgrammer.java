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
 */
final class ClosedLoopProgrammer implements RowProgrammer {
    private enum Phase { RESET, MSP, LSP_READ, LSP }

    private final ClosedLoopParameters k;
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
    private final Readout readout = new Readout();

    private int row;
    private int columns;
    private double[] targets;
    private int groupStart;
    private int groupEnd;
    private Phase phase;
    private int pulses;

    /**
     * @param groupSize columns programmed together; {@code Integer.MAX_VALUE} for the whole row
     */
    ClosedLoopProgrammer(ClosedLoopParameters parameters, int tile, int tileColumns, int groupSize) {
        this.k = parameters;
        this.tile = tile;
        this.tileColumns = tileColumns;
        this.groupSize = groupSize;
        this.enable = new BitMask(DeviceLine.COUNT * tileColumns);
        this.read = new BitMask(tileColumns);
        this.active = new boolean[tileColumns];
        this.readBack = new double[tileColumns];
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
                int n = 0;
                for (int c = groupStart; c < groupEnd; c++) {
                    active[c] = Math.abs(targets[c]) > k.tol();
                    n += active[c] ? 1 : 0;
                }
                pulses = 0;
                phase = Phase.MSP;
                return n > 0 && k.nMsp() > 0 ? mspPulse() : lspRead();
            }
            case MSP -> {
                int n = 0;
                for (int c = groupStart; c < groupEnd; c++) {
                    if (active[c]) {
                        double t = targets[c];
                        double w = readout.value(c);
                        double progress = t >= 0 ? w : -w;
                        active[c] = progress < Math.abs(t) - k.margin();
                        n += active[c] ? 1 : 0;
                    }
                }
                return n > 0 && pulses < k.nMsp() ? mspPulse() : lspRead();
            }
            case LSP_READ -> {
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

    private RowOp mspPulse() {
        enable.clear();
        for (int c = groupStart; c < groupEnd; c++) {
            if (active[c]) {
                int line = targets[c] >= 0 ? DeviceLine.GP.ordinal() : DeviceLine.GM.ordinal();
                enable.set(line * tileColumns + c);
            }
        }
        pulses++;
        return RowOps.set(tile, row, k.sMsp(), enable, readSnapshot);
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
