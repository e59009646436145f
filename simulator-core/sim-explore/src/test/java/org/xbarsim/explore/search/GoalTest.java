package org.xbarsim.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.fixtures.Summaries;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.metric.Limit;
import org.xbarsim.explore.metric.Metrics;

/** Goals over any metric: minimised or maximised, within limits either way. */
class GoalTest {
    static RunSummary summary(double pfail, double time, Double accuracy) {
        RunSummary.Outcome o = new RunSummary.Outcome(1, 1, 1 - pfail, pfail, 0, 1, 1, 0, 0, 0, time, time * 1e-3);
        RunSummary.Inference i = accuracy == null ? null
                : Summaries.inference("1s", 100, 0.99, accuracy, null, null, 1e-6, 1e-7, 1.0);
        return Summaries.of(o, i);
    }

    private static Evaluation run(double pfail, double time, Double accuracy) {
        return new Evaluation(0, "design", new double[0], summary(pfail, time, accuracy));
    }

    @Test
    void anAccuracyIsMaximisedWithinALimitOnTime() {
        Goal goal = Goal.of(Metrics.ANALOG_ACCURACY, Limit.parse("--limit", "time<=2ms"));
        assertTrue(goal.maximise());
        Evaluation better = run(0.1, 1e-3, 0.97);
        Evaluation worse = run(0.01, 1e-3, 0.95);
        Evaluation tooSlow = run(0.0, 3e-3, 0.99);
        assertTrue(goal.score(better, 1) < goal.score(worse, 1), "higher accuracy scores lower");
        assertTrue(goal.score(worse, 1) < goal.score(tooSlow, 1), "within the limit beats beyond it");
        assertEquals("maximise inference.analogAccuracy with programming.timeSeconds <= 2ms", goal.describe());
    }

    @Test
    void aLowerLimitOnAccuracyConstrainsTheFastestRun() {
        Goal goal = Goal.of(Metrics.TIME, Limit.parse("--limit", "inference.analogAccuracy>=97.3%"));
        assertFalse(goal.maximise());
        assertTrue(goal.feasible(run(0.1, 1e-3, 0.974)));
        assertFalse(goal.feasible(run(0.1, 1e-3, 0.972)));
        assertFalse(goal.feasible(run(0.1, 1e-3, null)), "no inference: the limit is not kept");
        // Scaled by the reference run's time (2 ms) the faster feasible run scores lower.
        assertTrue(goal.score(run(0.1, 1e-3, 0.98), 2e-3) < goal.score(run(0.1, 1.5e-3, 0.98), 2e-3));
    }

    @Test
    void aMissingObjectiveAndALimitOnTheObjectiveAreRefused() {
        Goal goal = Goal.of(Metrics.ANALOG_ACCURACY, List.of());
        InputError e = assertThrows(InputError.class, () -> goal.score(run(0.1, 1e-3, null), 1));
        assertTrue(e.getMessage().contains("runs no inference"), e.getMessage());
        assertThrows(InputError.class, () -> Goal.of(Metrics.PFAIL, Limit.parse("--limit", "pfail<=2%")));
    }

    @Test
    void oneLimitWithSeveralValuesMakesAGoalForEach() {
        List<Goal> goals = Goal.forEachValue(Metrics.PFAIL, false, List.of(Limit.parse("--limit", "time<=1ms,2ms"),
                Limit.parse("--limit", "energy<=1uJ")));
        assertEquals(2, goals.size());
        assertEquals(List.of(1e-3, 2e-3), Goal.limitValues(goals, Metrics.TIME));
        assertEquals("minimise programming.pfail with programming.timeSeconds <= each of 1ms, 2ms",
                Goal.describe(goals));
        assertThrows(InputError.class, () -> Goal.forEachValue(Metrics.PFAIL, false, List.of(
                Limit.parse("--limit", "time<=1ms,2ms"), Limit.parse("--limit", "energy<=1uJ,2uJ"))));
    }

    @Test
    void goalsAreParsedAsWrittenOnTheCommandLine() {
        List<Goal> goals = Goal.parse("accuracy", List.of("time<=1ms,2ms", "energy<=1uJ"));
        assertEquals(2, goals.size());
        assertTrue(goals.get(0).maximise(), "an accuracy is maximised unless min: says");
        assertEquals(List.of(1e-3, 2e-3), Goal.limitValues(goals, Metrics.TIME));
        assertFalse(Goal.parse("min:accuracy", List.of()).get(0).maximise());
        assertTrue(Goal.parse("max:time", List.of()).get(0).maximise());
        assertFalse(Goal.parse("pfail", List.of()).get(0).maximise());
        assertEquals(Metrics.PFAIL, Goal.parse("min:pfail", List.of("time<=1ms")).get(0).objective());
        InputError e = assertThrows(InputError.class, () -> Goal.parse("pfial", List.of()));
        assertTrue(e.getMessage().contains("--objective"), e.getMessage());
        e = assertThrows(InputError.class, () -> Goal.parse("pfail", List.of("time<<1ms")));
        assertTrue(e.getMessage().contains("--limit"), e.getMessage());
    }

    @Test
    void aTimeIsScaledByTheReferenceAFractionIsNotAndEachBrokenLimitCostsTenTimesOnePlusItsExcess() {
        Goal time = Goal.of(Metrics.TIME, Limit.parse("--limit", "pfail<=10%"));
        // 1.5 ms against a 2 ms reference: 0.75; Pfail 15% breaks the 10% limit by half: 10 (1 + 0.5) = 15.
        assertEquals(0.75, time.score(run(0.05, 1.5e-3, null), 2e-3), 1e-12);
        assertEquals(0.75 + 15, time.score(run(0.15, 1.5e-3, null), 2e-3), 1e-12);
        assertEquals(1.5e-3, time.score(run(0.05, 1.5e-3, null), 0), 1e-15, "no reference: unscaled");
        Goal pfail = Goal.of(Metrics.PFAIL, List.of());
        assertEquals(0.05, pfail.score(run(0.05, 1e-3, null), 2e-3), 1e-15, "a fraction is not scaled");
        Goal accuracy = Goal.of(Metrics.ANALOG_ACCURACY, List.of());
        assertEquals(-0.97, accuracy.score(run(0.05, 1e-3, 0.97), 0.5), 1e-15, "maximised: its negative");
    }
}
