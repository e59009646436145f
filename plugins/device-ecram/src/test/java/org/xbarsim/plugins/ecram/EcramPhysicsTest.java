package org.xbarsim.plugins.ecram;

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
 * The ECRAM model against aihwkit's definitions, computed again here from aihwkit's sources (commit
 * 4545f11): the EcRamPresetDevice values (simulator/presets/devices.py lines 159-185), the population
 * rules (rpucuda/rpu_pulsed_device.cpp lines 600-640, rpu_linearstep_device.cpp lines 35-71) and the
 * linear step with multiplicative noise (rpu_linearstep_device.cpp lines 126-132), simulated pulse by
 * pulse in {@link #pulses}. Statistical tolerances are 4-6 standard errors at the sample size used.
 */
class EcramPhysicsTest {
    private static final EcramDeviceModel MODEL = new EcramDeviceModel();
    private static final int N = 100_000;
    /** aihwkit's EcRamPresetDevice, written out (presets/devices.py lines 159-182). */
    private static final double DW_MIN = 0.002;
    private static final double W_MAX = 1.1724;
    private static final double W_MIN = -0.8276;
    private static final double BOUND_DTOD = 0.05;
    private static final double GAMMA_UP = 0.1153;
    private static final double GAMMA_DOWN = 0.5085;
    private static final double GAMMA_DTOD = 0.05;
    private static final double DW_MIN_STD = 0.3;
    /** xbarsim's mapping: G = 13.5 uS + 12.5 uS w. */
    private static final double G0 = 13.5;
    private static final double PER_UNIT = 12.5;
    private static final String[] UNIFORM = {"wMaxDtod", "0", "wMinDtod", "0", "dwMinDtod", "0", "upDownDtod", "0",
        "gammaUpDtod", "0", "gammaDownDtod", "0"};

    static EcramArray fabricate(long seed, int n, String... overrides) {
        return (EcramArray) MODEL.fabricate(Parameters.of(MODEL.parameters(), overrides), n, new RandomStream(seed));
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

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    static double sd(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }

    /**
     * n potentiation pulses of rpu_linearstep_device.cpp lines 129-132: w += (slope_up w + scale_up)(1 + s xi)
     * with slope_up = -gamma scale_up / w_max (lines 52-63, mean bound reference), clipped to the bounds.
     */
    static double pulses(double w, double gamma, double scale, int n, RandomStream rng) {
        double slope = -gamma * scale / W_MAX;
        for (int k = 0; k < n; k++) {
            w += (slope * w + scale) * (1 + DW_MIN_STD * rng.nextGaussian());
            w = Math.min(Math.max(w, W_MIN), W_MAX);
        }
        return w;
    }

    // ---------------------------------------------------------------- population

    /** Bounds spread by 5% of their own mean (0.059 and 0.041 weight units: 0.73 and 0.52 uS). */
    @Test
    void boundsSpreadByFivePercentOfEachBound() {
        EcramArray a = fabricate(1, N);
        double[] hi = new double[N];
        double[] lo = new double[N];
        for (int i = 0; i < N; i++) {
            hi[i] = a.pulsed().upper(i);
            lo[i] = a.pulsed().lower(i);
        }
        // Standard errors of the sd: 0.0586 / sqrt(2N) = 1.3e-4; 6e-4 is 4-5 of them.
        assertEquals(W_MAX, mean(hi), 0.001);
        assertEquals(BOUND_DTOD * W_MAX, sd(hi), 6e-4);
        assertEquals(W_MIN, mean(lo), 0.001);
        assertEquals(BOUND_DTOD * -W_MIN, sd(lo), 6e-4);
        assertEquals(G0 + PER_UNIT * lo[5], a.gmin(5), 1e-12);
        assertEquals(G0 + PER_UNIT * hi[5], a.gmax(5), 1e-12);
    }

    /**
     * gamma = |gamma_mean + gamma_dtod z|: an additive spread of 0.05 (rpu_linearstep_device.cpp lines 35-43),
     * not a relative one (which would be 0.05 x 0.1153 = 0.006 for gamma_up). Recovered from the slope:
     * gamma = slope w_max / scale, the mean bound w_max (mean_bound_reference), whatever the device's own bound.
     */
    @Test
    void nonlinearitiesSpreadAdditivelyAndReferToTheMeanBound() {
        EcramArray a = fabricate(2, N);
        double[] gammaUp = new double[N];
        double[] gammaDown = new double[N];
        double[] hi = new double[N];
        for (int i = 0; i < N; i++) {
            gammaUp[i] = a.slopeUp(i) * W_MAX / a.pulsed().scaleUp(i);
            gammaDown[i] = a.slopeDown(i) * -W_MIN / a.pulsed().scaleDown(i);
            hi[i] = a.pulsed().upper(i);
        }
        // gamma_up folds at 0 for z < -2.3 (1% of devices), lifting the sd's mean a little: standard errors
        // 1.6e-4 (mean), 1.1e-4 (sd).
        assertEquals(GAMMA_UP, mean(gammaUp), 0.0012);
        assertEquals(GAMMA_DTOD, sd(gammaUp), 0.0015);
        assertEquals(GAMMA_DOWN, mean(gammaDown), 0.001);
        assertEquals(GAMMA_DTOD, sd(gammaDown), 0.001);
        double cov = 0;
        for (int i = 0; i < N; i++) {
            cov += (gammaUp[i] - mean(new double[] {GAMMA_UP})) * (hi[i] - W_MAX) / N;
        }
        // With the mean bound as reference, the slope's gamma owes nothing to the device's bound: correlation
        // 0 with standard error 0.003.
        assertEquals(0, cov / (sd(gammaUp) * sd(hi)), 0.015);
        EcramArray own = fabricate(2, 1000, "meanBoundReference", "off");
        assertEquals(a.slopeUp(7) * W_MAX / own.pulsed().upper(7), own.slopeUp(7), 1e-12, "off: the device's own bound");
    }

    @Test
    void stepsSpreadAsAGaussianOfTenPercent() {
        EcramArray a = fabricate(3, N);
        double[] up = new double[N];
        Arrays.setAll(up, i -> a.pulsed().scaleUp(i) / DW_MIN);
        assertEquals(1.0, mean(up), 0.0015);
        assertEquals(Math.sqrt(0.1 * 0.1 + 0.01 * 0.01), sd(up), 0.0015);
    }

    // ---------------------------------------------------------------- pulses

    /** A unit SET (40 pulses) from the symmetry point against 40 aihwkit pulses one at a time. */
    @Test
    void aSetIsFortyAihwkitPulses() {
        EcramArray a = fabricate(4, N, UNIFORM);
        a.set(0, all(N), N, 1.0, 100.0, new RandomStream(5)); // off the lower bound, to about w = 0
        double[] before = a.conductances().clone();
        a.set(0, all(N), N, 1.0, 1.0, new RandomStream(6));
        double[] model = Arrays.stream(a.conductances()).toArray();
        RandomStream rng = new RandomStream(7);
        double[] reference = new double[N];
        for (int i = 0; i < N; i++) {
            reference[i] = G0 + PER_UNIT * pulses((before[i] - G0) / PER_UNIT, GAMMA_UP, DW_MIN, 40, rng);
        }
        double[] moveModel = new double[N];
        double[] moveReference = new double[N];
        Arrays.setAll(moveModel, i -> model[i] - before[i]);
        Arrays.setAll(moveReference, i -> reference[i] - before[i]);
        // Moves of about 1 uS with sd 0.3 x 0.025 x sqrt(40) = 0.047 uS: standard errors 1.5e-4 and 1e-4 uS.
        assertEquals(mean(moveReference), mean(moveModel), 8e-4);
        assertEquals(sd(moveReference), sd(moveModel), 8e-4);
    }

    /** The step falls linearly from the symmetry point to (1 - gamma) of it at the mean bound. */
    @Test
    void theStepAtTheUpperBoundIsOneMinusGammaOfItsSymmetryPointStep() {
        EcramArray a = fabricate(8, 1, with(UNIFORM, "dwMinStd", "0", "wMax", "10"));
        // wMax 10 moves the clip far away; the slope still refers to the mean bound of 10.
        double g = a.conductances()[0];
        a.set(0, new int[] {0}, 1, 0.025, 1.0, new RandomStream(1)); // one minimal pulse from w_min
        double step = a.conductances()[0] - g;
        assertEquals(PER_UNIT * DW_MIN * (1 - GAMMA_UP * -0.8276 / 10), step, 1e-9);
    }

    @Test
    void aResetEmptiesTheChannelToTheLowerBound() {
        EcramArray a = fabricate(9, N);
        a.set(0, all(N), N, 2.0, 10.0, new RandomStream(10));
        a.reset(0, all(N), N, new RandomStream(11));
        for (int i = 0; i < N; i++) {
            assertEquals(a.gmin(i), a.conductances()[i], 1e-9, "device " + i);
        }
    }

    @Test
    void conductanceStaysInEachDevicesWindow() {
        EcramArray a = fabricate(12, 10_000);
        RandomStream rng = new RandomStream(13);
        for (int p = 0; p < 50; p++) {
            a.set(0, all(10_000), 10_000, 2.0, 20.0, rng);
            for (int i = 0; i < 10_000; i++) {
                assertTrue(a.conductances()[i] <= a.gmax(i) + 1e-9 && a.conductances()[i] >= a.gmin(i) - 1e-9);
            }
        }
        assertEquals(a.gmax(3), a.conductances()[3], 1e-9, "saturated at its upper bound");
    }

    @Test
    void aSetAboveTheAmplitudeLimitStepsAsOneAtIt() {
        EcramArray capped = fabricate(14, 1000, UNIFORM);
        EcramArray limit = fabricate(14, 1000, UNIFORM);
        capped.set(0, all(1000), 1000, 7.0, 1.0, new RandomStream(15));
        limit.set(0, all(1000), 1000, 2.0, 1.0, new RandomStream(15));
        assertArrayEquals(limit.conductances(), capped.conductances());
    }

    // ---------------------------------------------------------------- reads, faults, memory

    @Test
    void noDriftAndSmallReadNoise() {
        EcramArray a = fabricate(16, 1000);
        a.set(0, all(1000), 1000, 1.0, 5.0, new RandomStream(17));
        double[] out = new double[1000];
        a.drifted(3.15e7, out);
        assertArrayEquals(a.conductances(), out);
        double[] v = new double[1];
        a.readNoiseVariance(0, new int[] {4}, 1, v);
        assertEquals(Math.pow(0.002 * a.conductances()[4] + 0.02, 2), v[0], 1e-15);
    }

    @Test
    void sameSeedSameResult() {
        double[][] runs = new double[3][];
        long[] seeds = {21, 21, 22};
        for (int r = 0; r < 3; r++) {
            EcramArray a = fabricate(seeds[r], 1000);
            a.set(0, all(1000), 1000, 1.0, 7.0, new RandomStream(5));
            runs[r] = a.conductances().clone();
        }
        assertArrayEquals(runs[0], runs[1]);
        assertFalse(Arrays.equals(runs[0], runs[2]));
    }

    @Test
    void stuckDevicesNeverMove() {
        EcramArray a = fabricate(30, N, "stuckAtMinFraction", "0.02", "stuckAtMaxFraction", "0.03");
        double[] fabricated = a.conductances().clone();
        a.set(0, all(N), N, 1.0, 5.0, new RandomStream(31));
        int low = 0;
        int high = 0;
        for (int i = 0; i < N; i++) {
            if (a.conductances()[i] == fabricated[i]) {
                low += fabricated[i] == a.gmin(i) ? 1 : 0;
                high += fabricated[i] == a.gmax(i) ? 1 : 0;
            }
        }
        assertEquals(0.02, low / (double) N, 0.0025);
        assertEquals(0.03, high / (double) N, 0.003);
    }

    /** The conductance (8 bytes) and six 16-bit deviates: 20 bytes a device. */
    @Test
    void aDeviceTakesTwentyBytes() {
        assertEquals(20L * 1000, fabricate(1, 1000).memoryBytes());
    }

    @Test
    void defaultPresetHoldsAihwkitsValuesAndTheSpecDefaults() {
        Preset p = MODEL.presets().get(0);
        assertTrue(p.citation().contains("Tang") && p.citation().contains("EcRamPresetDevice"), p.citation());
        MODEL.parameters().stream().filter(s -> p.values().containsKey(s.name()))
                .forEach(s -> assertEquals(s.parse(s.defaultValue()), s.parse(p.values().get(s.name())), s.name()));
        assertEquals(MODEL.parameters().size() - 2, p.values().size(), "every parameter but the stuck-at faults");
        Parameters d = Parameters.of(MODEL.parameters());
        assertEquals(GAMMA_UP, d.number("gammaUp"));
        assertEquals(GAMMA_DOWN, d.number("gammaDown"));
        assertEquals(GAMMA_DTOD, d.number("gammaUpDtod"));
        assertEquals(DW_MIN_STD, d.number("dwMinStd"));
        assertEquals("on", d.text("meanBoundReference"));
    }

    private static double q(double z) {
        return Math.max(-32767, Math.min(32767, Math.round(z * 4096))) / 4096.0;
    }

    /**
     * Every draw in its place, against aihwkit's population rules written out with the same deviates
     * (rounded to 1/4096 as stored): the drift seed, then per device z(w_max), z(w_min), z(gain), z(up-down),
     * z(gamma_up), z(gamma_down). With up_down = +-0.1 the bias goes to the down or the up step.
     */
    @Test
    void theFabricationStreamGivesEachDeviceAihwkitsParameters() {
        for (String upDown : new String[] {"0.1", "-0.1"}) {
            int n = 200;
            EcramArray a = fabricate(51, n, "upDown", upDown, "wMinDtod", "0.9", "wMaxDtod", "0.9");
            RandomStream fab = new RandomStream(51);
            fab.nextLong();
            double ud = Double.parseDouble(upDown);
            for (int i = 0; i < n; i++) {
                double hi = W_MAX * (1 + 0.9 * q(fab.nextGaussian()));
                double lo = W_MIN * (1 + 0.9 * q(fab.nextGaussian()));
                if (lo > hi) {
                    double t = lo;
                    lo = hi;
                    hi = t;
                }
                assertEquals(Math.abs(hi), a.pulsed().upper(i), 1e-15, "b_max " + i);
                assertEquals(-Math.abs(lo), a.pulsed().lower(i), 1e-15, "b_min " + i);
                double gain = 1 + 0.1 * q(fab.nextGaussian());
                double r = 0.01 * q(fab.nextGaussian());
                double scaleUp = Math.abs((ud > 0 ? 0 : ud) + gain + r) * DW_MIN;
                double scaleDown = Math.abs((ud > 0 ? -ud : 0) + gain - r) * DW_MIN;
                assertEquals(scaleUp, a.pulsed().scaleUp(i), 1e-15);
                assertEquals(scaleDown, a.pulsed().scaleDown(i), 1e-15);
                double gUp = Math.abs(GAMMA_UP + GAMMA_DTOD * q(fab.nextGaussian()));
                double gDown = Math.abs(GAMMA_DOWN + GAMMA_DTOD * q(fab.nextGaussian()));
                assertEquals(gUp * scaleUp / W_MAX, a.slopeUp(i), 1e-15, "slope up " + i);
                assertEquals(gDown * scaleDown / -W_MIN, a.slopeDown(i), 1e-15, "slope down " + i);
                assertEquals(G0 + PER_UNIT * -Math.abs(lo), a.conductances()[i], 1e-12, "fabricated empty " + i);
            }
        }
    }

    /** A SET and a weak depression, device by device, against the closed form with the stream's deviates. */
    @Test
    void pulsesUseTheStreamsDeviatesDeviceByDevice() {
        int n = 100;
        EcramArray a = fabricate(52, n);
        a.set(0, all(n), n, 1.0, 30.0, new RandomStream(53));
        double[] w = new double[n];
        Arrays.setAll(w, a::weight);
        a.set(0, all(n), n, 1.5, 1.0, new RandomStream(54));
        RandomStream mine = new RandomStream(54);
        for (int i = 0; i < n; i++) {
            double v = LinearStepPulses.apply(w[i], a.pulsed().scaleUp(i), a.slopeUp(i), DW_MIN_STD, 60, mine);
            assertEquals(G0 + PER_UNIT * Math.min(Math.max(v, a.pulsed().lower(i)), a.pulsed().upper(i)), a.conductances()[i], 1e-12);
            w[i] = a.weight(i);
        }
        a.depress(0, all(n), n, 25, new RandomStream(55));
        mine = new RandomStream(55);
        for (int i = 0; i < n; i++) {
            double v = -LinearStepPulses.apply(-w[i], a.pulsed().scaleDown(i), a.slopeDown(i), DW_MIN_STD, 25, mine);
            assertEquals(G0 + PER_UNIT * Math.min(Math.max(v, a.pulsed().lower(i)), a.pulsed().upper(i)), a.conductances()[i], 1e-12);
            assertTrue(a.weight(i) < w[i], "a depression lowers device " + i);
        }
        EcramArray stuck = fabricate(56, 1000, "stuckAtMaxFraction", "1");
        stuck.reset(0, all(1000), 1000, new RandomStream(57));
        for (int i = 0; i < 1000; i++) {
            assertEquals(stuck.gmax(i), stuck.conductances()[i], 0.0, "a RESET leaves a stuck-high device at Gmax");
        }
        assertTrue(MODEL.description().contains("aihwkit"));
    }

    @Test
    void twoChipsDriftDifferentlyWhenDriftIsOn() {
        EcramArray one = fabricate(61, 100, "driftNuSigma", "0.01");
        EcramArray two = fabricate(62, 100, "driftNuSigma", "0.01");
        one.set(0, all(100), 100, 1.0, 5.0, new RandomStream(1));
        two.set(0, all(100), 100, 1.0, 5.0, new RandomStream(1));
        double[] a = new double[100];
        double[] b = new double[100];
        one.drifted(1e4, a);
        two.drifted(1e4, b);
        assertTrue(a[0] / one.conductances()[0] != b[0] / two.conductances()[0]);
    }
}
