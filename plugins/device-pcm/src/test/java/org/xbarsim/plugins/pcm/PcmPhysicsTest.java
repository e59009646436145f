package org.xbarsim.plugins.pcm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.StuckFaults;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.random.RandomStream;

/**
 * The PCM device model against science.md section 3: fabrication statistics, the SET step law and
 * its soft bound, the conductance bounds, RESET, read noise, drift, determinism and the parameter
 * specs and preset. Tolerances are about five standard errors of the statistic at the sample size
 * used, so a correct model fails with negligible probability (and, with fixed seeds, never).
 */
class PcmPhysicsTest {
    private static final PcmDeviceModel MODEL = new PcmDeviceModel();
    private static final int N = 200_000;

    /** Parameters the way the host builds them: every default, then overrides parsed by their spec. */
    static Parameters params(String... overrides) {
        return Parameters.of(MODEL.parameters(), overrides);
    }

    static DeviceArray fabricate(long seed, int n, String... overrides) {
        return MODEL.fabricate(params(overrides), n, new RandomStream(seed));
    }

    /** A SET of strength s at the nominal amplitude (a width of s): no melting, whatever s. */
    static void setWide(DeviceArray a, int base, int[] cols, int count, double s, RandomStream rng) {
        a.set(base, cols, count, 1.0, s, rng);
    }

    static int[] all(int n) {
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) {
            cols[i] = i;
        }
        return cols;
    }

    /**
     * Each device's hidden alpha and Gmax, recovered exactly from two noiseless (c2c = 0) unit SET
     * pulses on a twin array made from the same fabrication seed (c2c is not drawn at fabrication,
     * so the twin has the same devices). With d1 = a (1 - G0/M) and d2 = a (1 - G1/M):
     * a/M = (d1 - d2)/d1 and a = d1 + G0 (d1 - d2)/d1.
     */
    record Truth(double[] alpha, double[] gmax) {
    }

    static Truth truth(long seed, int n) {
        DeviceArray twin = fabricate(seed, n, "c2c", "0");
        int[] cols = all(n);
        double[] g0 = twin.conductances().clone();
        twin.set(0, cols, n, 1.0, new RandomStream(1));
        double[] g1 = twin.conductances().clone();
        twin.set(0, cols, n, 1.0, new RandomStream(2));
        double[] g2 = twin.conductances().clone();
        double[] alpha = new double[n];
        double[] gmax = new double[n];
        for (int i = 0; i < n; i++) {
            double d1 = g1[i] - g0[i];
            double d2 = g2[i] - g1[i];
            double aOverM = (d1 - d2) / d1;
            alpha[i] = d1 + g0[i] * aOverM;
            gmax[i] = alpha[i] / aOverM;
        }
        return new Truth(alpha, gmax);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    // ---------------------------------------------------------------- the longest useful width

    @Test
    void aSetLongerThanTheCompleteSetTimeAddsNothing() {
        int n = 2000;
        Truth t = truth(7, n);
        int[] cols = all(n);
        DeviceArray start = fabricate(7, n, "c2c", "0", "maxWidth", "4");
        double[] g0 = start.conductances().clone();
        DeviceArray three = fabricate(7, n, "c2c", "0", "maxWidth", "4");
        setWide(three, 0, cols, n, 3, new RandomStream(3));
        DeviceArray eight = fabricate(7, n, "c2c", "0", "maxWidth", "4");
        setWide(eight, 0, cols, n, 8, new RandomStream(3));
        for (int i = 0; i < n; i++) {
            // The step law written out: w alpha (1 - G0 / Gmax), w capped at maxWidth = 4.
            double unit = t.alpha()[i] * (1 - g0[i] / t.gmax()[i]);
            assertEquals(g0[i] + 3 * unit, three.conductances()[i], 1e-9, "device " + i);
            assertEquals(g0[i] + 4 * unit, eight.conductances()[i], 1e-9, "device " + i + ": 8 widths act as 4");
        }
        assertEquals(25.0, params().number("maxWidth"), 0, "gmaxMean / alphaMedian: a RESET device to Gmax");
    }

    // ---------------------------------------------------------------- fabrication

    @Test
    void gmaxIsNormalWithMean25AndRelativeSpread20Percent() {
        Truth t = truth(11, N);
        // Standard error of the mean is 5/sqrt(2e5) = 0.011 uS: 0.06 uS is about 5 of them.
        assertEquals(25.0, mean(t.gmax()), 0.06);
        // Standard error of a sample sd is sigma/sqrt(2n) = 0.0003 relative: 0.003 is 10 of them.
        assertEquals(0.20, sd(t.gmax()) / mean(t.gmax()), 0.003);
        // Clipped at 1 uS: no device is an open circuit (exact bound, a little float slack for the solve).
        assertTrue(Arrays.stream(t.gmax()).min().orElseThrow() >= 1.0 - 1e-6);
    }

    @Test
    void alphaIsLogNormalWithMedian1AndLogSpread04() {
        Truth t = truth(12, N);
        double[] ln = Arrays.stream(t.alpha()).map(Math::log).toArray();
        // Standard error of the median of ln(alpha) is 1.25 * 0.4 / sqrt(2e5) = 0.0011: 0.006 is about 5.
        assertEquals(0.0, Math.log(median(t.alpha())), 0.006);
        // Standard error of a sample sd: 0.4 / sqrt(4e5) = 0.0006; 0.004 is about 6 of them.
        assertEquals(0.40, sd(ln), 0.004);
        // The log is symmetric about ln(median) (a lognormal, not some other skewed law): mean of ln within 5 s.e.
        assertEquals(0.0, mean(ln), 0.005);
    }

    @Test
    void gmaxAndAlphaFollowTheirParameters() {
        DeviceArray a = fabricate(13, 50_000, "gmaxMean", "40uS", "gmaxSigmaRel", "0.05", "alphaMedian", "2.5uS",
                "alphaSigmaLn", "0.1", "c2c", "0");
        // Same twin solve on the overridden population.
        int n = a.size();
        int[] cols = all(n);
        double[] g0 = a.conductances().clone();
        a.set(0, cols, n, 1.0, new RandomStream(1));
        double[] g1 = a.conductances().clone();
        a.set(0, cols, n, 1.0, new RandomStream(2));
        double[] g2 = a.conductances().clone();
        double[] alpha = new double[n];
        double[] gmax = new double[n];
        for (int i = 0; i < n; i++) {
            double d1 = g1[i] - g0[i];
            double aOverM = (d1 - (g2[i] - g1[i])) / d1;
            alpha[i] = d1 + g0[i] * aOverM;
            gmax[i] = alpha[i] / aOverM;
        }
        // s.e. of the mean is 2/sqrt(5e4) = 0.009 uS; 0.05 uS is about 5 of them.
        assertEquals(40.0, mean(gmax), 0.05);
        // s.e. of the relative sd is 0.05/sqrt(1e5) = 0.00016; 0.002 is more than 10 of them.
        assertEquals(0.05, sd(gmax) / mean(gmax), 0.002);
        // s.e. of the log-median is 1.25 * 0.1 / sqrt(5e4) = 0.0006; 0.004 is about 7.
        assertEquals(Math.log(2.5), Math.log(median(alpha)), 0.004);
        assertEquals(0.1, sd(Arrays.stream(alpha).map(Math::log).toArray()), 0.002);
    }

    @Test
    void freshDevicesStartInTheResetState() {
        DeviceArray a = fabricate(14, N);
        assertInstanceOf(PcmArray.class, a);
        assertEquals(N, a.size());
        double[] g = a.conductances();
        // RESET state gReset*(1 + 0.1 xi): s.e. of the mean is 0.01/sqrt(2e5) = 2.2e-5 uS; 2e-4 is about 9.
        assertEquals(0.1, mean(g), 2e-4);
        // s.e. of the relative sd is 0.1/sqrt(4e5) = 1.6e-4; 0.002 is more than 10 of them.
        assertEquals(0.10, sd(g) / mean(g), 0.002);
        assertTrue(Arrays.stream(g).min().orElseThrow() >= 0);
    }

    // ---------------------------------------------------------------- SET

    @Test
    void noiselessSetStepIsExactlyStrengthTimesAlphaTimesDistanceToGmax() {
        int n = 20_000;
        Truth t = truth(21, n);
        DeviceArray a = fabricate(21, n, "c2c", "0");
        int[] cols = all(n);
        RandomStream rng = new RandomStream(3);
        double[] strengths = {0.3, 1.0, 2.0, 0.7, 5.0};
        for (double s : strengths) {
            double[] before = a.conductances().clone();
            setWide(a, 0, cols, n, s, rng);
            double[] after = a.conductances();
            for (int i = 0; i < n; i++) {
                double expected = Math.min(before[i] + s * t.alpha()[i] * Math.max(0, 1 - before[i] / t.gmax()[i]),
                        1.05 * t.gmax()[i]);
                // Exact law; 1e-9 uS only covers rounding in the recovered alpha and Gmax.
                assertEquals(expected, after[i], 1e-9, "device " + i + " strength " + s);
            }
        }
    }

    @Test
    void meanSetStepNearZeroScalesWithStrength() {
        double[] means = new double[3];
        double[] strengths = {0.25, 1.0, 2.0};
        for (int k = 0; k < strengths.length; k++) {
            DeviceArray a = fabricate(22, N);
            double[] before = a.conductances().clone();
            setWide(a, 0, all(N), N, strengths[k], new RandomStream(100 + k));
            double[] after = a.conductances();
            double sum = 0;
            for (int i = 0; i < N; i++) {
                sum += after[i] - before[i];
            }
            means[k] = sum / N;
        }
        // Expected mean step per unit strength at G ~ 0.1 uS: E[alpha] (1 - 0.1/25) = exp(0.08) * 0.996 = 1.079 uS.
        // Per-device CV of a noisy step is ~0.7, so the s.e. is 0.0016 relative; the clip at 0 adds < 0.5%.
        // 2% covers both with room.
        for (int k = 0; k < strengths.length; k++) {
            assertEquals(1.079 * strengths[k], means[k], 0.02 * 1.079 * strengths[k], "strength " + strengths[k]);
        }
        // Ratio of the same population's steps: same devices, so only the c2c noise differs (s.e. ~0.3%).
        assertEquals(8.0, means[2] / means[0], 0.08);
    }

    @Test
    void meanStepShrinksToZeroNearGmaxWhileNoiseCanStillLowerG() {
        int n = 20_000;
        int[] cols = all(n);
        DeviceArray quiet = fabricate(23, n, "c2c", "0");
        DeviceArray noisy = fabricate(23, n);
        double[] g0 = quiet.conductances().clone();
        quiet.set(0, cols, n, 1.0, new RandomStream(5));
        double firstStep = mean(diff(quiet.conductances(), g0));
        for (int p = 0; p < 400; p++) {
            quiet.set(0, cols, n, 1.0, new RandomStream(6 + p));
            noisy.set(0, cols, n, 1.0, new RandomStream(1000 + p));
        }
        double[] q = quiet.conductances().clone();
        quiet.set(0, cols, n, 1.0, new RandomStream(7));
        double lastQuiet = mean(diff(quiet.conductances(), q));
        // Noiseless: the step decays like (1 - alpha/Gmax)^n; after 400 pulses even slow devices are within
        // 1% of Gmax, so the mean step is below 2% of the first.
        assertTrue(lastQuiet >= 0 && lastQuiet < 0.02 * firstStep,
                "noiseless step near Gmax " + lastQuiet + " vs first step " + firstStep);

        double[] before = noisy.conductances().clone();
        noisy.set(0, cols, n, 1.0, new RandomStream(8));
        double[] step = diff(noisy.conductances(), before);
        // With noise the population sits at Gmax, where the mean step is 0: s.e. of the mean step is
        // 0.5 * 1.1 / sqrt(2e4) = 0.004 uS, so 10% of the first step (0.1 uS) is far outside chance.
        assertEquals(0.0, mean(step), 0.1 * firstStep, "mean step at Gmax");
        long down = Arrays.stream(step).filter(d -> d < 0).count();
        // Symmetric noise with a zero mean step lowers G in about half of the pulses; 30% is a safe floor.
        assertTrue(down > 0.3 * n, "SET pulses that lowered G near Gmax: " + down + " of " + n);
        // ... and the noisy population really is at its bound, not still climbing.
        Truth t = truth(23, n);
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = noisy.conductances()[i] / t.gmax()[i];
        }
        // Stationary spread is ~1.8 uS around Gmax = 25 (truncated at 1.05): mean ratio within 0.9..1.05.
        double r = mean(ratio);
        assertTrue(r > 0.9 && r <= 1.05, "mean G/Gmax " + r);
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    @Test
    void conductanceNeverLeavesZeroTo105PercentOfGmax() {
        int n = 20_000;
        Truth t = truth(24, n);
        // Large noise and strong pulses push devices into both clips.
        DeviceArray a = fabricate(24, n, "c2c", "2.0");
        int[] cols = all(n);
        RandomStream rng = new RandomStream(9);
        double lowest = Double.MAX_VALUE;
        double highestRatio = 0;
        int zeros = 0;
        for (int p = 0; p < 300; p++) {
            if (p % 100 == 0) {
                a.reset(0, cols, n, rng);
            }
            setWide(a, 0, cols, n, p % 2 == 0 ? 4.0 : 0.5, rng);
            double[] g = a.conductances();
            for (int i = 0; i < n; i++) {
                lowest = Math.min(lowest, g[i]);
                highestRatio = Math.max(highestRatio, g[i] / t.gmax()[i]);
                zeros += g[i] == 0 ? 1 : 0;
            }
        }
        assertTrue(lowest >= 0, "G below 0: " + lowest);
        // 1e-9 relative: float slack of the recovered Gmax only.
        assertTrue(highestRatio <= 1.05 + 1e-9, "G above 1.05 Gmax: ratio " + highestRatio);
        // The bounds were exercised, not just respected: both clips were hit.
        assertTrue(highestRatio > 1.05 - 1e-6, "ceiling never reached: " + highestRatio);
        assertTrue(zeros > 0, "floor never reached");
    }

    // ---------------------------------------------------------------- RESET

    @Test
    void resetPutsGAtGResetWithTenPercentSpread() {
        DeviceArray a = fabricate(31, N, "gReset", "0.5uS");
        int[] cols = all(N);
        RandomStream rng = new RandomStream(10);
        for (int p = 0; p < 5; p++) {
            setWide(a, 0, cols, N, 2.0, rng);
        }
        assertTrue(mean(a.conductances()) > 5, "devices were programmed up before the RESET");
        a.reset(0, cols, N, rng);
        double[] g = a.conductances();
        // s.e. of the mean is 0.05/sqrt(2e5) = 1.1e-4 uS; 1e-3 is about 9 of them.
        assertEquals(0.5, mean(g), 1e-3);
        // s.e. of the relative sd is 0.1/sqrt(4e5) = 1.6e-4; 0.002 is more than 10.
        assertEquals(0.10, sd(g) / mean(g), 0.002);
    }

    @Test
    void resetAndSetTouchOnlyTheAddressedDevices() {
        DeviceArray a = fabricate(32, 100);
        int[] all = all(100);
        RandomStream rng = new RandomStream(11);
        setWide(a, 0, all, 100, 3.0, rng);
        double[] before = a.conductances().clone();
        int[] cols = {1, 4, 7, 30};
        // base 20, first 3 of the list: devices 21, 24, 27 (30 is beyond count and must stay).
        a.reset(20, cols, 3, rng);
        double[] after = a.conductances().clone();
        Set<Integer> hit = new HashSet<>(List.of(21, 24, 27));
        for (int i = 0; i < 100; i++) {
            if (hit.contains(i)) {
                // A RESET from several uS lands near 0.1 uS: within 60% of gReset is 6 sigma of its noise.
                assertEquals(0.1, after[i], 0.06, "device " + i);
            } else {
                assertEquals(before[i], after[i], 0.0, "device " + i + " was not addressed");
            }
        }
        a.set(50, cols, 2, 1.0, rng);
        for (int i = 0; i < 100; i++) {
            if (i != 51 && i != 54) {
                assertEquals(after[i], a.conductances()[i], 0.0, "device " + i + " was not addressed");
            }
        }
        assertTrue(a.conductances()[51] != after[51] && a.conductances()[54] != after[54]);
    }

    // ---------------------------------------------------------------- read noise

    @Test
    void readNoiseVarianceIsSquareOfRelativePlusAbsoluteSigma() {
        for (String[] o : new String[][]{{}, {"readRel", "0.02", "readAbs", "0.3uS"}}) {
            DeviceArray a = fabricate(41, 1000, o);
            double rel = o.length == 0 ? 0.005 : 0.02;
            double abs = o.length == 0 ? 0.05 : 0.3;
            int[] all = all(1000);
            RandomStream rng = new RandomStream(12);
            for (int p = 0; p < 10; p++) {
                a.set(0, all, 1000, 1.0, rng);
            }
            int[] cols = {0, 3, 99, 500};
            double[] out = new double[4];
            a.readNoiseVariance(200, cols, 3, out);
            double[] g = a.conductances();
            for (int k = 0; k < 3; k++) {
                double sigma = rel * g[200 + cols[k]] + abs;
                // Closed form; relative 1e-12 only allows the order of floating operations to differ.
                assertEquals(sigma * sigma, out[k], 1e-12 * sigma * sigma);
            }
            assertEquals(0.0, out[3], 0.0, "only count entries are written");
            assertTrue(g[203] > 2, "read noise checked at a programmed, not a reset, conductance");
        }
    }

    // ---------------------------------------------------------------- drift

    @Test
    void noDriftUntilT0() {
        DeviceArray a = fabricate(51, 10_000, "driftT0", "100s");
        setWide(a, 0, all(10_000), 10_000, 5.0, new RandomStream(13));
        double[] g = a.conductances().clone();
        double[] out = new double[g.length];
        for (double t : new double[]{0, 1, 50, 100}) {
            a.drifted(t, out);
            assertArrayEquals(g, out, 0.0, "t = " + t + " s is not past t0 = 100 s");
        }
        a.drifted(150, out);
        assertFalse(Arrays.equals(g, out), "t = 150 s is past t0: G must drift");
    }

    @Test
    void driftIsAPowerLawWithExponentNu() {
        DeviceArray a = fabricate(52, N);
        setWide(a, 0, all(N), N, 5.0, new RandomStream(14));
        double[] g = a.conductances().clone();
        double t0 = 20;
        double[] times = {21, 60, 600, 3600, 86400, 3.15e7};
        double[] previous = g.clone();
        double[] out = new double[N];
        for (double t : times) {
            a.drifted(t, out);
            double logRatio = Math.log(t / t0);
            double[] nuHat = new double[N];
            int m = 0;
            for (int i = 0; i < N; i++) {
                // Monotone: no device rises with time, and each drifts no less than at the previous time.
                assertTrue(out[i] <= previous[i], "device " + i + " rose between times at t = " + t);
                if (g[i] > 0) {
                    // A noisy SET can leave a device at exactly 0 uS, which stays 0 and has no exponent to measure.
                    nuHat[m++] = -Math.log(out[i] / g[i]) / logRatio;
                }
            }
            assertTrue(m > 0.9 * N, "most devices were programmed above 0");
            nuHat = Arrays.copyOf(nuHat, m);
            // Geometric mean of G(t)/G is exactly (t/t0)^-nu_mean: s.e. of the mean nu is 0.01/sqrt(2e5) = 2e-5,
            // so 5e-4 (1%) leaves room for rounding at t close to t0 where log(t/t0) is small.
            assertEquals(0.05, mean(nuHat), 5e-4, "mean drift exponent at t = " + t);
            // Device-to-device spread of nu is 0.01: s.e. of the sd is 0.01/sqrt(4e5) = 1.6e-5; 5e-4 is lenient.
            assertEquals(0.01, sd(nuHat), 5e-4, "spread of the drift exponent at t = " + t);
            previous = out.clone();
        }
        // After a year, G is about (3.15e7/20)^-0.05 = 0.49 of its programmed value.
        double ratio = mean(previous) / mean(g);
        assertEquals(Math.pow(3.15e7 / 20, -0.05), ratio, 0.02);
        assertArrayEquals(g, a.conductances(), 0.0, "drifted() must not change the programmed state");
    }

    // ---------------------------------------------------------------- determinism

    @Test
    void sameSeedGivesBitIdenticalDevicesAndDifferentSeedDifferent() {
        double[][] runs = new double[3][];
        long[] seeds = {61, 61, 62};
        for (int r = 0; r < 3; r++) {
            DeviceArray a = fabricate(seeds[r], 5000);
            int[] cols = all(5000);
            RandomStream pulses = new RandomStream(15);
            double[] fresh = a.conductances().clone();
            a.set(0, cols, 5000, 1.0, pulses);
            a.set(0, cols, 5000, 0.5, pulses);
            a.reset(0, cols, 2500, pulses);
            setWide(a, 0, cols, 5000, 2.0, pulses);
            double[] drifted = new double[5000];
            a.drifted(1e5, drifted);
            // Fabricated state, programmed state (alpha, Gmax) and drift (nu) in one vector.
            double[] all = new double[15000];
            System.arraycopy(fresh, 0, all, 0, 5000);
            System.arraycopy(a.conductances(), 0, all, 5000, 5000);
            System.arraycopy(drifted, 0, all, 10000, 5000);
            runs[r] = all;
        }
        assertTrue(Arrays.equals(runs[0], runs[1]), "same seed must give bit-identical devices");
        int same = 0;
        for (int i = 0; i < runs[0].length; i++) {
            // Devices clipped at exactly 0 uS agree by construction; any other tie is a coincidence.
            same += runs[0][i] == runs[2][i] && runs[0][i] != 0 ? 1 : 0;
        }
        // Independent populations agree on no continuous value (0 ties expected; a handful allowed).
        assertTrue(same < 10, "different seeds gave " + same + " identical values");
    }

    // ---------------------------------------------------------------- parameters

    @Test
    void everyDefaultParsesWithinItsRange() {
        Set<String> names = new HashSet<>();
        for (ParameterSpec spec : MODEL.parameters()) {
            assertTrue(names.add(spec.name()), "duplicate parameter " + spec.name());
            assertNotNull(spec.defaultValue(), spec.name() + " needs a default: the model has no required keys");
            assertFalse(spec.description() == null || spec.description().isBlank(), spec.name() + " description");
            Object v = spec.parse(spec.defaultValue());
            if (spec.quantity() == org.xbarsim.api.param.Quantity.CHOICE) {
                assertTrue(spec.choices().contains(v), spec.name() + " default " + v);
                continue;
            }
            double d = assertInstanceOf(Double.class, v, spec.name());
            assertTrue(d >= spec.min() && d <= spec.max(), spec.name() + " = " + d + " outside " + spec.rangeText());
        }
        assertEquals(Set.of("gmaxMean", "gmaxSigmaRel", "alphaMedian", "alphaSigmaLn", "c2c", "gReset", "resetRel",
                "meltAmplitude", "resetAmplitude", "maxWidth", "relaxation", "readRel", "readAbs", "driftNuMean", "driftNuSigma",
                "driftT0", "driftLaw", "readNoiseLaw", "readNoiseSampling", "statGReference", "readTime",
                "stuckAtMinFraction", "stuckAtMaxFraction"), names);
    }

    @Test
    void defaultsAreTheScienceNotesValues() {
        Map<String, Double> science = Map.ofEntries(Map.entry("gmaxMean", 25.0), Map.entry("gmaxSigmaRel", 0.20),
                Map.entry("alphaMedian", 1.0), Map.entry("alphaSigmaLn", 0.40), Map.entry("c2c", 0.50),
                Map.entry("gReset", 0.1), Map.entry("resetRel", 0.10), Map.entry("readRel", 0.005),
                Map.entry("readAbs", 0.05), Map.entry("driftNuMean", 0.05), Map.entry("driftNuSigma", 0.01),
                Map.entry("driftT0", 20.0));
        Parameters p = params();
        for (Map.Entry<String, Double> e : science.entrySet()) {
            // Canonical units (uS, s): values are exact decimal literals, so only rounding is allowed.
            assertEquals(e.getValue(), p.number(e.getKey()), 1e-12, e.getKey());
        }
    }

    @Test
    void defaultPresetEqualsTheSpecDefaults() {
        Preset preset = MODEL.presets().stream().filter(x -> x.name().equals("default")).findFirst().orElseThrow();
        assertFalse(preset.citation().isBlank(), "a preset cites its source");
        Map<String, ParameterSpec> specs = new HashMap<>();
        MODEL.parameters().forEach(s -> specs.put(s.name(), s));
        // Stuck-at faults are a property of a chip, not of the technology: presets leave them at 0.
        Set<String> technology = new HashSet<>(specs.keySet());
        StuckFaults.PARAMETERS.forEach(s -> technology.remove(s.name()));
        assertEquals(technology, preset.values().keySet(), "the preset sets every technology parameter and no other");
        for (Map.Entry<String, String> e : preset.values().entrySet()) {
            ParameterSpec spec = specs.get(e.getKey());
            assertEquals(spec.parse(spec.defaultValue()), spec.parse(e.getValue()), e.getKey());
        }
    }

    @Test
    void modelIdIsPcm() {
        assertEquals("pcm", MODEL.id());
    }

    @Test
    void readNoiseAtGivenConductancesUsesThoseConductances() {
        DeviceArray a = fabricate(21, 1000);
        double[] g = new double[a.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = 0.02 * i; // not the devices' own state: a drifted or hypothetical one
        }
        double[] out = new double[a.size()];
        a.readNoiseVariances(g, out);
        for (int i = 0; i < g.length; i++) {
            double sigma = 0.005 * g[i] + 0.05;
            assertEquals(sigma * sigma, out[i], 1e-15);
        }
    }
}
