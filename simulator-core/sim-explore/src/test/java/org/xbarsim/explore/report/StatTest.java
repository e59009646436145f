package org.xbarsim.explore.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Means and sample standard deviations, checked against the textbook formula written out here. */
class StatTest {
    @Test
    void meanAndSampleStandardDeviation() {
        // x = 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample sd sqrt(32 / 7).
        Stat s = Stat.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
        assertEquals(5.0, s.mean(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-15);
        assertEquals(8, s.n());
    }

    @Test
    void nullsAreLeftOutAndOneValueHasNoSpread() {
        Stat s = Stat.of(Arrays.asList(null, 3.0, null));
        assertEquals(3.0, s.mean());
        assertEquals(0.0, s.sd());
        assertEquals(1, s.n());
        assertNull(Stat.of(Arrays.asList(null, null)));
        assertNull(Stat.of(List.of()));
        Stat two = Stat.of(List.of(1.0, 3.0));
        assertEquals(2.0, two.mean());
        assertEquals(Math.sqrt(2), two.sd(), 1e-15);
    }
}
