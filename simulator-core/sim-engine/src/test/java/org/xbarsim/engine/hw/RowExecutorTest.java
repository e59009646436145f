package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.PulseMode;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.fixtures.IdealDevices;

class RowExecutorTest {
    private static final int ROWS = 4;
    private static final int COLS = 16;

    private static ChipConfig chip(int bits, int columnsPerAdc) {
        return new ChipConfig(1e9, ROWS, COLS, 3, bits, columnsPerAdc, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1);
    }

    private static IdealDevices.Array devices;

    private static RowExecutor executor(ChipConfig chip, double readVariance, int row) {
        devices = new IdealDevices.Array(DeviceLine.COUNT * ROWS * COLS, 1.0, readVariance);
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, chip.significanceF(), devices);
        RowExecutor e = new RowExecutor(tile, chip);
        e.startRow(row, new RandomStream(1), new RandomStream(2), new RowDemand(0, row, 1));
        return e;
    }

    @Test
    void aVerifiedSetTakesPulsePlusIntegrationPlusConversionAndReadsTheWeight() {
        RowExecutor s = executor(chip(10, 1), 0, 1);
        BitMask enable = new BitMask(4 * COLS).set(0 * COLS + 2).set(2 * COLS + 2).set(1 * COLS + 5);
        RowResult r = s.execute(RowOps.set(0, 1, 2.0, enable, new BitMask(COLS).setRange(0, COLS)));
        // 200 cycles of pulse, 100 of integration, 10 bits at one cycle a bit: the row's own clock.
        assertEquals(310, r.getRowCycle());
        double[] w = new double[COLS];
        RowOps.decode(r, w);
        // Column 2: GP and LP each +2 uS -> W = 3 * 2 + 2 = 8; column 5: GM +2 -> W = -6.
        double lsb = 120.0 / 1024;
        assertEquals(8, w[2], lsb / 2);
        assertEquals(-6, w[5], lsb / 2);
        assertEquals(0, w[0], lsb / 2);
        RowDemand d = s.demand();
        assertEquals(1, d.setOps);
        assertEquals(1, d.readOps);
        assertEquals(2, r.getOperations(), "a SET and its read are two row operations");
        // 3 devices pulsed at amplitude 2: 2^2 x 10 pJ each (Joule heating, I^2 R t); 16 columns read: 4 devices
        // each at 0.1 pJ, 16 conversions at 1 pJ, one DAC.
        assertEquals(3 * 4 * 10 + 16 * 4 * 0.1 + 16 * 1 + 0.1, d.energyPicojoules, 1e-9);
        // The log: one SET of one device on each of GP, GM and LP, one pulse phase, then a read whose
        // ADCs (one per column) each convert once.
        assertEquals(1, d.operations());
        assertEquals(OpKind.SET, d.kind(0));
        assertEquals(1, d.devices(0, 0));
        assertEquals(1, d.devices(0, 1));
        assertEquals(1, d.devices(0, 2));
        assertEquals(0, d.devices(0, 3));
        assertEquals(1, d.pulsePhases(0));
        assertEquals(3, d.phaseDevices(0, 0));
        assertEquals(200, d.pulseCycles(0));
        assertTrue(d.reads(0));
        assertEquals(1, d.conversionsInSeries(0));
    }

    @Test
    void resetIsOneOperationPerDeviceLineAndNeedsNoRead() {
        RowExecutor s = executor(chip(10, 1), 0, 0);
        BitMask all = new BitMask(4 * COLS).setRange(0, 4 * COLS);
        RowResult first = s.execute(RowOps.reset(0, 0, all));
        assertEquals(4 * 50, first.getRowCycle());
        assertEquals(0, first.getCodes().limit());
        assertEquals(4, s.demand().resetOps);
        BitMask twoLines = new BitMask(4 * COLS).set(3).set(3 * COLS + 1);
        RowResult second = s.execute(RowOps.reset(0, 0, twoLines));
        assertEquals(4 * 50 + 2 * 50, second.getRowCycle());
        RowDemand d = s.demand();
        assertEquals(4, d.pulsePhases(0));
        assertEquals(COLS, d.phaseDevices(0, 3));
        assertEquals(2, d.pulsePhases(1));
        assertEquals(1, d.phaseDevices(1, 0));
        assertEquals(1, d.phaseDevices(1, 1));
        assertThrows(IllegalArgumentException.class, () -> d.phaseDevices(1, 2));
        assertFalse(d.reads(1));
        // 64 devices then 2 devices reset at 50 pJ each.
        assertEquals((4 * COLS + 2) * 50, d.energyPicojoules, 1e-9);
    }

    @Test
    void columnsSharingAnAdcAreConvertedInSeries() {
        RowExecutor shared = executor(chip(8, 4), 0, 0);
        RowResult r = shared.execute(RowOps.read(0, 0, new BitMask(COLS).setRange(0, COLS)));
        // Four ADCs of four columns each: 4 conversions of 8 bits in series after 100 cycles of integration.
        assertEquals(100 + 4 * 8, r.getRowCycle());
        assertEquals(4, shared.demand().conversionsInSeries(0));
        RowResult s = shared.execute(RowOps.read(0, 0, new BitMask(COLS).set(0).set(4).set(8)));
        // Three columns on three different ADCs: one conversion time.
        assertEquals(132 + 100 + 8, s.getRowCycle());
        assertEquals(OpKind.READ, shared.demand().kind(1));
        assertEquals(0, shared.demand().pulsePhases(1));
    }

    @Test
    void anEmptyReadStillIntegratesAndDrivesTheRow() {
        RowExecutor e = executor(chip(8, 4), 0, 0);
        RowResult r = e.execute(RowOps.read(0, 0, new BitMask(COLS)));
        // Nothing to convert, but the row was driven and integrated: 100 cycles, one read, one DAC.
        assertEquals(100, r.getRowCycle());
        assertEquals(1, e.demand().readOps);
        assertTrue(e.demand().reads(0));
        assertEquals(0, e.demand().conversionsInSeries(0));
        assertEquals(0.1, e.demand().energyPicojoules, 1e-12);
    }

    @Test
    void operationsMustBeForTheRowBeingProgrammedAndNotDone() {
        RowExecutor e = executor(chip(8, 1), 0, 2);
        assertThrows(IllegalArgumentException.class, () -> e.execute(RowOps.read(0, 1, new BitMask(COLS))));
        assertThrows(IllegalArgumentException.class, () -> e.execute(RowOps.done(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> e.execute(RowOps.set(0, 2, 0.0,
                new BitMask(4 * COLS).set(0), (BitMask) null)));
        assertThrows(IllegalArgumentException.class, () -> e.startRow(ROWS, new RandomStream(1), new RandomStream(2),
                new RowDemand(0, ROWS, 1)));
    }

    @Test
    void integratedReadNoiseHasTheVarianceOfTheFourDevicesWithFSquared() {
        double v = 0.04;
        RowExecutor s = executor(chip(16, 1), v, 0);
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        double[] w = new double[COLS];
        for (int i = 0; i < 2000; i++) {
            RowOps.decode(s.execute(RowOps.read(0, 0, new BitMask(COLS).setRange(0, COLS))), w);
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
        RowExecutor s = executor(chip(10, 1), 0, 1);
        BitMask one = new BitMask(4 * COLS).set(2);
        RowResult wide = s.execute(RowOps.set(0, 1, 3.0, PulseMode.WIDTH, one, (BitMask) null));
        assertEquals(600, wide.getRowCycle());
        assertEquals(600, s.demand().pulseCycles(0));
        assertEquals(3 * 10, s.demand().energyPicojoules, 1e-9);
        RowResult strong = s.execute(RowOps.set(0, 1, 3.0, PulseMode.AMPLITUDE, one, (BitMask) null));
        assertEquals(600 + 200, strong.getRowCycle());
        assertEquals(3 * 10 + 9 * 10, s.demand().energyPicojoules, 1e-9);
        RowResult brief = s.execute(RowOps.set(0, 1, 0.001, PulseMode.WIDTH, one, (BitMask) null));
        assertEquals(800 + 1, brief.getRowCycle(), "a pulse lasts at least a cycle");
        // The ideal fixture steps strength x 1 uS either way: 3 + 3 + 0.001 on GP of column 2 of row 1.
        assertEquals(6.001, devices.conductances()[COLS + 2], 1e-12);
        org.xbarsim.api.event.RowOp flat = new org.xbarsim.api.event.RowOp(0, 1, OpKind.SET, 1.0, one.toBuffer(),
                BitMask.EMPTY, 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.execute(flat));
        assertEquals("SET width must be > 0, got 0.0", e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> s.execute(RowOps.set(0, 1, 0.0, one, (BitMask) null)));
        assertEquals("SET strength must be > 0, got 0.0", none.getMessage());
    }

    /** A RESET returns exactly the enabled devices to their reset state and costs 50 pJ each. */
    @Test
    void aResetReachesOnlyTheEnabledDevicesAndCostsThem() {
        RowExecutor s = executor(chip(10, 1), 0, 2);
        s.execute(RowOps.set(0, 2, 1.0, new BitMask(4 * COLS).setRange(0, 4 * COLS), (BitMask) null));
        double before = s.demand().energyPicojoules;
        s.execute(RowOps.reset(0, 2, new BitMask(4 * COLS).set(COLS + 3).set(3 * COLS + 7)));
        assertEquals(2 * 50, s.demand().energyPicojoules - before, 1e-9);
        for (int line = 0; line < 4; line++) {
            for (int c = 0; c < COLS; c++) {
                boolean hit = (line == 1 && c == 3) || (line == 3 && c == 7);
                assertEquals(hit ? 0 : 1, devices.conductances()[line * ROWS * COLS + 2 * COLS + c], 0.0,
                        "line " + line + " column " + c);
            }
        }
    }

    /** finishRow lets the row's devices settle, once, from its pulse stream, on every line of that row only. */
    @Test
    void finishingARowRelaxesItsDevices() {
        java.util.List<Integer> bases = new java.util.ArrayList<>();
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        IdealDevices.Array settling = new IdealDevices.Array(4 * ROWS * COLS, 1, 0) {
            @Override
            public void relax(int base, int[] cols, int count, RandomStream rng) {
                bases.add(base);
                counts.add(count);
            }
        };
        RowExecutor e = new RowExecutor(new CrossbarTile(0, ROWS, COLS, 3, settling), chip(10, 1));
        e.startRow(2, new RandomStream(1), new RandomStream(2), new RowDemand(0, 2, 1));
        e.finishRow();
        assertEquals(java.util.List.of(2 * COLS, ROWS * COLS + 2 * COLS, 2 * ROWS * COLS + 2 * COLS,
                3 * ROWS * COLS + 2 * COLS), bases);
        assertEquals(COLS, counts.get(0));
    }
}
