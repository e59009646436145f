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
import org.xbarsim.engine.converter.ColumnAdcs;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.wire.Wires;

/**
 * The periphery as built, seen through the verify-read path of the row executor: what a read costs by
 * part under a cost model, how long converters of each architecture take, what column ADC errors and
 * their calibration do to the codes a policy gets, and what the wires take from a read.
 */
class PeripheryInTheLoopTest {
    private static final int ROWS = 4;
    private static final int COLS = 16;
    private final List<RowResult> results = new ArrayList<>();
    private RowExecutor last;

    private static ChipConfig chip(PeripheryConfig periphery, Costs costs) {
        ChipConfig base = new ChipConfig(1e9, ROWS, COLS, 3, 8, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1);
        return base.withPeriphery(periphery).withCosts(costs == null ? base.costs() : costs);
    }

    /** An executor of tile 0 whose column ADCs are drawn as a run draws them, on row 0; results go to {@link #results}. */
    private Executor sequencer(ChipConfig chip) {
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, chip.significanceF(),
                new IdealDevices.Array(DeviceLine.COUNT * ROWS * COLS, 1.0, 0));
        PeripheryConfig built = chip.periphery();
        ColumnAdcs adcs = ColumnAdcs.build(built.adcErrors(), chip.adcBits(), built.adcArchitecture(), COLS, 1,
                new RandomStreams(3).child("tile0"));
        last = new RowExecutor(tile, chip, adcs);
        return new Executor(last, new OpTiming(chip));
    }

    /** The executor on rows 0 and 1, its results collected. */
    private final class Executor {
        final RowExecutor executor;
        final OpTiming timing;

        Executor(RowExecutor executor, OpTiming timing) {
            this.executor = executor;
            this.timing = timing;
            executor.startRow(0, new RandomStream(1), new RandomStream(2), new RandomStream(4), new RowDemand(0, 0, 1));
        }

        void execute(org.xbarsim.api.event.RowOp op) {
            results.add(executor.execute(op));
        }

        RowDemand counters() {
            return executor.demand();
        }
    }

    private static final BitMask ALL = new BitMask(COLS).setRange(0, COLS);

    /** A cost model with a read voltage: a verify read costs V^2 t times the row's summed conductance. */
    @Test
    void aVerifyReadIsChargedByPartWithTheRowsConductance() {
        Costs costs = new Costs("test", 20, 12, 0.01, 0.2, 2, 0.5, 0.03, 0.1, 1.1, 0.03, TileArea.UNKNOWN);
        Executor s = sequencer(chip(PeripheryConfig.ideal(8, 1), costs));
        // GP of columns 0..3 and LM of column 9 at 2 uS each: 5 devices, 10 uS on the row.
        BitMask enable = new BitMask(4 * COLS).setRange(0, 4).set(3 * COLS + 9);
        s.execute(RowOps.set(0, 0, 2.0, enable, ALL));
        RowDemand c = s.counters();
        // 5 devices pulsed at amplitude 2: 2^2 times the nominal 20 pJ (Costs.pulse).
        assertEquals(5 * 4 * 20, c.energy.set, 1e-12);
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
        assertEquals(100 + 77, results.get(0).getRowCycle());
    }

    /**
     * Calibration converts 32 reference inputs on every ADC before the tile's first row: the tile's
     * timeline starts 32 conversions late (the run charges the conversions to row 0: ProgrammingRunTest).
     */
    @Test
    void calibrationTakesTheTilesFirstCycles() {
        AdcErrors errors = new AdcErrors(1, 0, 0, 0, 0, true);
        assertEquals(32 * 8, new OpTiming(chip(new PeripheryConfig("sar", 8, errors, Wires.NONE), null))
                .calibrationCycles());
        assertEquals(0, new OpTiming(chip(new PeripheryConfig("sar", 8, new AdcErrors(1, 0, 0, 0, 0, false),
                Wires.NONE), null)).calibrationCycles());
    }

    private double[] readAfterSet(ChipConfig chip) {
        Executor s = sequencer(chip);
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
