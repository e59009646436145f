package org.xbarsim.plugins.rowwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The nominal mean SET curve of science.md section 3 that the open-loop and adaptive policies believe
 * in, checked against the curve's per-pulse rule G += s alpha (1 - G / Gmax) applied pulse by pulse
 * here (not the closed form the record uses).
 */
class NominalCurveTest {

    /** The mean conductance after k pulses of strength s from {@code from}, one pulse at a time. */
    static double afterPulses(double alpha, double gMax, double from, double s, int k) {
        double g = from;
        for (int i = 0; i < k; i++) {
            g += s * alpha * (1 - g / gMax);
        }
        return g;
    }

    /**
     * The pulse count in [0, budget] whose mean rise above {@code from} is closest to {@code rise}, by
     * trying every count; -1 when the best two are closer than 1e-9 uS to a tie (the closed form and
     * the pulse-by-pulse rule differ by rounding, ~1e-13 uS here, so such a case cannot be judged).
     */
    static int closest(double alpha, double gMax, double from, double rise, double s, int budget) {
        int best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= budget; k++) {
            double error = Math.abs(afterPulses(alpha, gMax, from, s, k) - from - rise);
            if (error < bestError) {
                second = bestError;
                bestError = error;
                best = k;
            } else if (error < second) {
                second = error;
            }
        }
        return second - bestError < 1e-9 ? -1 : best;
    }

    @Test
    void riseFollowsThePerPulseRule() {
        NominalCurve c = new NominalCurve(0.7, 18, 0.3);
        for (double s : new double[] {0.25, 1, 3}) {
            for (int k = 0; k <= 40; k++) {
                double want = afterPulses(0.7, 18, 0.3, s, k) - 0.3;
                assertEquals(want, c.rise(s, k), 1e-12, "s " + s + " k " + k);
                double from = 0.3 + c.rise(1, 7);
                assertEquals(afterPulses(0.7, 18, from, s, k) - from, c.riseFrom(from, s, k), 1e-12, "from " + from);
            }
        }
    }

    /**
     * Over curves with alpha other than 1, starting points other than gReset (a device the coarse
     * pulses already raised), rises up to past the curve's reach and budgets from 1 to 40: always the
     * count whose mean rise is closest, never more than the budget.
     */
    @Test
    void pulsesForIsTheBudgetedCountWhoseMeanRiseIsClosest() {
        double[][] curves = {{1.0, 25, 0.1}, {0.5, 10, 0.3}, {2.5, 40, 0}};
        int cases = 0;
        int skipped = 0;
        for (double[] k : curves) {
            NominalCurve c = new NominalCurve(k[0], k[1], k[2]);
            for (double from : new double[] {k[2], k[2] + 0.45 * k[1]}) {
                for (double s : new double[] {0.25, 1, 3}) {
                    for (int budget : new int[] {1, 5, 40}) {
                        for (double rise = 0.05; rise < k[1] + 5; rise += 0.37) {
                            cases++;
                            int want = closest(k[0], k[1], from, rise, s, budget);
                            if (want < 0) {
                                skipped++;
                                continue;
                            }
                            String at = "curve " + java.util.Arrays.toString(k) + " from " + from + " s " + s
                                    + " budget " + budget + " rise " + rise;
                            assertEquals(want, c.pulsesFor(from, rise, s, budget), at);
                            if (from == k[2]) {
                                assertEquals(want, c.pulsesFor(rise, s, budget), at);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(cases > 3000 && skipped * 100 < cases, skipped + " near-ties skipped of " + cases);
    }

    @Test
    void noRiseOrNoBudgetTakesNoPulse() {
        NominalCurve c = new NominalCurve(1.0, 25, 0.1);
        assertEquals(0, c.pulsesFor(0.0, 1.0, 40));
        assertEquals(0, c.pulsesFor(-2.0, 1.0, 40));
        assertEquals(0, c.pulsesFor(5.0, 1.0, 0));
        // A device already at gMax: every count rises 0 uS, so none is as close as any.
        assertEquals(0, c.pulsesFor(25.0, 0.0, 1.0, 40));
        // s alpha = gMax: one pulse takes the mean device to gMax; no rise wanted is still no pulse.
        assertEquals(0, c.pulsesFor(0.0, 25.0, 40));
    }

    /** A tie between two counts goes to the fewer pulses (each costs time and energy). */
    @Test
    void aTieGoesToTheFewerPulses() {
        // q = 1 - 1 * 1 / 2 = 1/2 from 0: rises 1 and 1.5 uS after 1 and 2 pulses, exactly; 1.25 is midway.
        NominalCurve c = new NominalCurve(1.0, 2.0, 0.0);
        assertEquals(1.0, c.rise(1.0, 1), 0.0);
        assertEquals(1.5, c.rise(1.0, 2), 0.0);
        assertEquals(1, c.pulsesFor(1.25, 1.0, 40));
        assertEquals(2, c.pulsesFor(Math.nextUp(1.25), 1.0, 40));
    }

    /**
     * s alpha = gMax exactly (q = 0): one pulse takes the mean device from gReset to gMax (24.9 uS up),
     * and more add nothing. The closest count is none for a rise below half of that, one above it.
     */
    @Test
    void whenOnePulseSaturatesTheChoiceIsNoneOrOne() {
        NominalCurve c = new NominalCurve(1.0, 25, 0.1);
        double span = 24.9;
        assertEquals(span, afterPulses(1.0, 25, 0.1, 25.0, 1) - 0.1, 1e-12);
        assertEquals(span, afterPulses(1.0, 25, 0.1, 25.0, 5) - 0.1, 1e-12);
        assertEquals(0, c.pulsesFor(1.0, 25.0, 40), "1 uS is far closer to no pulse than to 24.9 uS");
        assertEquals(0, c.pulsesFor(span / 2, 25.0, 40), "midway: the fewer pulses");
        assertEquals(1, c.pulsesFor(20.0, 25.0, 40));
        assertEquals(1, c.pulsesFor(span, 25.0, 40), "exactly the reach: one pulse, more add nothing");
        assertEquals(1, c.pulsesFor(30.0, 25.0, 40), "beyond the reach: still one");
    }
}
