package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.wire.IrDrop;
import org.xbarsim.engine.wire.Wires;

class WireOrderTest {
    private static CrossbarTile tile(int rows, int cols) {
        IdealDevices.Array devices = new IdealDevices.Array(DeviceLine.COUNT * rows * cols, 1.0, 0);
        CrossbarTile tile = new CrossbarTile(0, rows, cols, 3, devices);
        double[] g = devices.conductances();
        for (int i = 0; i < g.length; i++) {
            g[i] = 1 + i;
        }
        return tile;
    }

    /** Along a word line the devices of a cell sit side by side: wire column cell * 4 + line. */
    @Test
    void gatherPutsEachCellsDevicesSideBySide() {
        CrossbarTile t = tile(3, 2);
        double[] g = t.devices().conductances();
        double[] wired = new double[3 * 8];
        for (int r = 0; r < 3; r++) {
            WireOrder.gather(t, g, r, wired);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 2; c++) {
                for (int line = 0; line < 4; line++) {
                    assertEquals(g[t.base(line, r) + c], wired[r * 8 + c * 4 + line]);
                }
            }
        }
        double[] back = new double[g.length];
        for (int r = 0; r < 3; r++) {
            WireOrder.scatter(t, wired, r, back);
        }
        assertArrayEquals(g, back);
    }

    /**
     * A verify read through the wires is IrDrop's row read of the tile in wire order, prepared for that
     * row: after a pulse on the row it sees the new conductances, and reading another row prepares again.
     */
    @Test
    void verifyWiresReadWhatTheSolverSaysOfTheTileAsItIsNow() {
        CrossbarTile t = tile(4, 3);
        Wires wires = new Wires(300, 500, true);
        VerifyWires v = new VerifyWires(t, wires);
        assertArrayEquals(expected(t, wires, 1), v.read(1), 1e-12);
        t.devices().set(t.base(0, 1), new int[] {2}, 1, 40, new RandomStream(0));
        assertArrayEquals(expected(t, wires, 1), v.read(1), 1e-12);
        t.devices().set(t.base(3, 2), new int[] {0}, 1, 40, new RandomStream(0));
        assertArrayEquals(expected(t, wires, 3), v.read(3), 1e-12);
        assertArrayEquals(expected(t, wires, 1), v.read(1), 1e-12);
    }

    private static double[] expected(CrossbarTile t, Wires wires, int row) {
        double[] wired = new double[4 * 12];
        for (int r = 0; r < 4; r++) {
            WireOrder.gather(t, t.devices().conductances(), r, wired);
        }
        IrDrop fresh = new IrDrop(wires, 4, 12);
        fresh.prepareRow(wired, row);
        double[] out = new double[12];
        fresh.readRow(wired, row, out);
        return out;
    }
}
