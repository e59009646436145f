package org.xbarsim.plugins.ecram;

import org.xbarsim.api.random.RandomStream;

/**
 * n minimal linear-step pulses with multiplicative noise taken in one step. One pulse (aihwkit's
 * rpu_linearstep_device.cpp lines 126-132) is w' = w + (c - b w)(1 + s xi): a step c at w = 0 that
 * shrinks with slope b. Its mean composes exactly: m_n = c/b + (w_0 - c/b) (1 - b)^n (m_n = w_0 + n c
 * for b = 0). Its variance obeys V' = ((1 - b)^2 + s^2 b^2) V + s^2 (c - b m)^2; the s^2 b^2 V term is
 * below 1e-8 of V for the presets (b = gamma dw_min / w_max ~ 1e-4), and without it
 * V_n = n s^2 (c - b w_0)^2 (1 - b)^(2(n - 1)) exactly, since c - b m_k = (c - b w_0)(1 - b)^k. The
 * result is Gaussian with that mean and variance (a sum of many small independent steps).
 */
final class LinearStepPulses {
    private LinearStepPulses() {
    }

    /** The weight after n pulses of step c and slope b with relative multiplicative noise s, from w0. */
    static double apply(double w0, double c, double b, double s, double n, RandomStream rng) {
        if (n <= 0) {
            return w0;
        }
        double first = c - b * w0;
        double mean;
        double decay;
        if (b == 0) {
            mean = w0 + n * c;
            decay = 1;
        } else {
            double q = 1 - b;
            decay = StrictMath.exp((n - 1) * StrictMath.log(q));
            mean = c / b + (w0 - c / b) * decay * q;
        }
        double sd = s * Math.abs(first) * decay * Math.sqrt(n);
        return mean + sd * rng.nextGaussian();
    }
}
