package org.xbarsim.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.Fixtures;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.metric.Limit;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.runner.LocalRunner;
import org.xbarsim.explore.runner.PointListener;

/** Searches through a runner: the same on any number of workers, every knob checked first. */
class SearchPlanTest {
    @TempDir
    Path dir;

    private final SimulatorHost host = Fixtures.host();

    @AfterEach
    void closeHost() {
        host.close();
    }

    private SearchPlan plan() {
        return SearchPlan.of(Fixtures.scenario(dir)).vary("programming.budget=0:20").vary("device.step=0.5uS:2uS")
                .goal(Goal.of(Metrics.PFAIL, Limit.parse("--limit", "time<=50us"))).budget(12);
    }

    private SearchResult run(SearchPlan plan, int workers) {
        try (LocalRunner runner = host.localRunner(workers, 1)) {
            return plan.run(host.loader(), runner, PointListener.NONE, done -> { });
        }
    }

    @Test
    void theSameSearchOnOneWorkerOrThree() {
        SearchResult one = run(plan(), 1);
        SearchResult three = run(plan(), 3);
        Searched a = one.searches().get(0);
        Searched b = three.searches().get(0);
        assertEquals(12, a.runs().size());
        assertEquals(EvaluationTable.evaluations(a, one.goals()), EvaluationTable.evaluations(b, three.goals()));
        assertEquals("base", a.runs().get(0).phase());
        Evaluation best = a.best().get(0);
        assertTrue(one.goals().get(0).feasible(best), "within the time limit");
        for (Evaluation e : a.runs()) {
            if (one.goals().get(0).feasible(e)) {
                assertTrue(e.pfail() >= best.pfail(), "no feasible run beats the best");
            }
        }
    }

    @Test
    void theTableHasEveryMetricButTheHostsAndAColumnPerGoal() {
        SearchResult r = run(plan().goals(Goal.forEachValue(Metrics.PFAIL, false,
                List.of(Limit.parse("--limit", "time<=30us,60us")))), 1);
        String header = EvaluationTable.evaluations(r.searches().get(0), r.goals()).lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("run,phase,programming.budget,device.step,chip.tiles,"), header);
        assertTrue(header.contains("programming.pfail") && header.contains("run.busEvents"), header);
        assertTrue(header.endsWith("feasible@30us,feasible@60us,pareto"), header);
        assertTrue(!header.contains("wallSeconds") && !header.contains("threads"), header);
    }

    @Test
    void withSeveralChipsEachRunIsTheMeanOfItsChips() {
        SearchResult r = run(plan().chips(2), 2);
        Evaluation base = r.searches().get(0).runs().get(0);
        assertNotNull(base.summary().chips());
        assertEquals(List.of(1L, 2L), base.summary().chips().seeds());
    }

    @Test
    void knobsAreCheckedBeforeAnythingRuns() {
        assertThrows(InputError.class, () -> SearchPlan.of(Fixtures.scenario(dir)).vary("programming.budgt=1:3")
                .setups(host.loader()));
        assertThrows(InputError.class, () -> SearchPlan.of(Fixtures.scenario(dir)).setups(host.loader()));
        assertThrows(InputError.class, () -> plan().vary("programming.budget=1:5").setups(host.loader()));
        assertThrows(InputError.class, () -> plan().design(13).setups(host.loader()));
        assertThrows(InputError.class, () -> plan().each("device.impl", List.of("ideal", "ideal")));
        for (String bad : List.of("device.impl", "=ideal", "device.impl=", "device.impl= ")) {
            InputError e = assertThrows(InputError.class, () -> plan().each(bad));
            assertTrue(e.getMessage().contains("expected path=v1,v2,..., got '" + bad + "'"), e.getMessage());
        }
        assertEquals(List.of("ideal", "step"), plan().each("device.impl=ideal, step").eachValues());
        assertEquals("device.impl", plan().each("device.impl=ideal, step").eachKey());
        assertThrows(InputError.class, () -> plan().budget(1));
        assertThrows(InputError.class, () -> plan().chips(65));
    }

    @Test
    void varyingFOrTheTargetMakesTheToleranceFollow() {
        SearchPlan plan = SearchPlan.of(Fixtures.scenario(dir)).vary("chip.cell.F=2:4").budget(4);
        Setup s = plan.setups(host.loader()).get(0);
        assertNotNull(s.tolerance());
        // tol follows F G_T at the scenario's fraction: 0.9 uS at F = 3, so 1.2 uS at F = 4.
        assertEquals("1.2uS", s.tolerance().value(new double[] {4}));
    }

    @Test
    void theResultDirectoryHoldsEveryRunTheFrontAndTheBestAndIsNotOverwritten() throws java.io.IOException {
        SearchPlan plan = plan().goals(Goal.forEachValue(Metrics.PFAIL, false,
                List.of(Limit.parse("--limit", "time<=30us,60us"))));
        SearchResult r = run(plan, 1);
        Path out = dir.resolve("opt");
        SearchFiles files = new SearchFiles(out, plan);
        files.refuseOverwrite();
        files.write(r);
        assertEquals(13, java.nio.file.Files.readAllLines(out.resolve(SearchFiles.EVALUATIONS)).size(),
                "a header and the 12 runs");
        assertTrue(java.nio.file.Files.exists(out.resolve(SearchFiles.PARETO)));
        assertEquals(r.searches().get(0).best().get(0).summary().toJson(),
                java.nio.file.Files.readString(out.resolve(SearchFiles.BEST)));
        assertEquals(r.searches().get(0).best().get(1).summary().toJson(),
                java.nio.file.Files.readString(out.resolve("best@60us.summary.json")), "one per further goal");
        InputError again = assertThrows(InputError.class, files::refuseOverwrite);
        assertTrue(again.getMessage().contains("already holds one (evaluations.csv)"), again.getMessage());
    }
}
