package org.xbarsim.plugins.rowwise;

import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * Open-loop programming: no verify read. Each column's pulse counts come from the nominal mean curve
 * ({@link NominalCurve}): kMsp pulses of strength sMsp on the coarse line towards the target (GP for
 * t >= 0, else GM) bring its gain times the rise closest to |t|; the nominal remainder r then gets kLsp
 * pulses of strength sLsp on the fine line that moves W towards it (LP or LM on two pairs; GP or GM,
 * continuing from where the coarse pulses left a device, on one pair). On a single device W starts at
 * gReset minus the reference, and only a positive remainder can be pulsed. The row is RESET, then
 * pulsed with a shrinking enable mask: pulse i of a phase enables the columns that need more than i
 * pulses. Every device's deviation from the nominal curve (alpha and Gmax spread, cycle-to-cycle
 * noise) goes uncorrected.
 */
final class OpenLoopProgrammer implements RowProgrammer {
    private enum Phase { RESET, MSP, LSP }

    private final OpenLoopPolicy.Knobs k;
    private final UnitCell cell;
    private final int tile;
    private final int tileColumns;
    private final BitMask enable;
    private final int[] mspPulses;
    private final int[] lspPulses;
    /** Device line of each column's MSP and LSP pulses. */
    private final int[] mspLine;
    private final int[] lspLine;

    private int row;
    private int columns;
    private Phase phase;
    private int pulse;
    private int mspLength;
    private int lspLength;

    OpenLoopProgrammer(OpenLoopPolicy.Knobs knobs, UnitCell cell, int tile, int tileColumns) {
        this.k = knobs;
        this.cell = cell;
        this.tile = tile;
        this.tileColumns = tileColumns;
        this.enable = new BitMask(cell.devices() * tileColumns);
        this.mspPulses = new int[tileColumns];
        this.lspPulses = new int[tileColumns];
        this.mspLine = new int[tileColumns];
        this.lspLine = new int[tileColumns];
    }

    @Override
    public RowOp start(RowTarget target) {
        row = target.row();
        columns = target.columns();
        if (columns == 0) {
            return RowOps.done(tile, row);
        }
        plan(target.targets());
        enable.clear();
        for (int line = 0; line < cell.devices(); line++) {
            enable.setRange(line * tileColumns, line * tileColumns + columns);
        }
        phase = Phase.RESET;
        return RowOps.reset(tile, row, enable);
    }

    /** Pulse counts of every column from the nominal curve. */
    private void plan(double[] targets) {
        NominalCurve curve = k.curve();
        // W of a freshly reset cell: 0 on a pair, the reset conductance minus the reference on one device.
        double start = cell.bidirectional() ? 0 : curve.gReset() - cell.referenceMicroSiemens();
        mspLength = 0;
        lspLength = 0;
        for (int c = 0; c < columns; c++) {
            double t = targets[c];
            double sign = cell.bidirectional() && t < 0 ? -1 : 1;
            int coarse = sign > 0 ? cell.coarseUp() : cell.coarseDown();
            double gain = cell.gain(coarse);
            double a = sign * (t - start);
            // A target within tol of the reset state is met by it, as in the closed-loop policies.
            int m = a > k.tol() ? curve.pulsesFor(a / gain, k.sMsp(), k.nMsp()) : 0;
            double remainder = a > k.tol() ? t - start - sign * gain * curve.rise(k.sMsp(), m) : 0;
            int fine = remainder > 0 ? cell.fineUp() : cell.fineDown();
            // The fine line continues from where the coarse pulses left it when it is the same device.
            double from = fine == coarse ? curve.gReset() + curve.rise(k.sMsp(), m) : curve.gReset();
            int l = fine != UnitCell.NONE && Math.abs(remainder) > k.tol() * k.accept()
                    ? curve.pulsesFor(from, Math.abs(remainder) / cell.gain(fine), k.sLsp(), k.nLsp()) : 0;
            mspPulses[c] = m;
            lspPulses[c] = l;
            mspLine[c] = coarse;
            lspLine[c] = fine;
            mspLength = Math.max(mspLength, m);
            lspLength = Math.max(lspLength, l);
        }
    }

    @Override
    public RowOp next(RowResult result) {
        if (phase == Phase.RESET) {
            phase = Phase.MSP;
            pulse = 0;
        }
        if (phase == Phase.MSP) {
            if (pulse < mspLength) {
                return pulse(mspPulses, mspLine, k.sMsp());
            }
            phase = Phase.LSP;
            pulse = 0;
        }
        return pulse < lspLength ? pulse(lspPulses, lspLine, k.sLsp()) : RowOps.done(tile, row);
    }

    /** Pulse number {@code pulse} of a phase: the columns that need more than that many. */
    private RowOp pulse(int[] counts, int[] lines, double strength) {
        enable.clear();
        for (int c = 0; c < columns; c++) {
            if (counts[c] > pulse) {
                enable.set(lines[c] * tileColumns + c);
            }
        }
        pulse++;
        return RowOps.set(tile, row, strength, k.mode(), enable, (BitMask) null);
    }
}
