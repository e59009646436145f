package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdcTest {
    @Test
    void convertsWithinRangeAndClipsAtTheRails() {
        Adc adc = new Adc(10, 60);
        assertEquals(120.0 / 1024, adc.lsbMicroSiemens());
        assertEquals(512, adc.convert(0.0));
        assertEquals(0, adc.convert(-1000));
        assertEquals(1023, adc.convert(1000));
        assertEquals(1023, adc.convert(60));
        // Quantisation error is at most half an LSB inside the range.
        for (double w = -59.9; w < 59.9; w += 0.37) {
            assertEquals(w, adc.value(adc.convert(w)), adc.lsbMicroSiemens() / 2 + 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> new Adc(17, 60));
    }

    @Test
    void oneBitIsASignDetector() {
        Adc adc = new Adc(1, 60);
        assertEquals(-30, adc.value(adc.convert(-0.1)));
        assertEquals(30, adc.value(adc.convert(0.1)));
    }
}
