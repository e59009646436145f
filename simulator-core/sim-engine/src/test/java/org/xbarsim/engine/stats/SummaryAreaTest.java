package org.xbarsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonObject;
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
        JsonObject a = Summary.chip(CHIP.withCosts(costs), 6);
        assertEquals(6, a.getInteger("tiles"));
        assertEquals(77e-9, a.getDouble("adcConversionSeconds"), 1e-18);
        assertEquals(0.5, a.getDouble("tileAreaMm2"), 1e-12);
        assertEquals(3.0, a.getDouble("areaMm2"), 1e-12);
        assertEquals(1.2, a.getJsonObject("area").getDouble("adcs"), 1e-12);
        assertEquals(0.3, a.getJsonObject("area").getDouble("rows"), 1e-12);
    }

    @Test
    void aModelWithoutAreaGivesNoArea() {
        JsonObject a = Summary.chip(CHIP, 2);
        assertEquals(2, a.getInteger("tiles"));
        assertFalse(a.containsKey("areaMm2"));
    }
}
