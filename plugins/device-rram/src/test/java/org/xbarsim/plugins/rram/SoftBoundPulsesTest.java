package org.xbarsim.plugins.rram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStream;

/**
 * n soft-bounded pulses in one step against the closed form of their linear recursion, computed here
 * with the same deviate: w_n = b + (w0 - b) q^n + sqrt((a s)^2 (1 - q^2n) / (1 - q^2)) z, q = 1 - a / b
 * (rpu_softbounds_reference_device.cpp lines 155-163 composed n times); and the per-pulse clip near the
 * bound the pulses leave, against aihwkit's pulses one at a time.
 */
class SoftBoundPulsesTest {
    @Test
    void nPulsesAreTheRecursionsClosedFormWithOneDeviate() {
        double[][] cases = {{0.1, 1.25, 0.002, 3.75, 26}, {-0.5, 1.0, 0.004, 1.0, 7.5}, {0.9, 1.25, 0.002, 3.75, 300}};
        for (double[] c : cases) {
            double w0 = c[0];
            double b = c[1];
            double a = c[2];
            double s = c[3];
            double n = c[4];
            double q = 1 - a / b;
            double z = new RandomStream(5).nextGaussian();
            double expected = b + (w0 - b) * Math.pow(q, n)
                    + Math.sqrt(a * s * a * s * (1 - Math.pow(q, 2 * n)) / (1 - q * q)) * z;
            assertEquals(expected, SoftBoundPulses.apply(w0, b, a, s, n, new RandomStream(5)), 1e-12, "w0 " + w0);
        }
    }

    @Test
    void degenerateStepsAreTheirLimits() {
        double z = new RandomStream(6).nextGaussian();
        // No bound (b <= 0): linear steps, n (a s)^2 of variance.
        assertEquals(0.2 + 10 * 0.01 + Math.sqrt(10) * 0.01 * 2 * z,
                SoftBoundPulses.apply(0.2, 0, 0.01, 2, 10, new RandomStream(6)), 1e-15);
        assertEquals(0.2 + 10 * 0.01 + Math.sqrt(10) * 0.01 * 2 * z,
                SoftBoundPulses.apply(0.2, -1, 0.01, 2, 10, new RandomStream(6)), 1e-15);
        // A step of 1e-19 of the bound: q rounds to 1, the closed form's limit is linear.
        assertEquals(0.2 + Math.sqrt(3000) * 1e-19 * 3 * z,
                SoftBoundPulses.apply(0.2, 1, 1e-19, 3, 3000, new RandomStream(6)), 1e-15);
        // A step as large as the bound: one pulse reaches it, with one pulse's noise.
        assertEquals(1 + 2 * 0.5 * z, SoftBoundPulses.apply(0.2, 1, 2, 0.5, 3, new RandomStream(6)), 1e-15);
        assertEquals(0.5 + 0.5 * z, SoftBoundPulses.apply(0.2, 0.5, 0.5, 1, 3, new RandomStream(6)), 1e-15);
        // No pulse: nothing moves, nothing is drawn.
        RandomStream rng = new RandomStream(6);
        assertEquals(0.2, SoftBoundPulses.apply(0.2, 1, 0.01, 1, 0, rng));
        assertEquals(0.2, SoftBoundPulses.apply(0.2, 1, 0.01, 1, -1, rng));
        assertEquals(z, rng.nextGaussian());
    }

    /** Near the bound behind, pulses one at a time with aihwkit's clip, then the rest in one step. */
    @Test
    void nearTheBoundBehindPulsesAreTakenOneAtATime() {
        double lo = -0.75;
        double hi = 1.25;
        double a = 0.002;
        double s = 3.75;
        RandomStream mine = new RandomStream(7);
        double w = lo;
        double left = 26.5;
        while (left >= 1 && Math.abs(w - lo) < 4 * a * s) {
            w += a * (1 - w / hi + s * mine.nextGaussian());
            w = Math.min(Math.max(w, lo), hi);
            left -= 1;
        }
        double expected = SoftBoundPulses.apply(w, hi, a, s, left, mine);
        assertEquals(expected, SoftBoundPulses.apply(lo, lo, hi, a, s, 26.5, new RandomStream(7)), 1e-15);
        // Far from it, the same as the one step.
        assertEquals(SoftBoundPulses.apply(0.3, hi, a, s, 26.5, new RandomStream(8)),
                SoftBoundPulses.apply(0.3, lo, hi, a, s, 26.5, new RandomStream(8)), 0.0);
        // Mirrored (a RESET: towards the lower bound, the upper one behind): clipped at the upper bound.
        RandomStream down = new RandomStream(9);
        double v = SoftBoundPulses.apply(-hi, -hi, -lo, a, s, 1, down);
        double z = new RandomStream(9).nextGaussian();
        assertEquals(Math.min(Math.max(-hi + a * (1 - (-hi) / (-lo) + s * z), -hi), -lo), v, 1e-15);
    }

    @Test
    void theClipAtTheBoundApproachedIsAReflection() {
        assertEquals(1.0, SoftBoundPulses.reflect(1.2, -1, 1.1), 1e-15);
        assertEquals(-0.9, SoftBoundPulses.reflect(-1.1, -1, 1.1), 1e-15);
        assertEquals(0.3, SoftBoundPulses.reflect(0.3, -1, 1.1), 0.0);
        assertEquals(1.1, SoftBoundPulses.reflect(1.1, -1, 1.1), 0.0);
        assertEquals(-1.0, SoftBoundPulses.reflect(-1.0, -1, 1.1), 0.0);
        // Reflected past the other bound: reflected there too (5 -> -2.8 -> 0.8), or held at it (-5 -> 3 -> 1.1).
        assertEquals(0.8, SoftBoundPulses.reflect(5, -1, 1.1), 1e-12);
        assertEquals(1.1, SoftBoundPulses.reflect(-5, -1, 1.1), 1e-15);
    }
}
