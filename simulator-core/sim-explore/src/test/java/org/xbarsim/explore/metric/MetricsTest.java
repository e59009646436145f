package org.xbarsim.explore.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.InputError;

/** Any number of a summary, by its path, with its unit and its better direction; limits on it. */
class MetricsTest {
    @Test
    void everyNumberOfTheSummaryIsAMetricWithTheUnitItsNameSays() {
        List<String> paths = Metrics.all().stream().map(Metric::path).toList();
        assertTrue(paths.containsAll(List.of("programming.pfail", "programming.energyJoules", "inference.analogAccuracy",
                "inference.analogBitsPerChar", "inference.timeSecondsPerSample", "run.wallSeconds")), paths::toString);
        assertEquals(Metric.Unit.FRACTION, Metrics.of("programming.pfail").unit());
        assertEquals(Metric.Unit.FRACTION, Metrics.of("inference.analogAccuracy").unit());
        assertEquals(Metric.Unit.SECONDS, Metrics.of("inference.timeSecondsPerSample").unit());
        assertEquals(Metric.Unit.JOULES, Metrics.of("programming.energyJoules").unit());
        assertEquals(Metric.Unit.MICROSIEMENS, Metrics.of("programming.meanAbsErrorMicroSiemens").unit());
        assertEquals(Metric.Unit.NUMBER, Metrics.of("inference.analogBitsPerChar").unit());
        assertEquals(Metric.Unit.JOULES, Metrics.of("inference.energy.adc").unit(), "a part of an energy section");
        assertEquals(Metric.Unit.JOULES, Metrics.of("programming.energy.set").unit());
        assertEquals(Metric.Unit.NUMBER, Metrics.of("inference.samplesPerSecond").unit(), "a rate, not a time");
        assertTrue(Metrics.of("inference.topsPerWatt").higherIsBetter());
        assertTrue(Metrics.of("inference.samplesPerSecond").higherIsBetter());
        assertFalse(Metrics.of("chip.areaMm2").higherIsBetter());
        assertTrue(Metrics.of("inference.analogAccuracy").higherIsBetter());
        assertFalse(Metrics.of("inference.analogBitsPerChar").higherIsBetter());
        assertEquals(Metrics.PFAIL, Metrics.of("pfail"), "an alias");
        assertEquals(Metrics.ANALOG_ACCURACY, Metrics.of("accuracy"));
        InputError e = assertThrows(InputError.class, () -> Metrics.parse("--objective", "inference.accuracy"));
        assertTrue(e.getMessage().startsWith("--objective: inference.accuracy: expected a summary metric"),
                e.getMessage());
    }

    @Test
    void valuesReadInTheSummarysUnitsWithTheUnitsPeopleWrite() {
        assertEquals(0.973, Metrics.ANALOG_ACCURACY.parse("--limit", "97.3%"), 1e-15);
        assertEquals(0.02, Metrics.PFAIL.parse("--limit", "0.02"), 1e-15);
        assertEquals(3e-3, Metrics.TIME.parse("--limit", "3ms"), 1e-18);
        assertEquals(2e-5, Metrics.ENERGY.parse("--limit", "20uJ"), 1e-20);
        assertEquals(2.5, Metrics.ANALOG_BITS_PER_CHAR.parse("--limit", "2.5"));
        assertThrows(InputError.class, () -> Metrics.PFAIL.parse("--limit", "150%"));
        assertThrows(InputError.class, () -> Metrics.TIME.parse("--limit", "3kg"));
        assertThrows(InputError.class, () -> Metrics.TIME.parse("--limit", "soon"));
        assertEquals("97.30%", Metrics.ANALOG_ACCURACY.format(0.973));
        assertEquals("3ms", Metrics.TIME.format(3e-3));
    }

    @Test
    void limitsGoEitherWayAndEqualsIsAnUpperLimit() {
        Limit atLeast = Limit.parse("--limit", "inference.analogAccuracy>=97.3%").get(0);
        assertFalse(atLeast.atMost());
        assertTrue(atLeast.holds(0.98));
        assertFalse(atLeast.holds(0.97));
        assertFalse(atLeast.holds(null), "a run without the figure does not keep the limit");
        assertTrue(atLeast.holds(0.973), "the limit itself is within it");
        assertTrue(Limit.parse("--limit", "time<=2ms").get(0).holds(2e-3));
        assertEquals((0.973 - 0.9) / 0.973, atLeast.excess(0.9), 1e-12);
        assertEquals(0, atLeast.excess(0.99));
        Limit atMost = Limit.parse("--limit", "time<=2ms").get(0);
        assertTrue(atMost.atMost() && atMost.holds(2e-3) && !atMost.holds(2.1e-3));
        assertEquals(0.5, atMost.excess(3e-3), 1e-12);
        assertTrue(Limit.parse("--limit", "programming.timeSeconds=3ms").get(0).atMost());
        List<Limit> several = Limit.parse("--limit", "pfail<=1%,2%,5%");
        assertEquals(List.of(0.01, 0.02, 0.05), several.stream().map(Limit::value).toList());
        assertEquals("inference.analogAccuracy >= 97.30%", atLeast.describe());
        assertThrows(InputError.class, () -> Limit.parse("--limit", "pfail<=1%,1%"));
        assertThrows(InputError.class, () -> Limit.parse("--limit", "pfail<=1%,"));
        assertThrows(InputError.class, () -> Limit.parse("--limit", "pfail"));
        InputError noMetric = assertThrows(InputError.class, () -> Limit.parse("--limit", "=5ms"));
        assertTrue(noMetric.getMessage().startsWith("--limit: expected metric<=value"), noMetric.getMessage());
        for (String bare : List.of("<=5ms", ">=97%")) {
            InputError e = assertThrows(InputError.class, () -> Limit.parse("--limit", bare));
            assertTrue(e.getMessage().startsWith("--limit: expected metric<=value"), e.getMessage());
        }
        assertEquals(List.of(1e-3), Limit.parse("--limit", "time=1ms").stream().map(Limit::value).toList(),
                "after '=' alone the value starts one character on");
    }
}
