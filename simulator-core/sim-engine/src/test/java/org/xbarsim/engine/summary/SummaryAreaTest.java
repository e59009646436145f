package org.xbarsim.engine.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.engine.converter.AdcErrors;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.PeripheryConfig;
import org.xbarsim.engine.wire.Wires;

class SummaryAreaTest {
    private static final ChipConfig CHIP = new ChipConfig(1e9, 8, 8, 3, 8, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1,
            0.1).withPeriphery(new PeripheryConfig("cco", 77, AdcErrors.NONE, Wires.NONE));

    @Test
    void chipAreaIsTheTilesTimesATilesPartsInSquareMillimetres() {
        Costs costs = new Costs("t", 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, new TileArea(100_000, 200_000, 50_000, 150_000));
        RunSummary.Chip a = SummaryBuilder.chip(CHIP.withCosts(costs), 6);
        assertEquals(6, a.tiles());
        assertEquals(77e-9, a.adcConversionSeconds(), 1e-18);
        assertEquals(0.5, a.tileAreaMm2(), 1e-12);
        assertEquals(3.0, a.areaMm2(), 1e-12);
        assertEquals(1.2, a.area().adcs(), 1e-12);
        assertEquals(0.3, a.area().rows(), 1e-12);
        assertEquals(0.6, a.area().array(), 1e-12);
        assertEquals(0.9, a.area().digital(), 1e-12);
    }

    @Test
    void aModelWithoutAreaGivesNoArea() {
        RunSummary.Chip a = SummaryBuilder.chip(CHIP, 2);
        assertEquals(2, a.tiles());
        assertNull(a.areaMm2());
        assertNull(a.area());
    }
}
