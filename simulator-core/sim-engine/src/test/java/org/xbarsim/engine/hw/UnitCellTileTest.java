package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;

/**
 * Tiles of one-pair and single-device cells: device count, the weight a cell holds, its verify read
 * and its analog multiply (mean and noise), what a SET mask reaches, and the weight mapping.
 */
class UnitCellTileTest {
    private static final int ROWS = 4;
    private static final int COLS = 8;
    private static final RandomStream UNUSED = new RandomStream(0);

    /** Device (line, r, c) of an ideal tile set to value(line, r, c) uS. */
    private static CrossbarTile tile(UnitCell cell, double readVariance) {
        IdealDevices.Array devices = new IdealDevices.Array(cell.devices() * ROWS * COLS, 1.0, readVariance);
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, cell, devices);
        for (int line = 0; line < cell.devices(); line++) {
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLS; c++) {
                    devices.set(tile.base(line, r), new int[] {c}, 1, value(line, r, c), UNUSED);
                }
            }
        }
        return tile;
    }

    private static double value(int line, int r, int c) {
        return line == 0 ? 10 + r + 0.5 * c : 2 + 0.25 * r;
    }

    @Test
    void aTileHoldsDevicesTimesCellsAndSaysSoWhenItDoesNot() {
        assertEquals(2 * ROWS * COLS, tile(UnitCell.pair(), 0).devices().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CrossbarTile(3, ROWS, COLS,
                UnitCell.single(5), new IdealDevices.Array(2 * ROWS * COLS, 1, 0)));
        assertEquals("tile 3 needs 32 devices, got 64", e.getMessage());
    }

    @Test
    void aPairReadsItsDifferenceAndASingleDeviceItsOffsetFromTheReference() {
        CrossbarTile pair = tile(UnitCell.pair(), 0);
        CrossbarTile single = tile(UnitCell.single(12.5), 0);
        int[] cols = {1, 6};
        double[] out = new double[2];
        for (int r = 0; r < ROWS; r++) {
            double[] g = pair.devices().conductances();
            assertEquals(value(0, r, 6) - value(1, r, 6), pair.weight(g, r, 6), 1e-12);
            new ReadPath(pair, new Adc(16, 60), 1).sample(r, cols, 2, new RandomStream(1), out);
            assertEquals(value(0, r, 1) - value(1, r, 1), out[0], 1e-12);
            assertEquals(value(0, r, 6) - value(1, r, 6), out[1], 1e-12);
            new ReadPath(single, new Adc(16, 60), 1).sample(r, cols, 2, new RandomStream(1), out);
            assertEquals(value(0, r, 1) - 12.5, out[0], 1e-12);
            assertEquals(value(0, r, 6) - 12.5, single.weight(single.devices().conductances(), r, 6), 1e-12);
        }
    }

    /** Read noise of a column: the sum of its devices' variances (2v on a pair, v on a single device). */
    @Test
    void verifyReadNoiseIsThatOfTheCellsDevices() {
        double v = 0.04;
        for (UnitCell cell : new UnitCell[] {UnitCell.pair(), UnitCell.single(12.5)}) {
            CrossbarTile tile = tile(cell, v);
            ReadPath path = new ReadPath(tile, new Adc(16, 60), 1);
            RandomStream rng = new RandomStream(7);
            int n = 40_000;
            double sum = 0;
            double sum2 = 0;
            double[] out = new double[1];
            double w = tile.weight(tile.devices().conductances(), 2, 3);
            for (int i = 0; i < n; i++) {
                path.sample(2, new int[] {3}, 1, rng, out);
                sum += out[0] - w;
                sum2 += (out[0] - w) * (out[0] - w);
            }
            double expected = cell.devices() * v;
            // 40,000 reads: standard error of a variance 0.7% relative; 4% is about 5 of them.
            assertEquals(expected, sum2 / n, 0.04 * expected, cell.toString());
            assertEquals(0, sum / n, 5 * Math.sqrt(expected / n), cell.toString());
        }
    }

    @Test
    void theAnalogMultiplyUsesTheCellsWeightAndNoise() {
        double v = 0.01;
        for (UnitCell cell : new UnitCell[] {UnitCell.pair(), UnitCell.single(12.5)}) {
            CrossbarTile tile = tile(cell, v);
            MvmBlock block = new MvmBlock(tile, ROWS, COLS, 0);
            float[] x = {1, 0, 2, 0};
            float[] y = new float[COLS];
            block.multiply(x, 1, null, null, y);
            for (int c = 0; c < COLS; c++) {
                double w0 = cell.devices() == 2 ? value(0, 0, c) - value(1, 0, c) : value(0, 0, c) - 12.5;
                double w2 = cell.devices() == 2 ? value(0, 2, c) - value(1, 2, c) : value(0, 2, c) - 12.5;
                assertEquals(w0 + 2 * w2, y[c], 1e-4, cell + " column " + c);
            }
            RandomStream noise = new RandomStream(3);
            int n = 20_000;
            double sum2 = 0;
            double mean = y[0];
            for (int i = 0; i < n; i++) {
                block.multiply(x, 1, null, noise, y);
                sum2 += (y[0] - mean) * (y[0] - mean);
            }
            // (1^2 + 2^2) times the cell's variance; 20,000 samples: 1% standard error, 5% tolerance.
            double expected = 5 * cell.devices() * v;
            assertEquals(expected, sum2 / n, 0.05 * expected, cell.toString());
        }
    }

    @Test
    void aSetReachesTheEnabledLinesOfASmallerCell() {
        UnitCell cell = UnitCell.pair();
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, cell, new IdealDevices.Array(2 * ROWS * COLS, 1, 0));
        ChipConfig chip = new ChipConfig(1e9, ROWS, COLS, 3, 16, 1, 20, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1)
                .withCell(cell);
        assertEquals(2, chip.devicesPerCell());
        RowExecutor s = new RowExecutor(tile, chip);
        s.startRow(1, new RandomStream(1), new RandomStream(2), new RowDemand(0, 1, 1));
        BitMask enable = new BitMask(2 * COLS).set(3).set(COLS + 5);
        RowResult r = s.execute(RowOps.set(0, 1, 2.0, enable, new BitMask(COLS).setRange(0, COLS)));
        double[] w = new double[COLS];
        RowOps.decode(r, w);
        double lsb = 40.0 / 65536;
        assertEquals(2, w[3], lsb);
        assertEquals(-2, w[5], lsb);
        assertEquals(0, w[0], lsb);
        // 2 devices pulsed at amplitude 2 (4 x 10 pJ); 8 columns of 2 devices read at 0.1 pJ, 8 conversions, one DAC.
        assertEquals(2 * 40 + 8 * 2 * 0.1 + 8 * 1 + 0.1, s.demand().energyPicojoules, 1e-9);
        s.execute(RowOps.reset(0, 1, new BitMask(2 * COLS).setRange(0, 2 * COLS)));
        assertEquals(2, s.demand().resetOps, "one RESET operation per line of the pair");
    }

    @Test
    void theLargestWeightMapsToGtOnSmallerCellsAndToFGtOnTwoPairs() {
        WeightLayer layer = new WeightLayer("w", 1, 2, new double[] {-2, 1});
        TileJob four = WeightMapper.map(List.of(layer), 4, 4, UnitCell.twoPairs(3), 15).get(0);
        TileJob two = WeightMapper.map(List.of(layer), 4, 4, UnitCell.pair(), 15).get(0);
        TileJob one = WeightMapper.map(List.of(layer), 4, 4, UnitCell.single(12.5), 10).get(0);
        assertEquals(-45, four.targets()[0], 1e-12);
        assertEquals(22.5, four.targets()[1], 1e-12);
        assertEquals(-15, two.targets()[0], 1e-12);
        assertEquals(7.5, two.targets()[1], 1e-12);
        assertEquals(-10, one.targets()[0], 1e-12);
        assertEquals(5, one.targets()[1], 1e-12);
    }
}
