package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.converter.AdcErrors;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.wire.Wires;

/**
 * The periphery as built, seen through the verify-read path of the sequencer: what a read costs by
 * part under a cost model, how long converters of each architecture take, what column ADC errors and
 * their calibration do to the codes a policy gets, and what the wires take from a read.
 */
class PeripheryInTheLoopTest {
    private static final int ROWS = 4;
    private static final int COLS = 16;
    private final List<RowResult> results = new ArrayList<>();

    private static ChipConfig chip(PeripheryConfig periphery, Costs costs) {
        ChipConfig base = new ChipConfig(1e9, ROWS, COLS, 3, 8, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1);
        return base.withPeriphery(periphery).withCosts(costs == null ? base.costs() : costs);
    }

    private TileSequencer sequencer(ChipConfig chip) {
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, chip.significanceF(),
                new IdealDevices.Array(DeviceLine.COUNT * ROWS * COLS, 1.0, 0));
        return new TileSequencer(tile, chip, new RandomStream(1), new RandomStream(2), results::add,
                new RandomStreams(3).child("tile0"));
    }

    private static final BitMask ALL = new BitMask(COLS).setRange(0, COLS);

    /** A cost model with a read voltage: a verify read costs V^2 t times the row's summed conductance. */
    @Test
    void aVerifyReadIsChargedByPartWithTheRowsConductance() {
        Costs costs = new Costs("test", 20, 12, 0.01, 0.2, 2, 0.5, 0.03, 0.1, 1.1, 0.03, TileArea.UNKNOWN);
        TileSequencer s = sequencer(chip(PeripheryConfig.ideal(8, 1), costs));
        s.startRow();
        // GP of columns 0..3 and LM of column 9 at 2 uS each: 5 devices, 10 uS on the row.
        BitMask enable = new BitMask(4 * COLS).setRange(0, 4).set(3 * COLS + 9);
        s.execute(RowOps.set(0, 1, 2.0, enable, ALL));
        TileSequencer.RowCounters c = s.counters();
        assertEquals(5 * 20, c.energy.set, 1e-12);
        // 16 columns of 4 devices at 0.01 pJ, and 0.2^2 V^2 x 10 uS x 100 ns = 0.04 pJ.
        assertEquals(16 * 4 * 0.01 + 0.04 * 10e-6 * 100e-9 * 1e12, c.energy.read, 1e-12);
        assertEquals(16 * 2, c.energy.adc, 1e-12);
        assertEquals(0.5, c.energy.dac, 1e-12);
        assertEquals(c.energy.set + c.energy.read + c.energy.adc + c.energy.dac, c.energyPicojoules,
                1e-12);
    }

    /** A CCO converter of 8 bits at 300 ps per LSB takes 77 cycles where the SAR takes 8. */
    @Test
    void conversionTakesWhatTheArchitectureTakes() {
        sequencer(chip(new PeripheryConfig("cco", 77, AdcErrors.NONE, Wires.NONE), null))
                .execute(RowOps.read(0, 0, ALL));
        assertEquals(100 + 77, results.get(0).getCycle());
    }

    /**
     * Calibration converts 32 reference inputs on every ADC before the tile's first row: the clock
     * starts 32 conversions late and the first row is charged 32 x 16 conversions.
     */
    @Test
    void calibrationTakesTheTilesFirstCyclesAndIsCharged() {
        AdcErrors errors = new AdcErrors(1, 0, 0, 0, 0, true);
        TileSequencer s = sequencer(chip(new PeripheryConfig("sar", 8, errors, Wires.NONE), null));
        assertEquals(32 * 8, s.now());
        s.startRow();
        assertEquals(32 * 16 * 1.0, s.counters().energy.calibration, 1e-12);
        assertEquals(32 * 16 * 1.0, s.counters().energyPicojoules, 1e-12);
        s.startRow();
        assertEquals(0, s.counters().energy.calibration);
    }

    private double[] readAfterSet(ChipConfig chip) {
        TileSequencer s = sequencer(chip);
        s.startRow();
        BitMask gp = new BitMask(4 * COLS).setRange(0, COLS);
        s.execute(RowOps.set(0, 0, 10.0, gp, ALL));
        double[] w = new double[COLS];
        RowOps.decode(results.get(results.size() - 1), w);
        return w;
    }

    /**
     * Column ADC offsets shift what a policy reads (8 bits over +-60 uS: 0.47 uS a code, so offsets of
     * 8 LSB move reads by several uS), and an affine calibration brings the reads back to within a code
     * or two of the ideal converter's.
     */
    @Test
    void adcOffsetsMoveTheReadsAndCalibrationBringsThemBack() {
        double[] ideal = readAfterSet(chip(PeripheryConfig.ideal(8, 1), null));
        double[] offset = readAfterSet(chip(new PeripheryConfig("sar", 8, new AdcErrors(8, 0, 0, 0, 0, false),
                Wires.NONE), null));
        double[] calibrated = readAfterSet(chip(new PeripheryConfig("sar", 8, new AdcErrors(8, 0, 0, 0, 0, true),
                Wires.NONE), null));
        double lsb = 120.0 / 256;
        double offsetError = 0;
        double calibratedError = 0;
        for (int c = 0; c < COLS; c++) {
            assertEquals(30, ideal[c], lsb / 2);
            offsetError += Math.abs(offset[c] - ideal[c]);
            calibratedError += Math.abs(calibrated[c] - ideal[c]);
        }
        assertTrue(offsetError / COLS > 3 * lsb, "offsets moved reads by " + offsetError / COLS);
        assertTrue(calibratedError / COLS < 1.5 * lsb, "calibrated reads miss by " + calibratedError / COLS);
    }

    /**
     * Wires on the verify read: a row whose GP devices all hold 30 uS reads less through 100-ohm segments,
     * and less the farther a cell is from the row's driver; an ideal sense path (verifyReads false) sees
     * no drop.
     */
    @Test
    void wiresTakeMoreFromFartherColumnsOfAVerifyRead() {
        double[] wired = readAfterSet(chip(new PeripheryConfig("sar", 8, AdcErrors.NONE,
                new Wires(100, 100, true)), null));
        double[] idealSense = readAfterSet(chip(new PeripheryConfig("sar", 8, AdcErrors.NONE,
                new Wires(100, 100, false)), null));
        assertTrue(wired[0] < 30 - 0.5, "near column " + wired[0]);
        assertTrue(wired[COLS - 1] < wired[0] - 1, "far " + wired[COLS - 1] + " near " + wired[0]);
        assertEquals(30, idealSense[COLS - 1], 120.0 / 256);
    }
}
