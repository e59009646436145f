package org.xbarsim.plugins.pcm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.random.RandomStream;

/**
 * The aihwkit statistical PCM laws (PcmStatistics) behind their switches, and stuck-at faults on PCM.
 * Statistical tolerances are about five standard errors at the sample size used.
 */
class PcmStatisticsTest {
    private static final PcmDeviceModel MODEL = new PcmDeviceModel();
    private static final int N = 100_000;

    static DeviceArray fabricate(long seed, int n, String... overrides) {
        return MODEL.fabricate(Parameters.of(MODEL.parameters(), overrides), n, new RandomStream(seed));
    }

    static int[] all(int n) {
        int[] cols = new int[n];
        Arrays.setAll(cols, i -> i);
        return cols;
    }

    @Test
    void programmingNoisePolynomialIsAihwkits() {
        PcmStatistics s = new PcmStatistics(25, 1, 250e-9);
        assertEquals(0.2635, s.programmingSigma(0), 1e-12);
        assertEquals(-1.1731 * 0.36 + 1.9650 * 0.6 + 0.2635, s.programmingSigma(15), 1e-12);
        assertEquals(-1.1731 + 1.9650 + 0.2635, s.programmingSigma(25), 1e-12);
        assertEquals(0, s.programmingSigma(200), "clipped at 0 where the polynomial turns negative");
        // Another reference conductance keeps the relative law: twice the reference, twice the noise.
        assertEquals(2 * s.programmingSigma(15), new PcmStatistics(50, 1, 250e-9).programmingSigma(30), 1e-12);
    }

    @Test
    void statisticalSetNoiseIsTheProgrammingNoiseAtTheLandingConductanceTimesStrength() {
        // No device-to-device variability: every device lands, on average, at the same conductance.
        DeviceArray a = fabricate(1, N, "programmingNoise", "aihwkit", "gmaxSigmaRel", "0", "alphaSigmaLn", "0",
                "resetRel", "0", "alphaMedian", "10uS");
        a.set(0, all(N), N, 0.5, new RandomStream(2));
        double landing = 0.1 + 0.5 * 10 * (1 - 0.1 / 25);
        double expectedSd = 0.5 * new PcmStatistics(25, 1, 250e-9).programmingSigma(landing);
        double sum = 0;
        double sum2 = 0;
        for (double g : a.conductances()) {
            sum += g - landing;
            sum2 += (g - landing) * (g - landing);
        }
        // sd about 0.44 uS: standard errors 0.0014 (mean) and 0.001 (sd).
        assertEquals(0, sum / N, 0.007);
        assertEquals(expectedSd, Math.sqrt(sum2 / N), 0.005);
    }

    @Test
    void driftExponentFollowsAihwkitsLawOfTheProgrammedConductance() {
        // The clipped mean and spread of nu at a few relative conductances.
        assertEquals(0.049, PcmStatistics.nu(1.0, 0), 1e-12, "mean clipped at 0.049 at g_T = 1");
        assertEquals(-0.0155 * Math.log(0.1) + 0.0244, PcmStatistics.nu(0.1, 0), 1e-12);
        assertEquals(0.1, PcmStatistics.nu(1e-9, 0), 1e-12, "mean clipped at 0.1 near zero");
        assertEquals(0.049 + 0.008, PcmStatistics.nu(1.0, 1), 1e-12, "spread clipped at 0.008");
        double sigmaAt01 = -0.0125 * Math.log(0.1) - 0.0059;
        assertEquals(Math.abs(PcmStatistics.nu(0.1, 0) - 3 * sigmaAt01), PcmStatistics.nu(0.1, -3), 1e-12);

        DeviceArray a = fabricate(3, N, "driftLaw", "aihwkit", "gmaxSigmaRel", "0", "alphaSigmaLn", "0",
                "resetRel", "0", "c2c", "0", "alphaMedian", "2.4uS");
        a.set(0, all(N), N, 1.0, new RandomStream(4));
        double g = a.conductances()[0];
        double gT = g / 25;
        double[] out = new double[N];
        a.drifted(20, out);
        assertArrayEquals(a.conductances(), out, "no drift until t0");
        double t = 20 * Math.exp(5);
        a.drifted(t, out);
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < N; i++) {
            double nu = -Math.log(out[i] / g) / 5;
            sum += nu;
            sum2 += nu * nu;
        }
        double mean = sum / N;
        double mu = Math.min(Math.max(-0.0155 * Math.log(gT) + 0.0244, 0.049), 0.1);
        double sigma = Math.min(Math.max(-0.0125 * Math.log(gT) - 0.0059, 0.008), 0.045);
        // |Normal(mu, sigma)| with mu/sigma > 2.5: the fold hardly matters; standard error 3e-5.
        assertEquals(mu, mean, 3e-4);
        assertEquals(sigma, Math.sqrt(sum2 / N - mean * mean), 3e-4);
    }

    @Test
    void oneOverFReadNoiseGrowsWithTimeSinceProgramming() {
        DeviceArray a = fabricate(5, 1000, "readNoiseLaw", "aihwkit");
        a.set(0, all(1000), 1000, 8, new RandomStream(6));
        double[] g = a.conductances().clone();
        double[] early = new double[1000];
        double[] late = new double[1000];
        a.readNoiseVariances(1, g, early);
        a.readNoiseVariances(3.15e7, g, late);
        double gT = g[7] / 25;
        double qs = Math.min(0.0088 / Math.max(Math.pow(gT, 0.65), 1e-3), 0.2);
        double t = 1 + 20;
        double expected = g[7] * qs * Math.sqrt(Math.log((t + 250e-9) / (2 * 250e-9)));
        assertEquals(expected * expected, early[7], 1e-12 * expected * expected);
        for (int i = 0; i < 1000; i++) {
            // A device a noisy SET left at 0 uS reads without noise at any time (the law is relative).
            assertTrue(g[i] == 0 ? late[i] == 0 : late[i] > early[i], "a year of 1/f noise is more than a second's");
        }
        // Verify reads keep the Gaussian readRel/readAbs law.
        double[] verify = new double[1];
        a.readNoiseVariance(0, new int[] {7}, 1, verify);
        assertEquals(Math.pow(0.005 * g[7] + 0.05, 2), verify[0], 1e-15);
    }

    @Test
    void presetSwitchesAllThreeLawsOnAndKeepsTheStepPhysics() {
        Preset stat = MODEL.presets().stream().filter(p -> p.name().equals("aihwkit-statistical")).findFirst()
                .orElseThrow();
        Preset base = MODEL.presets().get(0);
        assertTrue(stat.citation().contains("Joshi") && stat.citation().contains("Nandakumar"), stat.citation());
        for (String law : new String[] {"programmingNoise", "driftLaw", "readNoiseLaw"}) {
            assertEquals("aihwkit", stat.values().get(law));
            assertEquals(MODEL.parameters().stream().filter(x -> x.name().equals(law)).findFirst().orElseThrow()
                    .defaultValue(), base.values().get(law), "the default preset keeps the per-pulse laws");
        }
        base.values().forEach((k, v) -> assertTrue(k.equals("programmingNoise") || k.equals("driftLaw")
                || k.equals("readNoiseLaw") || v.equals(stat.values().get(k)), k));
        assertEquals(base.values().keySet(), stat.values().keySet());
    }

    @Test
    void stuckDevicesStayAtResetOrGmaxAndDoNotDrift() {
        DeviceArray a = fabricate(7, N, "stuckAtMinFraction", "0.03", "stuckAtMaxFraction", "0.01",
                "resetRel", "0");
        int[] cols = all(N);
        RandomStream rng = new RandomStream(8);
        a.set(0, cols, N, 1, rng);
        double[] afterOne = a.conductances().clone();
        for (int p = 0; p < 10; p++) {
            a.reset(0, cols, N, rng);
            a.set(0, cols, N, 2, rng);
        }
        double[] drifted = new double[N];
        a.drifted(1e6, drifted);
        int low = 0;
        int high = 0;
        for (int i = 0; i < N; i++) {
            if (afterOne[i] == 0.1) {
                low++; // a free device never lands exactly on 0.1 uS after a noisy SET
                assertEquals(0.1, a.conductances()[i]);
                assertEquals(0.1, drifted[i]);
            } else if (a.conductances()[i] == afterOne[i]) {
                high++;
                assertEquals(afterOne[i], drifted[i]);
            }
        }
        // Standard errors 0.054 and 0.031 points.
        assertEquals(0.03, low / (double) N, 0.003);
        assertEquals(0.01, high / (double) N, 0.002);
    }
}
