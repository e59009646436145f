package org.xbarsim.engine.hw;

import org.xbarsim.api.device.DeviceLine;

/**
 * Between the tile's order of devices (line by line, {@link CrossbarTile#base}) and the order they sit
 * along a word line (cell by cell, the devices of a cell side by side: wire column cell * 4 + line),
 * which is the order the wires' IR drop is solved in: row-major, rows x 4 cols.
 */
final class WireOrder {
    private WireOrder() {
    }

    /** Copies row {@code r} of the tile's {@code g} into {@code wired}. */
    static void gather(CrossbarTile tile, double[] g, int r, double[] wired) {
        int n = DeviceLine.COUNT * tile.cols();
        for (int line = 0; line < DeviceLine.COUNT; line++) {
            int base = tile.base(line, r);
            for (int c = 0; c < tile.cols(); c++) {
                wired[r * n + c * DeviceLine.COUNT + line] = g[base + c];
            }
        }
    }

    /** Copies row {@code r} of {@code wired} back into the tile's order in {@code g}. */
    static void scatter(CrossbarTile tile, double[] wired, int r, double[] g) {
        int n = DeviceLine.COUNT * tile.cols();
        for (int line = 0; line < DeviceLine.COUNT; line++) {
            int base = tile.base(line, r);
            for (int c = 0; c < tile.cols(); c++) {
                g[base + c] = wired[r * n + c * DeviceLine.COUNT + line];
            }
        }
    }
}
