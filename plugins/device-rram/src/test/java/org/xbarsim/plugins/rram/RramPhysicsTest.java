package org.xbarsim.plugins.rram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.random.RandomStream;

/**
 * The RRAM model's physics invariants. Statistical tolerances are about five standard errors of the
 * statistic at the sample size used, so a correct model fails with negligible probability (and,
 * with fixed seeds, never).
 */
class RramPhysicsTest {
    private static final RramDeviceModel MODEL = new RramDeviceModel();
    private static final int N = 100_000;
    /** Device-to-device variability off, so every device has Gmin 1, Gmax 25, alpha 1, depth 4. */
    private static final String[] UNIFORM = {"gminSigmaRel", "0", "gmaxSigmaRel", "0", "alphaSigmaLn", "0",
            "resetDepthSigmaLn", "0"};

    static RramArray fabricate(long seed, int n, String... overrides) {
        return (RramArray) MODEL.fabricate(Parameters.of(MODEL.parameters(), overrides), n, new RandomStream(seed));
    }

    static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static int[] all(int n) {
        int[] cols = new int[n];
        Arrays.setAll(cols, i -> i);
        return cols;
    }

    @Test
    void boundsFollowTheirParametersAndDevicesStartAtGmin() {
        RramArray a = fabricate(1, N);
        double sumLo = 0;
        double sumHi = 0;
        double sumHi2 = 0;
        for (int i = 0; i < N; i++) {
            assertEquals(a.gmin(i), a.conductances()[i]);
            assertTrue(a.gmin(i) >= 0 && a.gmax(i) >= a.gmin(i) + 1, "window of device " + i);
            sumLo += a.gmin(i);
            sumHi += a.gmax(i);
            sumHi2 += a.gmax(i) * a.gmax(i);
        }
        double meanHi = sumHi / N;
        // Gmin 1 uS with 40% spread clipped at 0 (clipping lifts the mean by about 0.1%); Gmax 25 uS +- 24%.
        assertEquals(1.0, sumLo / N, 0.01);
        assertEquals(25.0, meanHi, 0.1);
        assertEquals(0.24 * 25, Math.sqrt(sumHi2 / N - meanHi * meanHi), 0.1);
    }

    @Test
    void conductanceStaysInsideEachDevicesWindowWhateverThePulses() {
        RramArray a = fabricate(2, 20_000);
        int[] cols = all(20_000);
        RandomStream rng = new RandomStream(3);
        for (int p = 0; p < 300; p++) {
            if (p % 97 == 96) {
                a.reset(0, cols, cols.length, rng);
            } else {
                a.set(0, cols, cols.length, p % 3 == 0 ? 4.0 : 1.0, rng);
            }
            double[] g = a.conductances();
            for (int i = 0; i < g.length; i++) {
                assertTrue(g[i] >= a.gmin(i) && g[i] <= a.gmax(i), "device " + i + " at " + g[i] + " after pulse " + p);
            }
        }
    }

    @Test
    void noiselessStepIsSoftBoundedAndShrinksLinearlyToZeroAtGmax() {
        RramArray a = fabricate(4, 1, with(UNIFORM, "c2c", "0"));
        RandomStream rng = new RandomStream(5);
        double previousStep = Double.MAX_VALUE;
        for (int p = 0; p < 200; p++) {
            double g = a.conductances()[0];
            a.set(0, new int[] {0}, 1, 0.5, rng);
            double step = a.conductances()[0] - g;
            assertEquals(0.5 * 1.0 * (1 - (g - 1) / 24), step, 1e-12, "step at G = " + g);
            assertTrue(step < previousStep, "the mean step falls monotonically as G rises");
            previousStep = step;
        }
        // Noiseless, the distance to Gmax shrinks by (1 - 0.5/24) a pulse: it approaches Gmax, never passes it.
        assertEquals(25 - 24 * Math.pow(1 - 0.5 / 24, 200), a.conductances()[0], 1e-9);
    }

    @Test
    void cycleToCycleNoiseIsGaussianWithSpreadC2cTimesTheStep() {
        // Window 1..1000 uS so that 100 unit pulses leave every device far from both bounds (no clipping).
        RramArray a = fabricate(6, N, with(UNIFORM, "gmaxMean", "1000uS"));
        int[] cols = all(N);
        RandomStream rng = new RandomStream(7);
        for (int p = 0; p < 100; p++) {
            a.set(0, cols, N, 1.0, rng);
        }
        double[] before = a.conductances().clone();
        a.set(0, cols, N, 2.0, rng);
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < N; i++) {
            double expected = 2.0 * (1 - (before[i] - 1) / 999);
            double r = (a.conductances()[i] - before[i] - expected) / 2.0;
            sum += r;
            sum2 += r * r;
        }
        // Residual / step ~ Normal(0, 0.46): standard error of the mean 0.0015, of the sd 0.0010.
        assertEquals(0, sum / N, 0.01);
        assertEquals(0.46, Math.sqrt(sum2 / N), 0.006);
    }

    @Test
    void meanStepFallsWithConductanceAcrossThePopulation() {
        RramArray a = fabricate(8, N);
        int[] cols = all(N);
        RandomStream rng = new RandomStream(9);
        double lastMean = Double.MAX_VALUE;
        for (int p = 0; p < 40; p++) {
            double[] before = a.conductances().clone();
            a.set(0, cols, N, 1.0, rng);
            double mean = 0;
            for (int i = 0; i < N; i++) {
                mean += a.conductances()[i] - before[i];
            }
            mean /= N;
            // Pulse-to-pulse the population mean step falls; sd of the mean step about 0.002 uS.
            assertTrue(mean < lastMean + 0.01, "pulse " + p + ": mean step " + mean + " after " + lastMean);
            lastMean = mean;
        }
        assertTrue(lastMean < 0.3, "after 40 pulses most devices are near Gmax: " + lastMean);
    }

    @Test
    void resetMovesTowardsGminBySoftBoundedDepth() {
        RramArray exact = fabricate(10, 1, with(UNIFORM, "c2c", "0", "resetC2c", "0"));
        RandomStream rng = new RandomStream(11);
        for (int p = 0; p < 30; p++) {
            exact.set(0, new int[] {0}, 1, 1.0, rng);
        }
        double g = exact.conductances()[0];
        exact.reset(0, new int[] {0}, 1, rng);
        assertEquals(1 + (g - 1) * Math.exp(-4), exact.conductances()[0], 1e-12);

        // Defaults: from the top of the window one RESET lands near Gmin: e^-4 of the window is 2%.
        RramArray a = fabricate(12, N);
        int[] cols = all(N);
        for (int p = 0; p < 60; p++) {
            a.set(0, cols, N, 1.0, rng);
        }
        double[] before = a.conductances().clone();
        a.reset(0, cols, N, rng);
        double remaining = 0;
        int counted = 0;
        for (int i = 0; i < N; i++) {
            if (before[i] == a.gmin(i)) {
                continue; // a rare device whose last SET noise clipped it to Gmin: nothing to RESET
            }
            counted++;
            double f = (a.conductances()[i] - a.gmin(i)) / (before[i] - a.gmin(i));
            assertTrue(f >= 0 && f <= 1 + 1e-12, "device " + i + ": RESET kept " + f + " of G - Gmin");
            remaining += f;
        }
        // E[exp(-4 e^{0.3 z} max(0, 1 + 0.2 y))] over standard normals z, y, by Gauss-Hermite quadrature:
        // 0.0346; the standard error of the sample mean is about 0.0002.
        assertTrue(counted > 0.99 * N, counted + " devices above Gmin before the RESET");
        assertEquals(0.0346, remaining / counted, 0.001);
    }

    @Test
    void readNoiseAndRelaxationFollowTheirLaws() {
        RramArray a = fabricate(13, N);
        int[] cols = all(N);
        RandomStream rng = new RandomStream(14);
        for (int p = 0; p < 10; p++) {
            a.set(0, cols, N, 1.0, rng); // off Gmin, which may be 0 for a device: relaxation is relative
        }
        double[] v = new double[3];
        a.readNoiseVariance(0, new int[] {0, 1, 2}, 3, v);
        for (int k = 0; k < 3; k++) {
            double s = 0.01 * a.conductances()[k] + 0.05;
            assertEquals(s * s, v[k], 1e-15);
        }
        double[] out = new double[N];
        a.drifted(1.0, out);
        assertArrayEquals(a.conductances(), out, "unchanged until t0 = 1 s");
        a.drifted(1e4, out);
        double sum = 0;
        double sum2 = 0;
        int up = 0;
        for (int i = 0; i < N; i++) {
            assertTrue(a.conductances()[i] > 0, "device " + i);
            double nu = -Math.log(out[i] / a.conductances()[i]) / Math.log(1e4);
            sum += nu;
            sum2 += nu * nu;
            up += nu < 0 ? 1 : 0;
        }
        // nu ~ Normal(0, 0.005): relaxation is small and goes both ways.
        assertEquals(0, sum / N, 1e-4);
        assertEquals(0.005, Math.sqrt(sum2 / N), 1e-4);
        assertEquals(0.5, up / (double) N, 0.01);
    }

    @Test
    void sameSeedSameDevicesAndPulses() {
        double[][] runs = new double[3][];
        long[] seeds = {21, 21, 22};
        for (int r = 0; r < 3; r++) {
            RramArray a = fabricate(seeds[r], 1000);
            RandomStream rng = new RandomStream(seeds[r] + 100);
            int[] cols = all(1000);
            for (int p = 0; p < 20; p++) {
                a.set(0, cols, 1000, 1.0, rng);
            }
            a.reset(0, cols, 500, rng);
            runs[r] = a.conductances().clone();
        }
        assertArrayEquals(runs[0], runs[1]);
        assertFalse(Arrays.equals(runs[0], runs[2]));
    }

    @Test
    void stuckDevicesNeverMove() {
        // Uniform windows of 24 uS: 30 pulses carry every free device well inside it.
        RramArray a = fabricate(30, N, with(UNIFORM, "stuckAtMinFraction", "0.02", "stuckAtMaxFraction", "0.03"));
        double[] fabricated = a.conductances().clone();
        int[] cols = all(N);
        RandomStream rng = new RandomStream(31);
        for (int p = 0; p < 30; p++) {
            a.set(0, cols, N, 1.0, rng);
        }
        // Thirty unit pulses move every free device off its fabricated Gmin; the stuck ones stay put.
        boolean[] stuck = new boolean[N];
        int nLow = 0;
        int nHigh = 0;
        for (int i = 0; i < N; i++) {
            stuck[i] = a.conductances()[i] == fabricated[i];
            nLow += stuck[i] && fabricated[i] == a.gmin(i) ? 1 : 0;
            nHigh += stuck[i] && fabricated[i] == a.gmax(i) ? 1 : 0;
        }
        // Standard errors at N = 100,000: 0.044 and 0.054 points.
        assertEquals(0.02, nLow / (double) N, 0.0025);
        assertEquals(0.03, nHigh / (double) N, 0.003);
        for (int p = 0; p < 5; p++) {
            a.reset(0, cols, N, rng);
            a.set(0, cols, N, 2.0, rng);
        }
        double[] drifted = new double[N];
        a.drifted(1e6, drifted);
        for (int i = 0; i < N; i++) {
            if (stuck[i]) {
                assertEquals(fabricated[i], a.conductances()[i], "stuck device " + i + " ignores SET and RESET");
                assertEquals(fabricated[i], drifted[i], "stuck device " + i + " does not relax");
            }
        }
    }

    @Test
    void defaultPresetHoldsTheSpecDefaultsAndCitesItsSource() {
        Preset p = MODEL.presets().get(0);
        assertEquals("default", p.name());
        assertTrue(p.citation().contains("Gong"), p.citation());
        MODEL.parameters().stream().filter(s -> p.values().containsKey(s.name()))
                .forEach(s -> assertEquals(s.parse(s.defaultValue()), s.parse(p.values().get(s.name())), s.name()));
        assertEquals(MODEL.parameters().size() - 2, p.values().size(), "every parameter but the stuck-at faults");
    }
}
