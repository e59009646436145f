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
}
