package org.xbarsim.engine.hw;

import java.nio.ByteBuffer;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.random.RandomStream;

/**
 * The row program drivers of a tile: one pulse shared by a row, gated per device column by an
 * enable mask. A SET reaches every enabled device in one operation; a RESET needs more current, so
 * the drivers RESET one device line at a time: one operation per line that has an enabled device.
 */
public final class RowDriver {
    private final CrossbarTile tile;
    private final int lines;
    private final int[][] lineCols;
    private final int[] lineCounts;
    /** Every column of a row, for the row's relaxation. */
    private final int[] allCols;

    public RowDriver(CrossbarTile tile) {
        this.tile = tile;
        this.lines = tile.cell().devices();
        this.lineCols = new int[lines][tile.cols()];
        this.lineCounts = new int[lines];
        this.allCols = new int[tile.cols()];
        for (int c = 0; c < allCols.length; c++) {
            allCols[c] = c;
        }
    }

    /** Splits a (devices x C)-bit enable mask into per-line column lists; returns the number of enabled devices. */
    public int decode(ByteBuffer enable) {
        int cols = tile.cols();
        int total = 0;
        for (int line = 0; line < lines; line++) {
            lineCounts[line] = BitMask.indices(enable, line * cols, (line + 1) * cols, lineCols[line]);
            total += lineCounts[line];
        }
        return total;
    }

    /** Device lines with at least one enabled device in the last decoded mask. */
    public int linesEnabled() {
        int n = 0;
        for (int c : lineCounts) {
            if (c > 0) {
                n++;
            }
        }
        return n;
    }

    /** Enabled devices on each line in the last decoded mask, into {@code out[line]} (lines beyond the cell's: left). */
    public void lineCounts(int[] out) {
        System.arraycopy(lineCounts, 0, out, 0, lineCounts.length);
    }

    /** A SET of the given amplitude and width (relative to the nominal SET pulse) on the decoded devices. */
    public void set(int row, double amplitude, double width, RandomStream rng) {
        DeviceArray devices = tile.devices();
        for (int line = 0; line < lines; line++) {
            if (lineCounts[line] > 0) {
                devices.set(tile.base(line, row), lineCols[line], lineCounts[line], amplitude, width, rng);
            }
        }
    }

    public void reset(int row, RandomStream rng) {
        DeviceArray devices = tile.devices();
        for (int line = 0; line < lines; line++) {
            if (lineCounts[line] > 0) {
                devices.reset(tile.base(line, row), lineCols[line], lineCounts[line], rng);
            }
        }
    }

    /** Every device of a row settles after its last pulse (see {@link DeviceArray#relax}). */
    public void relax(int row, RandomStream rng) {
        DeviceArray devices = tile.devices();
        for (int line = 0; line < lines; line++) {
            devices.relax(tile.base(line, row), allCols, allCols.length, rng);
        }
    }
}
