package org.xbarsim.explore.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.explore.Fixtures;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.scenario.ScenarioSpec;

/** A run summary as text: the figures a user reads, in their units, from the summary's own fields. */
class SummaryTextTest {
    @TempDir
    Path dir;

    @Test
    void figuresAreWrittenInTheirReadableUnit() {
        assertEquals("1.500 s", Figures.seconds(1.5));
        assertEquals("12.345 ms", Figures.seconds(12.345e-3));
        assertEquals("3.000 us", Figures.seconds(3e-6));
        assertEquals("12.3 ns", Figures.seconds(12.3e-9));
        assertEquals("1.234 mJ", Figures.joules(1.234e-3));
        assertEquals("20.790 uJ", Figures.joules(20.79e-6));
        assertEquals("0.310 pJ", Figures.joules(0.31e-12));
        Spread s = new Spread(2e-3, 0.5e-3, 1e-3, 3e-3, 2);
        assertEquals("2.000 ± 0.500 ms", Figures.seconds(s));
        assertEquals("0.20 ± 0.05", Figures.plusMinus(s, 100, 2));
        assertEquals("s", Figures.plural(2));
        assertEquals("", Figures.plural(1));
    }

    @Test
    void aRunsLinesNameItsScenarioAndFigures() {
        try (SimulatorHost host = Fixtures.host()) {
            ScenarioSpec spec = Fixtures.scenario(dir);
            Scenario s = host.load(spec);
            RunSummary summary = host.run(spec);
            RunSummary.Outcome p = summary.programming().total();
            List<String> lines = SummaryText.run(s, 3, summary, dir.resolve("summary.json"));
            assertEquals(String.format("small (seed 1): %d weights on 3 tiles of 8x8", p.weights()), lines.get(0));
            assertTrue(lines.get(1).startsWith("  step on ideal, F="), lines.get(1));
            assertEquals(String.format(java.util.Locale.ROOT, "  success %.2f%%  Pfail %.2f%%  mean |error| %.3f uS",
                    100 * p.successFraction(), 100 * p.pfail(), p.meanAbsErrorMicroSiemens()), lines.get(2));
            assertEquals("  summary: " + dir.resolve("summary.json") + " (plot: " + dir.resolve("error-histogram.png")
                    + ")", lines.get(lines.size() - 1));
            assertTrue(lines.stream().noneMatch(l -> l.contains("\n")), "lines carry no separators");
        }
    }
}
