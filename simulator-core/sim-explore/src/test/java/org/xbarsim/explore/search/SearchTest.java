package org.xbarsim.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.xbarsim.engine.fixtures.Summaries;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.metric.Limit;
import org.xbarsim.explore.metric.Metrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Quantity;

/**
 * The optimiser on functions whose answer is known, standing in for runs: a run's "Pfail" and "time"
 * are closed-form functions of the knobs, so the tests check the search itself, quickly.
 */
class SearchTest {
    private static final ParameterSpec BUDGET = ParameterSpec.of("nMsp", Quantity.INTEGER, "40", 1, 1000, "budget");
    private static final ParameterSpec STRENGTH = ParameterSpec.of("sMsp", Quantity.NUMBER, "1", 0.01, 10, "strength");
    private static final ParameterSpec MARGIN = ParameterSpec.of("margin", Quantity.CONDUCTANCE, "1uS", 0, 10, "margin");

    private static RunSummary summary(double pfail, double time) {
        RunSummary.Outcome o = new RunSummary.Outcome(1, 1, 1 - pfail, pfail, 0, 1.0, 1.0, 0, 0, 0, time, time * 1e-3);
        return Summaries.of(o, null);
    }

    /** A trade-off like the real one: more pulses, fewer failures; an optimal strength near 1.3. */
    private static RunSummary tradeOff(double[] v) {
        double pulses = v[0];
        double strength = v[1];
        double pfail = Math.exp(-pulses / 8) * (1 + 4 * (strength - 1.3) * (strength - 1.3));
        return summary(Math.min(1, pfail), 1e-4 * pulses);
    }

    private static List<Knob> knobs() {
        return List.of(Knob.parse("programming.nMsp=2:60", p -> BUDGET), Knob.parse("programming.sMsp=0.5:2",
                p -> STRENGTH));
    }

    private static Search search(List<double[]> seen) {
        return new Search(knobs(), candidates -> {
            List<RunSummary> out = new ArrayList<>();
            for (double[] c : candidates) {
                seen.add(c.clone());
                out.add(tradeOff(c));
            }
            return out;
        }, runs -> { });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 7, 11, 19})
    void findsTheBestStrengthWithinATimeLimit(long seed) {
        Goal goal = Goal.of(Metrics.PFAIL, List.of(new Limit(Metrics.TIME, true, 3e-3)));
        List<double[]> seen = new ArrayList<>();
        Search s = search(seen);
        List<Evaluation> runs = s.run(new double[] {40, 1}, 20, 60, seed, List.of(goal));
        Evaluation best = s.best(goal);
        assertTrue(goal.feasible(best));
        // The optimum: 30 pulses (the most the limit allows) at strength 1.3; Pfail exp(-30/8) = 2.35%.
        assertEquals(30, best.values()[0], 2.0, "pulses at the limit");
        assertEquals(1.3, best.values()[1], 0.15, "strength");
        assertTrue(best.pfail() < 0.030, "Pfail " + best.pfail() + " at " + java.util.Arrays.toString(best.values()) + " " + runs.stream().map(e -> e.phase() + java.util.Arrays.toString(e.values())).toList());
        assertEquals("base", runs.get(0).phase());
        assertTrue(runs.stream().anyMatch(e -> e.phase().equals("cma-es")), "CMA-ES refined the design");
        assertTrue(runs.size() <= 60);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 3, 5})
    void theReverseGoalFindsTheFastestRunWithinAPfailLimit(long seed) {
        Goal goal = Goal.of(Metrics.TIME, List.of(new Limit(Metrics.PFAIL, true, 0.05)));
        Search s = search(new ArrayList<>());
        s.run(null, 20, 60, seed, List.of(goal));
        Evaluation best = s.best(goal);
        assertTrue(goal.feasible(best), "within 5%");
        // Fastest within 5%: strength 1.3 and exp(-n/8) <= 0.05, n = 24 pulses.
        assertEquals(24, best.values()[0], 3.0);
    }

    @Test
    void theSameSeedGivesTheSameSearchAndNoCandidateRunsTwice() {
        Goal goal = Goal.of(Metrics.PFAIL, List.of(new Limit(Metrics.TIME, true, 3e-3)));
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        search(a).run(null, 10, 40, 11, List.of(goal));
        search(b).run(null, 10, 40, 11, List.of(goal));
        assertEquals(a.size(), b.size());
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i)[0], b.get(i)[0]);
            assertEquals(a.get(i)[1], b.get(i)[1]);
            assertTrue(distinct.add(a.get(i)[0] + "/" + knobs().get(1).written(a.get(i)[1])), "ran twice: "
                    + a.get(i)[0] + ", " + a.get(i)[1]);
        }
    }

    @Test
    void severalLimitsRefineTheFrontAtEachOfThem() {
        List<Goal> goals = List.of(Goal.of(Metrics.PFAIL, List.of(new Limit(Metrics.TIME, true, 1.5e-3))),
                Goal.of(Metrics.PFAIL, List.of(new Limit(Metrics.TIME, true, 3e-3))));
        Search s = search(new ArrayList<>());
        s.run(null, 20, 80, 5, goals);
        // Best within 1.5 ms: 15 pulses at strength 1.3 (Pfail 15.3%); within 3 ms: 30 pulses (2.35%).
        assertEquals(15, s.best(goals.get(0)).values()[0], 1.0);
        assertEquals(30, s.best(goals.get(1)).values()[0], 2.0);
        assertTrue(goals.get(0).feasible(s.best(goals.get(0))));
    }

    @Test
    void theParetoFrontKeepsOnlyRunsThatNothingBeatsOnBothCounts() {
        List<Evaluation> runs = List.of(
                new Evaluation(0, "design", new double[0], summary(0.10, 1e-3)),
                new Evaluation(1, "design", new double[0], summary(0.20, 2e-3)), // slower and worse: dominated
                new Evaluation(2, "design", new double[0], summary(0.05, 2e-3)),
                new Evaluation(3, "design", new double[0], summary(0.05, 3e-3)), // as good, slower: dominated
                new Evaluation(4, "design", new double[0], summary(0.01, 4e-3)));
        List<Evaluation> front = ParetoFront.of(runs);
        assertEquals(List.of(0, 2, 4), front.stream().map(Evaluation::index).toList());
        List<Evaluation> shuffled = List.of(runs.get(4), runs.get(1), runs.get(3), runs.get(0), runs.get(2));
        assertEquals(List.of(0, 2, 4), ParetoFront.of(shuffled).stream().map(Evaluation::index).toList(),
                "fastest first whatever the order given");
    }

    @Test
    void aRunWithinTheLimitsAlwaysScoresBetterThanOneBeyondThem() {
        Goal goal = Goal.of(Metrics.PFAIL, List.of(new Limit(Metrics.TIME, true, 1e-3)));
        Evaluation within = new Evaluation(0, "design", new double[0], summary(0.9, 1e-3));
        Evaluation beyond = new Evaluation(1, "design", new double[0], summary(0.0, 1.001e-3));
        assertTrue(goal.score(within, 1) < goal.score(beyond, 1));
        assertFalse(goal.feasible(beyond));
    }

    @Test
    void knobsTakeUnitsRoundBudgetsAndRefuseWhatCannotBeVaried() {
        Knob margin = Knob.parse("programming.margin=200nS:2uS", p -> MARGIN);
        assertEquals(0.2, margin.lo(), 1e-12);
        assertEquals("1.1uS", margin.written(margin.value(0.5)));
        Knob budget = Knob.parse("programming.nMsp=5:40", p -> BUDGET);
        assertEquals(23.0, budget.value(0.51));
        assertEquals("23", budget.written(23.0));

        assertMessage(() -> Knob.parse("programming.nMsp=40:5", p -> BUDGET), "lo < hi");
        assertMessage(() -> Knob.parse("programming.nMsp=5", p -> BUDGET), "range lo:hi");
        assertMessage(() -> Knob.parse("programming.nMsp=5:2000", p -> BUDGET), "1000");
        assertMessage(() -> Knob.parse("programming.margin=1:2uS", p -> MARGIN), "unit");
        assertMessage(() -> Knob.parse("programming.nope=1:2", p -> null), "programming.nope");
        assertMessage(() -> Knob.parse("programming.tol=0.5uS:1uS", p -> MARGIN), "tolerance");
        assertMessage(() -> Knob.parse("programming.impl=1:2",
                p -> ParameterSpec.choice("impl", "a", List.of("a", "b"), "x")), "--each");
    }

    @Test
    void limitsReadPercentagesAndUnits() {
        assertEquals(0.02, Metrics.PFAIL.parse("--limit", "2%"), 1e-15);
        assertEquals(0.02, Metrics.PFAIL.parse("--limit", "0.02"), 1e-15);
        assertEquals(3e-3, Metrics.TIME.parse("--limit", "3ms"), 1e-15);
        assertEquals(2e-5, Metrics.ENERGY.parse("--limit", "20uJ"), 1e-18);
        assertMessage(() -> Metrics.PFAIL.parse("--limit", "150%"), "between 0 and 1");
        assertMessage(() -> Metrics.TIME.parse("--limit", "fast"), "programming.timeSeconds");
        assertMessage(() -> Metrics.parse("--objective", "speed"), "pfail, time, energy");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String fragment) {
        InputError error = assertThrows(InputError.class, e);
        assertTrue(error.getMessage().contains(fragment), error.getMessage());
    }
}
