package org.xbarsim.engine.life;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The books of a life against sums done by hand. */
class LifeBookTest {
    private static LifecyclePlan plan(double duration, double rate) {
        return new LifecyclePlan(duration, rate, List.of(10.0, 100.0), 10, 0, 0, 0, 1, false, 0, null);
    }

    private static LifecycleResult.Evaluation at(double seconds, double joulesPerSample) {
        return new LifecycleResult.Evaluation(seconds, 0, 10, 0.9, null, 0.95, null, joulesPerSample, 1e-6, 1e6,
                List.of(1.0));
    }

    /**
     * Evaluations at 10 s (2 J a sample) and 100 s (3 J), a life of 200 s at 1 request a second: [0, 100)
     * at 2 J less 5 s offline at 40 s, [100, 200] at 3 J less the 20 s of an activity from 190 s that
     * outlasts the life by 10 s: 2 x 95 + 3 x 90.
     */
    @Test
    void servingIsTheRateTimesEachEvaluationsCostOverItsSpanOnline() {
        LifeBook book = new LifeBook();
        book.evaluated(at(10, 2));
        book.evaluated(at(100, 3));
        book.offline(LifeBook.Activity.COMPENSATION, 40, 5, 0.5);
        book.offline(LifeBook.Activity.REFRESH, 190, 20, 7);
        book.refreshed(33);
        LifecycleResult.Life life = book.close(plan(200, 1), true, 0.01, 4, LifeBook.endurance(new long[] {1}));
        assertEquals(2 * 95 + 3 * 90, life.energy().servingJoules(), 1e-9);
        assertEquals(0.5, life.energy().compensationJoules());
        assertEquals(7, life.energy().refreshJoules());
        assertEquals(0, life.energy().swapJoules());
        assertEquals(4, life.energy().firstProgrammingJoules());
        assertEquals(25, life.availability().downSeconds(), 1e-12);
        assertEquals(175 / 200.0, life.availability().availability(), 1e-12);
        assertEquals(25, life.availability().requestsMissed(), 1e-12);
        assertEquals(5, life.availability().compensationSeconds());
        assertEquals(20, life.availability().refreshSeconds());
        assertEquals(0.01, life.availability().firstProgrammingSeconds());
        assertEquals(new LifecycleResult.Activities(1, 1, 33, 0), life.activities());
        assertEquals(2, life.evaluations().size());
    }

    /** Pulses 0..40 over 41 devices: mean 20, max 40, bins of 3 (40 + 20 over 20), 14 of them. */
    @Test
    void theEnduranceLedgerIsAHistogramOfPulsesPerDevice() {
        long[] pulses = new long[41];
        for (int i = 0; i <= 40; i++) {
            pulses[i] = i;
        }
        LifecycleResult.Endurance e = LifeBook.endurance(pulses);
        assertEquals(41, e.devices());
        assertEquals(20, e.meanPulses(), 1e-12);
        assertEquals(40, e.maxPulses());
        assertEquals(3, e.binWidth());
        assertEquals(14, e.counts().size());
        assertEquals(3L, e.counts().get(0));
        assertEquals(2L, e.counts().get(13), "39 and 40");
        assertEquals(41L, e.counts().stream().mapToLong(Long::longValue).sum());
        LifecycleResult.Endurance none = LifeBook.endurance(new long[0]);
        assertEquals(0, none.meanPulses());
        assertEquals(List.of(0L), none.counts());
    }
}
