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
    private final int[][] lineCols;
    private final int[] lineCounts = new int[4];

    public RowDriver(CrossbarTile tile) {
        this.tile = tile;
        this.lineCols = new int[4][tile.cols()];
    }

    /** Splits a 4*C-bit enable mask into per-line column lists; returns the number of enabled devices. */
    public int decode(ByteBuffer enable) {
        int cols = tile.cols();
        int total = 0;
        for (int line = 0; line < 4; line++) {
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

    /** Enabled devices on each line in the last decoded mask, into {@code out[line]}. */
    public void lineCounts(int[] out) {
        System.arraycopy(lineCounts, 0, out, 0, lineCounts.length);
    }

    public void set(int row, double strength, RandomStream rng) {
        DeviceArray devices = tile.devices();
        for (int line = 0; line < 4; line++) {
            if (lineCounts[line] > 0) {
                devices.set(tile.base(line, row), lineCols[line], lineCounts[line], strength, rng);
            }
        }
    }

    public void reset(int row, RandomStream rng) {
        DeviceArray devices = tile.devices();
        for (int line = 0; line < 4; line++) {
            if (lineCounts[line] > 0) {
                devices.reset(tile.base(line, row), lineCols[line], lineCounts[line], rng);
            }
        }
    }
}
