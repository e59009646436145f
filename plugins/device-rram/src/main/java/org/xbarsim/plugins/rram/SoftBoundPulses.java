package org.xbarsim.plugins.rram;

import org.xbarsim.api.random.RandomStream;

/**
 * n minimal soft-bounded pulses with additive noise taken in one step, exactly as their n-fold
 * composition when no pulse is clipped: one pulse towards a bound b > 0 of step a is
 * w' = w + a (1 - w / b + s xi) = q w + a + a s xi, q = 1 - a / b (aihwkit's
 * rpu_softbounds_reference_device.cpp lines 155-163), a linear recursion with Gaussian noise, so after
 * n pulses w_n = b + (w_0 - b) q^n + N(0, (a s)^2 (1 - q^2n) / (1 - q^2)); with b = 0 (no soft bound)
 * w_n = w_0 + n a + N(0, n (a s)^2). n need not be whole: a pulse of another width or amplitude is a
 * fractional number of minimal pulses. aihwkit clips each pulse at the device's bounds; near the bound
 * the pulses leave, that matters, and the pulses there are taken one at a time exactly as aihwkit's.
 */
final class SoftBoundPulses {
    private SoftBoundPulses() {
    }

    /** A device closer than this many single-pulse noise spreads to the bound behind it is pulsed one pulse at a time. */
    static final double NEAR = 4;

    /**
     * The weight after n pulses of step a towards bound b with relative additive noise s, from w0, with
     * {@code behind} the bound the pulses move away from. While the device is within {@link #NEAR}
     * single-pulse spreads of {@code behind}, a pulse could be clipped there, so pulses are taken one at
     * a time with aihwkit's clip (a device just RESET sits at its lower bound: clipping lifts a unit
     * SET's mean by 0.06 uS); the rest in one step.
     */
    static double apply(double w0, double behind, double b, double a, double s, double n, RandomStream rng) {
        double w = w0;
        double left = n;
        double noise = a * s;
        while (left >= 1 && Math.abs(w - behind) < NEAR * noise) {
            double toward = b > 0 ? w / b : 0;
            w += a * (1 - toward + s * rng.nextGaussian());
            w = Math.min(Math.max(w, Math.min(behind, b)), Math.max(behind, b));
            left -= 1;
        }
        return apply(w, b, a, s, left, rng);
    }

    /** The weight after n pulses of step a towards bound b with relative additive noise s, from w0. */
    static double apply(double w0, double b, double a, double s, double n, RandomStream rng) {
        if (n <= 0) {
            return w0;
        }
        double noise = a * s;
        double x = b > 0 ? a / b : 0;
        double mean;
        double variance;
        if (x == 0) {
            mean = w0 + n * a;
            variance = n * noise * noise;
        } else if (x >= 1) {
            // A step as large as the bound (beyond ten standard deviations of any preset) would make q <= 0:
            // such a device jumps to its bound in one pulse and keeps the last pulse's noise.
            mean = b;
            variance = noise * noise;
        } else {
            // q^n and 1 - q^2n through log1p and expm1: exact also when x is tiny (a device whose step
            // gain is near 0), where 1 - q^2 would round to 0.
            double logQ = StrictMath.log1p(-x);
            mean = b + (w0 - b) * StrictMath.exp(n * logQ);
            variance = noise * noise * -StrictMath.expm1(2 * n * logQ) / (x * (2 - x));
        }
        return mean + Math.sqrt(variance) * rng.nextGaussian();
    }

    /**
     * The per-pulse clip to [lo, hi], taken once at the end: a reflection at the bound, the clip's limit
     * when single pulses are small against the spread (a soft bound's mean never crosses it).
     */
    static double reflect(double w, double lo, double hi) {
        double r = w > hi ? 2 * hi - w : w;
        r = r < lo ? 2 * lo - r : r;
        return Math.min(Math.max(r, lo), hi);
    }
}
