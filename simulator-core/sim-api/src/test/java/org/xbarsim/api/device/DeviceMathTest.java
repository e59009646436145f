package org.xbarsim.api.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStream;

/** The shared device arithmetic: 16-bit deviates and aihwkit's PCM programming-noise law. */
class DeviceMathTest {
    @Test
    void aDeviateKeepsFourThousandStepsAUnitWithinEightSigma() {
        assertEquals(0, Deviate16.encode(0));
        assertEquals(4096, Deviate16.encode(1.0));
        assertEquals(-6144, Deviate16.encode(-1.5));
        assertEquals(1.5, Deviate16.decode(Deviate16.encode(1.5)), 0);
        assertEquals(32767, Deviate16.encode(100), "clipped at 8 standard deviations");
        assertEquals(-32767, Deviate16.encode(-100));
        RandomStream rng = new RandomStream(3);
        for (int i = 0; i < 100_000; i++) {
            double z = rng.nextGaussian();
            assertTrue(Math.abs(Deviate16.decode(Deviate16.encode(z)) - z) <= 0.5 / 4096 + 1e-15, "z = " + z);
        }
    }

    /** pcm.py lines 89 and 108-114: 0.26348 + 1.9650 x - 1.1731 x^2 at x = g / g_max, times g_max / 25. */
    @Test
    void theProgrammingNoiseLawIsAihwkitsPolynomial() {
        assertEquals(0.26348, AihwkitPcmLaw.sigma(0, 25), 1e-15);
        assertEquals(0.26348 + 1.9650 * 0.6 - 1.1731 * 0.36, AihwkitPcmLaw.sigma(15, 25), 1e-12);
        assertEquals(0.26348 + 1.9650 - 1.1731, AihwkitPcmLaw.sigma(25, 25), 1e-12);
        // Another g_max: the same law in relative units, scaled (pcm.py line 114).
        assertEquals(2 * AihwkitPcmLaw.sigma(15, 25), AihwkitPcmLaw.sigma(30, 50), 1e-12);
        // Past 1.8 g_max the polynomial is negative; as a noise amplitude its magnitude counts.
        assertEquals(Math.abs(0.26348 + 1.9650 * 2.5 - 1.1731 * 6.25), AihwkitPcmLaw.sigma(62.5, 25), 1e-12);
    }

    /** One device at |t| with the law, the other at 0 and clamped there: Var(max(0, s0 xi)) = s0^2 (1/2 - 1/(2 pi)). */
    @Test
    void aPairsSpreadIsItsProgrammedDevicesAndTheClampedZeroOnes() {
        double s = AihwkitPcmLaw.sigma(7.5, 25);
        double s0 = 0.26348;
        assertEquals(Math.sqrt(s * s + s0 * s0 * (0.5 - 1 / (2 * Math.PI))), AihwkitPcmLaw.pairSigma(7.5, 25), 1e-12);
        assertEquals(AihwkitPcmLaw.pairSigma(7.5, 25), AihwkitPcmLaw.pairSigma(-7.5, 25), 0);
        // The clamp, sampled: max(0, s0 xi) over a million draws.
        RandomStream rng = new RandomStream(5);
        double sum = 0;
        double sum2 = 0;
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            double g = Math.max(0, s0 * rng.nextGaussian());
            sum += g;
            sum2 += g * g;
        }
        double var = sum2 / n - (sum / n) * (sum / n);
        assertEquals(s0 * s0 * (0.5 - 1 / (2 * Math.PI)), var, 0.005 * var);
    }
}
