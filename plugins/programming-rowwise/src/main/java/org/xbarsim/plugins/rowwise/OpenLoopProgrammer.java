package org.xbarsim.plugins.rowwise;

import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * Open-loop programming: no verify read. Each column's pulse counts come from the nominal mean curve
 * ({@link NominalCurve}): kMsp pulses of strength sMsp on GP (t >= 0) or GM bring F * rise closest to
 * |t|; the nominal remainder r = t - sign(t) F rise(kMsp) then gets kLsp pulses of strength sLsp on LP
 * (r > 0) or LM. The row is RESET, then pulsed with a shrinking enable mask: pulse i of a phase enables
 * the columns that need more than i pulses. Every device's deviation from the nominal curve (alpha and
 * Gmax spread, cycle-to-cycle noise) goes uncorrected.
 */
final class OpenLoopProgrammer implements RowProgrammer {
    private enum Phase { RESET, MSP, LSP }

    private final OpenLoopPolicy.Knobs k;
    private final double significanceF;
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

    OpenLoopProgrammer(OpenLoopPolicy.Knobs knobs, double significanceF, int tile, int tileColumns) {
        this.k = knobs;
        this.significanceF = significanceF;
        this.tile = tile;
        this.tileColumns = tileColumns;
        this.enable = new BitMask(DeviceLine.COUNT * tileColumns);
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
        for (int line = 0; line < DeviceLine.COUNT; line++) {
            enable.setRange(line * tileColumns, line * tileColumns + columns);
        }
        phase = Phase.RESET;
        return RowOps.reset(tile, row, enable);
    }

    /** Pulse counts of every column from the nominal curve. */
    private void plan(double[] targets) {
        NominalCurve curve = k.curve();
        mspLength = 0;
        lspLength = 0;
        for (int c = 0; c < columns; c++) {
            double t = targets[c];
            double a = Math.abs(t);
            // A target within tol of 0 is met by the RESET state, as in the closed-loop policies.
            int m = a > k.tol() ? curve.pulsesFor(a / significanceF, k.sMsp(), k.nMsp()) : 0;
            double sign = t >= 0 ? 1 : -1;
            double remainder = a > k.tol() ? t - sign * significanceF * curve.rise(k.sMsp(), m) : 0;
            int l = Math.abs(remainder) > k.tol() * k.accept()
                    ? curve.pulsesFor(Math.abs(remainder), k.sLsp(), k.nLsp()) : 0;
            mspPulses[c] = m;
            lspPulses[c] = l;
            mspLine[c] = (t >= 0 ? DeviceLine.GP : DeviceLine.GM).ordinal();
            lspLine[c] = (remainder > 0 ? DeviceLine.LP : DeviceLine.LM).ordinal();
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
        return RowOps.set(tile, row, strength, enable, (BitMask) null);
    }
}
