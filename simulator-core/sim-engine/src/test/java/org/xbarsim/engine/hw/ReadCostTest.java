package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.TileArea;

/** A row read priced: each converted cell's four devices, V^2 G t of the driven row, the conversions, the drive. */
class ReadCostTest {
    private static final ChipConfig FLAT = new ChipConfig(1e9, 8, 8, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1,
            1, 0.1);

    @Test
    void theFlatModelChargesPerDeviceConversionAndRow() {
        ReadCost c = ReadCost.of(FLAT, 5, 123);
        assertEquals(5 * 4 * 0.1, c.read(), 1e-15);
        assertEquals(5 * 1.0, c.adc(), 1e-15);
        assertEquals(0.1, c.dac(), 1e-15);
        assertEquals(2 + 5 + 0.1, c.total(), 1e-15);
    }

    /** 0.2 V on 100 uS for the 100 ns of integration: 0.04 x 1e-4 x 1e-7 J = 0.4 pJ, on top of the fixed parts. */
    @Test
    void aModelThatPricesConductanceChargesVSquaredGT() {
        ChipConfig priced = FLAT.withCosts(new Costs("t", 20, 12, 0.01, 0.2, 2, 0.5, 0.03, 0.1, 1.1, 0.05,
                TileArea.UNKNOWN));
        ReadCost c = ReadCost.of(priced, 3, 100);
        assertEquals(3 * 4 * 0.01 + 0.4, c.read(), 1e-12);
        assertEquals(6, c.adc(), 1e-15);
        assertEquals(0.5, c.dac(), 1e-15);
    }
}
