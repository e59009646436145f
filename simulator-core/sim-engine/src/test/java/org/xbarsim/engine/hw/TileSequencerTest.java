package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.PulseMode;
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
    private IdealDevices.Array devices;

    private TileSequencer sequencer(ChipConfig chip, double readVariance) {
        devices = new IdealDevices.Array(DeviceLine.COUNT * ROWS * COLS, 1.0, readVariance);
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, chip.significanceF(), devices);
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
        // 3 devices pulsed at amplitude 2: 2^2 x 10 pJ each (Joule heating, I^2 R t); 16 columns read: 4 devices
        // each at 0.1 pJ, 16 conversions at 1 pJ, one DAC.
        assertEquals(3 * 4 * 10 + 16 * 4 * 0.1 + 16 * 1 + 0.1, c.energyPicojoules, 1e-9);
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

    /**
     * A SET realised by width lasts width x 200 cycles and costs width x 10 pJ a device; by amplitude it
     * lasts 200 cycles and costs amplitude^2 x 10 pJ: the same strength, priced by what the pulse is.
     */
    @Test
    void aSetIsTimedByItsWidthAndPricedByAmplitudeSquaredTimesWidth() {
        TileSequencer s = sequencer(chip(10, 1), 0);
        BitMask one = new BitMask(4 * COLS).set(2);
        s.startRow();
        s.execute(RowOps.set(0, 1, 3.0, PulseMode.WIDTH, one, (BitMask) null));
        assertEquals(600, results.get(0).getCycle());
        assertEquals(3 * 10, s.counters().energyPicojoules, 1e-9);
        s.startRow();
        s.execute(RowOps.set(0, 1, 3.0, PulseMode.AMPLITUDE, one, (BitMask) null));
        assertEquals(600 + 200, results.get(1).getCycle());
        assertEquals(9 * 10, s.counters().energyPicojoules, 1e-9);
        s.startRow();
        s.execute(RowOps.set(0, 1, 0.001, PulseMode.WIDTH, one, (BitMask) null));
        assertEquals(800 + 1, results.get(2).getCycle(), "a pulse lasts at least a cycle");
        // The ideal fixture steps strength x 1 uS either way: 3 + 3 + 0.001 on GP of column 2 of row 1.
        assertEquals(6.001, devices.conductances()[COLS + 2], 1e-12);
    }

    @Test
    void aSetNeedsAPositiveWidth() {
        TileSequencer s = sequencer(chip(10, 1), 0);
        org.xbarsim.api.event.RowOp bad = new org.xbarsim.api.event.RowOp(0, 1, org.xbarsim.api.event.OpKind.SET, 1.0,
                new BitMask(4 * COLS).set(2).toBuffer(), BitMask.EMPTY, 0.0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.execute(bad));
        assertEquals("SET width must be > 0, got 0.0", e.getMessage());
    }

    /** finishRow lets the row's devices settle, once, from the pulse stream, on every line of that row only. */
    @Test
    void finishingARowRelaxesItsDevices() {
        SettlingDevices d = new SettlingDevices(4 * ROWS * COLS);
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, 3, d);
        TileSequencer s = new TileSequencer(tile, chip(10, 1), new RandomStream(1), new RandomStream(2), results::add);
        s.finishRow(2);
        assertEquals(List.of(2 * COLS, ROWS * COLS + 2 * COLS, 2 * ROWS * COLS + 2 * COLS, 3 * ROWS * COLS + 2 * COLS),
                d.bases);
        assertEquals(COLS, d.counts.get(0));
    }

    /** Records the relax calls it gets. */
    private static final class SettlingDevices extends IdealDevices.Array {
        final List<Integer> bases = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();

        SettlingDevices(int n) {
            super(n, 1, 0);
        }

        @Override
        public void relax(int base, int[] cols, int count, RandomStream rng) {
            bases.add(base);
            counts.add(count);
        }
    }

    /** A RESET returns exactly the enabled devices to their reset state and costs 50 pJ each; reads cost their ADC. */
    @Test
    void aResetReachesOnlyTheEnabledDevicesAndCostsThem() {
        ChipConfig chip = new ChipConfig(1e9, ROWS, COLS, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 2, 0.3);
        TileSequencer s = sequencer(chip, 0);
        BitMask all = new BitMask(4 * COLS).setRange(0, 4 * COLS);
        s.startRow();
        s.execute(RowOps.set(0, 2, 1.0, all, (BitMask) null));
        s.startRow();
        s.execute(RowOps.reset(0, 2, new BitMask(4 * COLS).set(COLS + 3).set(3 * COLS + 7)));
        assertEquals(2 * 50, s.counters().energyPicojoules, 1e-9);
        assertEquals(2, s.counters().resetOps);
        for (int line = 0; line < 4; line++) {
            for (int c = 0; c < COLS; c++) {
                boolean hit = (line == 1 && c == 3) || (line == 3 && c == 7);
                assertEquals(hit ? 0 : 1, devices.conductances()[line * ROWS * COLS + 2 * COLS + c], 0.0,
                        "line " + line + " column " + c);
            }
        }
        s.startRow();
        s.execute(RowOps.read(0, 2, new BitMask(COLS).setRange(0, 5)));
        // 5 columns of 4 devices at 0.1 pJ, 5 conversions at 2 pJ, one DAC at 0.3 pJ.
        assertEquals(5 * 4 * 0.1 + 5 * 2 + 0.3, s.counters().energyPicojoules, 1e-9);
        assertEquals(1, results.get(results.size() - 1).getOperations());
        s.execute(RowOps.read(0, 2, new BitMask(COLS).set(0)));
        assertEquals(2, results.get(results.size() - 1).getOperations(), "reads and pulses counted per row");
        assertEquals(s.now(), results.get(results.size() - 1).getCycle());
    }

    @Test
    void operationsOutsideTheTileOrWithoutStrengthAreRefused() {
        TileSequencer s = sequencer(chip(10, 1), 0);
        IllegalArgumentException outside = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.execute(RowOps.read(0, ROWS, new BitMask(COLS).set(0))));
        assertEquals("row 4 is outside tile 0", outside.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.execute(RowOps.read(0, -1, new BitMask(COLS).set(0))));
        IllegalArgumentException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.execute(RowOps.set(0, 1, 0.0, new BitMask(4 * COLS).set(1), (BitMask) null)));
        assertEquals("SET strength must be > 0, got 0.0", none.getMessage());
    }
}
