package org.xbarsim.engine.life;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.engine.scenario.LifecycleSpec;

class LifecyclePlanTest {
    private static final double DAY = 86_400;

    @Test
    void theDefaultsAreAYearOfDailyReadsAtAThousandRequestsASecond() {
        LifecyclePlan p = LifecyclePlan.of(Parameters.of(LifecycleSpec.PARAMETERS), 0.9);
        assertEquals(365.25 * DAY, p.durationSeconds());
        assertEquals(1000, p.requestRate());
        assertEquals(12, p.evaluations().size());
        assertEquals(1, p.evaluations().get(0));
        assertEquals(365.25 * DAY, p.evaluations().get(11));
        assertEquals(1000, p.evaluationSamples());
        assertEquals(DAY, p.compensationEvery());
        assertEquals(0, p.refreshEvery());
        assertEquals(0.9, p.refreshTolerance(), 1e-15);
        assertFalse(p.refreshes());
        assertFalse(p.baseline());
        assertEquals(0, p.swapAt());
        assertNull(p.swapModel());
    }

    @Test
    void evaluationsAreSpacedAtAConstantRatioEndingExactlyAtTheEnd() {
        assertEquals(List.of(10.0, 100.0, 1000.0), LifecyclePlan.logSpaced(10, 1000, 3));
        assertEquals(List.of(5.0), LifecyclePlan.logSpaced(5, 50, 1));
        List<Double> t = LifecyclePlan.logSpaced(60, 365.25 * DAY, 14);
        assertEquals(365.25 * DAY, t.get(13));
        for (int i = 1; i < 13; i++) {
            assertEquals(t.get(1) / t.get(0), t.get(i + 1) / t.get(i), 1e-9);
        }
    }

    @Test
    void aRefreshOnATriggerOrASchedulePlansOneAndTheBaselineGoesWithout() {
        LifecyclePlan p = LifecyclePlan.of(Parameters.of(LifecycleSpec.PARAMETERS, "refresh.every", "7d",
                "refresh.tolerance", "2", "refresh.baseline", "on", "evaluation.first", "2y", "duration", "1y",
                "swap.at", "100d", "swap.model", "other"), 0.9);
        assertTrue(p.refreshes());
        assertTrue(p.baseline());
        assertEquals(1.8, p.refreshTolerance(), 1e-15);
        assertEquals(365.25 * DAY, p.evaluations().get(0), "a first evaluation after the end is at the end");
        assertEquals("other", p.swapModel());
        LifecyclePlan without = p.withoutRefresh();
        assertFalse(without.refreshes());
        assertFalse(without.baseline());
        assertEquals(p.evaluations(), without.evaluations());
        assertEquals(100 * DAY, without.swapAt());
        assertTrue(LifecyclePlan.of(Parameters.of(LifecycleSpec.PARAMETERS, "refresh.trigger", "0.2"), 1).refreshes());
    }
}
