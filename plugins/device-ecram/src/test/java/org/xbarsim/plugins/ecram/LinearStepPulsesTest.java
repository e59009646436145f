package org.xbarsim.plugins.ecram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStream;

/**
 * n linear-step pulses with multiplicative noise in one step, against the closed form of their mean and
 * variance computed here: m_n = c/b + (w0 - c/b)(1 - b)^n, V_n = n s^2 (c - b w0)^2 (1 - b)^(2(n - 1))
 * (rpu_linearstep_device.cpp lines 126-132 composed n times, the s^2 b^2 V term left out), with the same
 * deviate; and the variance against aihwkit's pulses one at a time.
 */
class LinearStepPulsesTest {
    @Test
    void nPulsesAreTheClosedFormWithOneDeviate() {
        double z = new RandomStream(3).nextGaussian();
        double c = 0.002;
        double b = 0.002 * 0.1153 / 1.1724;
        double s = 0.3;
        for (double w0 : new double[] {-0.8, 0, 0.7}) {
            for (double n : new double[] {1, 40, 2.5}) {
                double mean = c / b + (w0 - c / b) * Math.pow(1 - b, n);
                double sd = Math.sqrt(n) * s * Math.abs(c - b * w0) * Math.pow(1 - b, n - 1);
                assertEquals(mean + sd * z, LinearStepPulses.apply(w0, c, b, s, n, new RandomStream(3)), 1e-14,
                        "w0 " + w0 + ", n " + n);
            }
        }
        // No slope: a constant step, n s^2 c^2 of variance.
        assertEquals(0.1 + 40 * c + Math.sqrt(40) * s * c * z, LinearStepPulses.apply(0.1, c, 0, s, 40,
                new RandomStream(3)), 1e-15);
        RandomStream rng = new RandomStream(3);
        assertEquals(0.1, LinearStepPulses.apply(0.1, c, b, s, 0, rng), 0.0, "no pulse, nothing drawn");
        assertEquals(z, rng.nextGaussian());
    }

    /** The left-out s^2 b^2 V term: against 400 pulses one at a time, the spread agrees within sampling error. */
    @Test
    void theSpreadIsThatOfAihwkitsPulsesOneAtATime() {
        double c = 0.002;
        double b = 0.002 * 0.5 / 1.0; // a strong nonlinearity, to make the left-out term as large as it gets
        double s = 0.3;
        int n = 20_000;
        RandomStream a = new RandomStream(4);
        RandomStream p = new RandomStream(5);
        double s1 = 0;
        double s2 = 0;
        double r1 = 0;
        double r2 = 0;
        for (int i = 0; i < n; i++) {
            double w = LinearStepPulses.apply(0, c, b, s, 400, a);
            double v = 0;
            for (int k = 0; k < 400; k++) {
                v += (c - b * v) * (1 + s * p.nextGaussian());
            }
            s1 += w;
            s2 += w * w;
            r1 += v;
            r2 += v * v;
        }
        double sdA = Math.sqrt(s2 / n - (s1 / n) * (s1 / n));
        double sdP = Math.sqrt(r2 / n - (r1 / n) * (r1 / n));
        // Standard errors: 0.5% of the sd for each; 3% is about 4 of the difference's.
        assertEquals(sdP, sdA, 0.03 * sdP);
        assertEquals(r1 / n, s1 / n, 4 * sdP / Math.sqrt(n));
    }
}
