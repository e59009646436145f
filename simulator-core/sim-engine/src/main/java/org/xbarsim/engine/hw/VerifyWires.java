package org.xbarsim.engine.hw;

import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.engine.wire.IrDrop;
import org.xbarsim.engine.wire.Wires;

/**
 * IR drop as a verify read of a tile sees it: one row driven, the others at 0 V. The tile keeps its
 * devices line by line ({@link CrossbarTile}); along a word line they sit cell by cell, the devices of
 * a cell side by side (GP, GM, LP, LM), so device column j of the wires is cell j / 4, line j % 4.
 * While a row is programmed only its own devices change, so the other rows' share of the bit lines'
 * drop is worked out once when the row being read changes ({@link IrDrop#prepareRow}), and each read
 * solves only its own word line.
 */
final class VerifyWires {
    private final CrossbarTile tile;
    private final IrDrop drop;
    private final int n;
    /** The tile's conductances in wire order: row-major, rows x 4 cols. */
    private final double[] wired;
    private final double[] row;
    private int prepared = -1;

    VerifyWires(CrossbarTile tile, Wires wires) {
        this.tile = tile;
        this.n = DeviceLine.COUNT * tile.cols();
        this.drop = new IrDrop(wires, tile.rows(), n);
        this.wired = new double[tile.rows() * n];
        this.row = new double[n];
    }

    /** The effective conductances of a row's devices in a verify read, in wire order (cell * 4 + line). */
    double[] read(int r) {
        double[] g = tile.devices().conductances();
        if (r != prepared) {
            for (int k = 0; k < tile.rows(); k++) {
                WireOrder.gather(tile, g, k, wired);
            }
            drop.prepareRow(wired, r);
            prepared = r;
        } else {
            WireOrder.gather(tile, g, r, wired);
        }
        drop.readRow(wired, r, row);
        return row;
    }
}
