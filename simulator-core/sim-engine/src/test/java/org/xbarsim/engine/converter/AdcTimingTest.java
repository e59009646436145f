package org.xbarsim.engine.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdcTimingTest {
    @Test
    void sarDecidesABitPerStep() {
        assertEquals(10, AdcTiming.conversionCycles("sar", 10, 1, 300e-12, 1e9));
        assertEquals(24, AdcTiming.conversionCycles("sar", 8, 3, 300e-12, 1e9));
    }

    /** HERMES: 8 bits at 300 ps per LSB is 256 x 0.3 = 76.8 ns, 77 cycles of a 1 GHz clock. */
    @Test
    void rampAndCcoCountTwoToTheBitsLsbPeriods() {
        assertEquals(77, AdcTiming.conversionCycles("cco", 8, 1, 300e-12, 1e9));
        assertEquals(1024, AdcTiming.conversionCycles("ramp", 10, 1, 1e-9, 1e9));
        assertEquals(1, AdcTiming.conversionCycles("cco", 1, 1, 1e-12, 1e9));
        assertThrows(IllegalArgumentException.class, () -> AdcTiming.conversionCycles("flash", 8, 1, 1e-9, 1e9));
    }
}
