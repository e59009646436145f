package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.fixtures.IdealDevices;

class TileSequencerTest {
    private static final int ROWS = 4;
    private static final int COLS = 16;

    private static ChipConfig chip(int bits, int columnsPerAdc) {
        return new ChipConfig(1e9, ROWS, COLS, 3, bits, columnsPerAdc, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1);
    }

    private final List<RowResult> results = new ArrayList<>();

    private TileSequencer sequencer(ChipConfig chip, double readVariance) {
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, chip.significanceF(),
                new IdealDevices.Array(DeviceLine.COUNT * ROWS * COLS, 1.0, readVariance));
        return new TileSequencer(tile, chip, new RandomStream(1), new RandomStream(2), results::add);
    }

    @Test
    void aVerifiedSetTakesPulsePlusIntegrationPlusConversionAndReadsTheWeight() {
        TileSequencer s = sequencer(chip(10, 1), 0);
        s.startRow();
        BitMask enable = new BitMask(4 * COLS).set(0 * COLS + 2).set(2 * COLS + 2).set(1 * COLS + 5);
        s.execute(RowOps.set(0, 1, 2.0, enable, new BitMask(COLS).setRange(0, COLS)));
        RowResult r = results.get(0);
        // 200 cycles of pulse, 100 of integration, 10 bits at one cycle a bit.
        assertEquals(310, r.getCycle());
        double[] w = new double[COLS];
        RowOps.decode(r, w);
        // Column 2: GP and LP each +2 uS -> W = 3 * 2 + 2 = 8; column 5: GM +2 -> W = -6.
        double lsb = 120.0 / 1024;
        assertEquals(8, w[2], lsb / 2);
        assertEquals(-6, w[5], lsb / 2);
        assertEquals(0, w[0], lsb / 2);
        TileSequencer.RowCounters c = s.counters();
        assertEquals(1, c.setOps);
        assertEquals(1, c.readOps);
        // 3 devices pulsed at 10 pJ; 16 columns read: 4 devices each at 0.1 pJ, 16 conversions at 1 pJ, one DAC.
        assertEquals(3 * 10 + 16 * 4 * 0.1 + 16 * 1 + 0.1, c.energyPicojoules, 1e-9);
    }

    @Test
    void resetIsOneOperationPerDeviceLineAndNeedsNoRead() {
        TileSequencer s = sequencer(chip(10, 1), 0);
        s.startRow();
        BitMask all = new BitMask(4 * COLS).setRange(0, 4 * COLS);
        s.execute(RowOps.reset(0, 0, all));
        assertEquals(4 * 50, results.get(0).getCycle());
        assertEquals(0, results.get(0).getCodes().limit());
        assertEquals(4, s.counters().resetOps);
        BitMask twoLines = new BitMask(4 * COLS).set(3).set(3 * COLS + 1);
        s.execute(RowOps.reset(0, 0, twoLines));
        assertEquals(4 * 50 + 2 * 50, results.get(1).getCycle());
    }

    @Test
    void columnsSharingAnAdcAreConvertedInSeries() {
        TileSequencer shared = sequencer(chip(8, 4), 0);
        shared.execute(RowOps.read(0, 0, new BitMask(COLS).setRange(0, COLS)));
        // Four ADCs of four columns each: 4 conversions of 8 bits in series after 100 cycles of integration.
        assertEquals(100 + 4 * 8, results.get(0).getCycle());
        shared.execute(RowOps.read(0, 0, new BitMask(COLS).set(0).set(4).set(8)));
        // Three columns on three different ADCs: one conversion time.
        assertEquals(132 + 100 + 8, results.get(1).getCycle());
    }

    @Test
    void integratedReadNoiseHasTheVarianceOfTheFourDevicesWithFSquared() {
        double v = 0.04;
        TileSequencer s = sequencer(chip(16, 1), v);
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        double[] w = new double[COLS];
        for (int i = 0; i < 2000; i++) {
            results.clear();
            s.execute(RowOps.read(0, 0, new BitMask(COLS).setRange(0, COLS)));
            RowOps.decode(results.get(0), w);
            for (double x : w) {
                sum += x;
                sum2 += x * x;
                n++;
            }
        }
        double var = sum2 / n - (sum / n) * (sum / n);
        // F^2 (v + v) + v + v = 20 v = 0.8 uS^2; 32,000 samples give a relative error of about 0.8%.
        assertEquals(20 * v, var, 0.05 * 20 * v);
        assertTrue(Math.abs(sum / n) < 0.02);
    }
}
