package org.xbarsim.engine.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean, sample standard deviation, min and max, checked against the textbook formulas written out here. */
class SpreadTest {
    @Test
    void meanSampleStandardDeviationAndRange() {
        // x = 2, 4, 4, 4, 5, 5, 7, 9: mean 40 / 8 = 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sample sd sqrt(32 / 7).
        Spread s = Spread.of(List.of(4.0, 2.0, 4.0, 4.0, 5.0, 9.0, 5.0, 7.0));
        assertEquals(5.0, s.mean(), 0);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-15);
        assertEquals(2.0, s.min(), 0);
        assertEquals(9.0, s.max(), 0);
        assertEquals(8, s.n());
    }

    @Test
    void threeChipsByHand() {
        // 0.01, 0.03, 0.08: mean 0.04; deviations -0.03, -0.01, 0.04; squares sum 0.0026; sd sqrt(0.0013).
        Spread s = Spread.of(List.of(0.03, 0.01, 0.08));
        assertEquals(((0.03 + 0.01) + 0.08) / 3, s.mean(), 0, "the plain left-to-right sum over n");
        assertEquals(Math.sqrt(0.0013), s.sd(), 1e-15);
        assertEquals(0.01, s.min(), 0);
        assertEquals(0.08, s.max(), 0);
        assertEquals(3, s.n());
    }

    @Test
    void negativeValuesHaveTheirOwnMinAndMax() {
        Spread s = Spread.of(List.of(-3.0, -1.0, -2.0));
        assertEquals(-2.0, s.mean(), 0);
        assertEquals(1.0, s.sd(), 1e-15);
        assertEquals(-3.0, s.min(), 0);
        assertEquals(-1.0, s.max(), 0);
    }

    @Test
    void missingAndNonFiniteValuesAreLeftOutAndOneValueHasNoSpread() {
        Spread s = Spread.of(Arrays.asList(null, 3.0, Double.NaN, Double.POSITIVE_INFINITY, null));
        assertEquals(new Spread(3.0, 0.0, 3.0, 3.0, 1), s);
        assertNull(Spread.of(Arrays.asList(null, Double.NaN)));
        assertNull(Spread.of(List.of()));
        Spread two = Spread.of(Arrays.asList(1.0, null, 3.0));
        assertEquals(new Spread(2.0, Math.sqrt(2), 1.0, 3.0, 2), two);
    }

    @Test
    void chipsThatAgreeHaveTheirValueAsTheMeanAndNoSpread() {
        // 5 x 0.9832 summed and divided by 5 is 0.98319999999999996, with a spread of 1e-16: not what five equal chips have.
        Spread s = Spread.of(List.of(0.9832, 0.9832, 0.9832, 0.9832, 0.9832));
        assertEquals(new Spread(0.9832, 0, 0.9832, 0.9832, 5), s);
    }
}
