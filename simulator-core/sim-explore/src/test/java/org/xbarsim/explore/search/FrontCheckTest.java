package org.xbarsim.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.explore.Fixtures;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.metric.Limit;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.report.FrontCheckChart;
import org.xbarsim.explore.runner.LocalRunner;
import org.xbarsim.explore.runner.PointListener;

/** A search's front run again on chips it never saw: the same knob values, other seeds, a table and a plot. */
class FrontCheckTest {
    @TempDir
    Path dir;

    private final SimulatorHost host = Fixtures.host();

    @AfterEach
    void closeHost() {
        host.close();
    }

    @Test
    void eachFrontRunIsRunAgainOnTheUnseenChips() throws Exception {
        SearchPlan plan = SearchPlan.of(Fixtures.scenario(dir)).vary("programming.budget=0:20")
                .vary("device.step=0.5uS:2uS").goal(Goal.of(Metrics.PFAIL, Limit.parse("--limit", "time<=50us")))
                .budget(10).chips(2);
        FrontCheck check;
        SearchResult result;
        try (LocalRunner runner = host.localRunner(2, 1)) {
            result = plan.run(host.loader(), runner, PointListener.NONE, done -> { });
            check = FrontCheck.run(result, 101, 3, host.loader(), runner, PointListener.NONE);
            assertThrows(InputError.class, () -> FrontCheck.run(result, 2, 3, host.loader(), runner,
                    PointListener.NONE), "seed 2 is one the search used");
            InputError overlap = assertThrows(InputError.class, () -> FrontCheck.run(result, -1, 3, host.loader(),
                    runner, PointListener.NONE), "seeds -1..1 overlap too");
            assertTrue(overlap.getMessage().contains("it used seeds 1..2") && overlap.getMessage().contains(
                    "got seeds -1..1"), overlap.getMessage());
            // Just outside on either side: seeds 3..5 and -2..0.
            assertEquals(3, FrontCheck.run(result, 3, 3, host.loader(), runner, PointListener.NONE).chips());
            assertEquals(-2, FrontCheck.run(result, -2, 3, host.loader(), runner, PointListener.NONE).firstSeed());
        }
        FrontCheck.Checked c = check.searches().get(0);
        assertEquals(result.searches().get(0).front(), c.front());
        assertEquals(c.front().size(), c.unseen().size());
        for (int i = 0; i < c.front().size(); i++) {
            RunSummary unseen = c.unseen().get(i);
            assertEquals(List.of(101L, 102L, 103L), unseen.chips().seeds());
            // The fixtures' ideal device ignores the seed: the unseen chips give the search's figures.
            assertEquals(c.front().get(i).pfail(), unseen.programming().pfail(), 0);
            assertEquals(c.front().get(i).summary().config().get("programming.budget"),
                    unseen.config().get("programming.budget"), "the same knob values");
        }
        String csv = FrontCheck.csv(c);
        String header = csv.lines().findFirst().orElseThrow();
        assertEquals("run,programming.budget,device.step,searched.pfail,searched.timeSeconds,unseen.programming.pfail,"
                + "unseen.programming.pfail:sd,unseen.programming.pfail:min,unseen.programming.pfail:max,"
                + "unseen.programming.timeSeconds,unseen.programming.timeSeconds:sd,unseen.programming.timeSeconds:min,"
                + "unseen.programming.timeSeconds:max,unseen.programming.energyJoules,unseen.programming.energyJoules:sd,"
                + "unseen.programming.energyJoules:min,unseen.programming.energyJoules:max", header);
        assertEquals(c.front().size() + 1, csv.lines().count());
        // A chip without an energy figure (a single summary, not means): its cells are empty.
        FrontCheck.Checked bare = new FrontCheck.Checked(c.search(), c.front(), c.front().stream()
                .map(e -> org.xbarsim.engine.fixtures.Summaries.of(org.xbarsim.engine.fixtures.Summaries.outcome(0.125,
                        1e-3, Double.NaN), null)).toList());
        String row = FrontCheck.csv(bare).lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.endsWith(",0.125,0,0.125,0.125,0.001,0,0.001,0.001,,,,"), row);
        Path plot = dir.resolve("check.png");
        FrontCheckChart.write("check", check, List.of("small"), plot);
        assertTrue(Files.size(plot) > 1000);
    }

    @Test
    void eachSearchOfAPlanHasItsOwnFrontChecked() {
        SearchPlan plan = SearchPlan.of(Fixtures.scenario(dir)).vary("programming.budget=0:20")
                .each("device.step", List.of("1uS", "2uS")).budget(6);
        try (LocalRunner runner = host.localRunner(2, 1)) {
            SearchResult result = plan.run(host.loader(), runner, PointListener.NONE, done -> { });
            FrontCheck check = FrontCheck.run(result, 50, 2, host.loader(), runner, PointListener.NONE);
            assertEquals(2, check.searches().size());
            for (int k = 0; k < 2; k++) {
                FrontCheck.Checked c = check.searches().get(k);
                assertEquals(result.searches().get(k).front().size(), c.unseen().size());
                for (RunSummary u : c.unseen()) {
                    assertEquals(List.of("1uS", "2uS").get(k), u.config().get("device.step"), "search " + k);
                }
            }
        }
    }

    @Test
    void aSummaryOfOneChipIsItsOwnSpreadOfNone() {
        RunSummary one = org.xbarsim.engine.fixtures.Summaries.of(
                org.xbarsim.engine.fixtures.Summaries.outcome(0.25, 1, 1), null);
        assertEquals(new Spread(0.25, 0, 0.25, 0.25, 1), FrontCheck.spread(one, "programming.pfail"));
        assertNull(FrontCheck.spread(one, "inference.analogAccuracy"));
    }
}
