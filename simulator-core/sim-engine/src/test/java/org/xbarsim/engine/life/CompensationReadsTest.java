package org.xbarsim.engine.life;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.SharedHardware;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;

/**
 * A compensation read's time: every programmed row read once, integration (100 cycles) then the busiest
 * ADC's conversions in series (10 cycles each), tiles in parallel.
 */
class CompensationReadsTest {
    private static final ChipConfig CHIP = new ChipConfig(1e9, 8, 8, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1,
            0.1);

    /** 16 inputs on two 8-row tiles, 5 outputs. */
    private static List<TileJob> jobs() {
        return WeightMapper.map(List.of(new WeightLayer("w", 16, 5, new double[80])), 8, 8, 3, 15);
    }

    @Test
    void tilesOfTheirOwnReadTheirRowsInParallel() {
        assertEquals(8 * 110, new CompensationReads(CHIP, jobs()).cycles());
    }

    /** Four columns to an ADC: each read converts 4 of the 5 columns on its busiest ADC in series. */
    @Test
    void columnsSharingAnAdcConvertInSeries() {
        ChipConfig muxed = new ChipConfig(1e9, 8, 8, 3, 10, 4, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1);
        assertEquals(8 * (100 + 4 * 10), new CompensationReads(muxed, jobs()).cycles());
    }

    /**
     * Two tiles sharing an ADC bank integrate together and convert one after the other: the second tile
     * falls 10 cycles behind on its first row and stays there, so the read takes one conversion more.
     */
    @Test
    void tilesSharingABankTakeOneConversionMore() {
        ChipConfig banked = CHIP.withShared(new SharedHardware(0, 1, 0, 1, SharedHardware.Overflow.QUEUE, 2));
        assertEquals(8 * 110 + 10, new CompensationReads(banked, jobs()).cycles());
    }

    /**
     * Its energy under a model that prices V^2 G t: each of the 8 rows converts its 5 used columns (2 pJ
     * each), drives the row (0.5 pJ), reads their 4 x 5 devices (0.01 pJ each), and passes 100 ns of
     * integration through every device on the row, all 8 columns: 0.2 V squared times their conductances,
     * drifted for a day from t0 = 20 s, (86400 / 20)^-0.05 of what they were.
     */
    @Test
    void itsEnergyIsTheRowsReadAtTheirDriftedConductances() {
        org.xbarsim.api.cost.Costs priced = new org.xbarsim.api.cost.Costs("test", 20, 12, 0.01, 0.2, 2, 0.5, 0.03,
                0.1, 1.1, 0.05, org.xbarsim.api.cost.TileArea.UNKNOWN);
        ChipConfig chip = CHIP.withCosts(priced);
        List<TileJob> jobs = WeightMapper.map(List.of(new WeightLayer("w", 8, 5, new double[40])), 8, 8, 3, 15);
        org.xbarsim.engine.fixtures.DriftingDevices.Array devices =
                new org.xbarsim.engine.fixtures.DriftingDevices.Array(4 * 64, 1, 0.05);
        double[] g = devices.conductances();
        for (int i = 0; i < g.length; i++) {
            g[i] = i % 7;
        }
        org.xbarsim.engine.hw.TrackedDevices tracked = new org.xbarsim.engine.hw.TrackedDevices(devices);
        org.xbarsim.engine.hw.CrossbarTile tile = new org.xbarsim.engine.hw.CrossbarTile(0, 8, 8, chip.cell(), tracked);
        LifeChip state = new LifeChip(List.of(tile), List.of(tracked), jobs);
        double day = 86_400;
        double drift = Math.pow(day / 20, -0.05);
        double expected = 0;
        for (int r = 0; r < 8; r++) {
            double row = 0;
            for (int line = 0; line < 4; line++) {
                for (int c = 0; c < 8; c++) {
                    row += g[tile.base(line, r) + c];
                }
            }
            expected += 5 * 2 + 0.5 + 4 * 5 * 0.01 + 0.04 * drift * row * 1e-6 * 100e-9 * 1e12;
        }
        assertEquals(expected, new CompensationReads(chip, jobs).energyPicojoules(state, day), 1e-9 * expected);
    }
}
