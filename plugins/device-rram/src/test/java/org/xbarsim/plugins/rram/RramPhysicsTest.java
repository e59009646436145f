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
 * The RRAM model against aihwkit's definitions, computed again here from aihwkit's sources (commit
 * 4545f11): the ReRamSBPresetDevice values (simulator/presets/devices.py lines 72-89), the
 * population rules (rpucuda/rpu_pulsed_device.cpp lines 600-640), and the soft-bounds reference
 * pulse with additive noise and write noise (rpucuda/rpu_softbounds_reference_device.cpp lines
 * 155-173, rpu_pulsed_device.h line 104) simulated pulse by pulse in {@link #upPulses} and
 * {@link #downPulses}. Statistical tolerances are 4-6 standard errors at the sample size used.
 */
class RramPhysicsTest {
    private static final RramDeviceModel MODEL = new RramDeviceModel();
    private static final int N = 100_000;
    /** aihwkit's ReRamSBPresetDevice, written out (presets/devices.py lines 72-89). */
    private static final double DW_MIN = 0.002;
    private static final double W_MAX = 1.25;
    private static final double W_MIN = -0.75;
    private static final double SPREAD = 0.3; // w_max_dtod * w_max = w_min_dtod * |w_min| = 0.3
    private static final double DW_MIN_STD = 3.75;
    private static final double WRITE_NOISE = 56 * DW_MIN; // rpu_pulsed_device.h line 104: write_noise_std * dw_min
    /** xbarsim's mapping: G = 27 uS + 12 uS w. */
    private static final double G0 = 27;
    private static final double PER_UNIT = 12;
    /** Every device the mean device (no device-to-device spread): pulses can be compared on equal devices. */
    private static final String[] UNIFORM = {"wMaxDtod", "0", "wMinDtod", "0", "dwMinDtod", "0", "upDownDtod", "0"};

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

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    static double sd(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }

    /** n up pulses of rpu_softbounds_reference_device.cpp lines 155-165 (additive noise, reference 0), one at a time. */
    static double upPulses(double w, double bMax, double bMin, double scaleUp, int n, RandomStream rng) {
        for (int k = 0; k < n; k++) {
            double a = bMax > 0 ? w / bMax : 0;
            w += scaleUp * (1 - a + DW_MIN_STD * rng.nextGaussian());
            w = Math.min(Math.max(w, bMin), bMax);
        }
        return w;
    }

    /** n down pulses of the same lines (sign > 0). */
    static double downPulses(double w, double bMax, double bMin, double scaleDown, int n, RandomStream rng) {
        for (int k = 0; k < n; k++) {
            double a = bMin < 0 ? w / bMin : 0;
            w -= scaleDown * (1 - a + DW_MIN_STD * rng.nextGaussian());
            w = Math.min(Math.max(w, bMin), bMax);
        }
        return w;
    }

    // ---------------------------------------------------------------- population

    /**
     * Bounds spread by w_max_dtod relative to w_max and w_min_dtod relative to w_min (rpu_pulsed_device.cpp
     * lines 618-619): 0.3 weight units each, 3.6 uS at 12 uS a unit. (Before: relative to xbarsim's own 25 uS
     * and 1 uS bounds, 6 uS and 0.4 uS.)
     */
    @Test
    void boundsSpreadByPointThreeWeightUnitsEach() {
        RramArray a = fabricate(1, N);
        double[] hi = new double[N];
        double[] lo = new double[N];
        for (int i = 0; i < N; i++) {
            hi[i] = a.pulsed().upper(i);
            lo[i] = a.pulsed().lower(i);
            assertEquals(G0 + PER_UNIT * lo[i], a.gmin(i), 1e-12);
            assertEquals(G0 + PER_UNIT * hi[i], a.gmax(i), 1e-12);
        }
        // Standard errors: mean 0.3 / sqrt(N) = 0.001, sd 0.3 / sqrt(2N) = 0.0007; 0.005 and 0.004 are 5-6 of them.
        // |.| and the swap of crossed bounds (rpu_pulsed_device.cpp 636-640) touch 3e-7 of the upper bounds
        // and 0.6% of the lower ones (1 + 0.4 z < 0 for z < -2.5), whose folding lifts the lower mean by 0.0007.
        assertEquals(W_MAX, mean(hi), 0.005);
        assertEquals(SPREAD, sd(hi), 0.004);
        assertEquals(W_MIN, mean(lo), 0.005);
        assertEquals(SPREAD, sd(lo), 0.004);
        assertEquals(PER_UNIT * SPREAD, sd(Arrays.stream(hi).map(a::conductance).toArray()), 0.05, "Gmax spread, uS");
        assertEquals(PER_UNIT * SPREAD, sd(Arrays.stream(lo).map(a::conductance).toArray()), 0.05, "Gmin spread, uS");
        assertTrue(Arrays.stream(lo).allMatch(v -> v <= 0) && Arrays.stream(hi).allMatch(v -> v >= 0));
    }

    /**
     * The step scale (gain + r) dw_min with gain = 1 + 0.3 z, Gaussian (dw_min_dtod_log_normal false,
     * rpu_pulsed_device.cpp lines 621-629), r = 0.01 z: mean dw_min, sd 0.3 dw_min, no skew (a log-normal
     * of 0.3 would have mean 1.046 dw_min and skewness 0.95).
     */
    @Test
    void stepsSpreadAsAGaussianOfThirtyPercent() {
        RramArray a = fabricate(2, N);
        double[] up = new double[N];
        double[] down = new double[N];
        double skew = 0;
        for (int i = 0; i < N; i++) {
            up[i] = a.pulsed().scaleUp(i) / DW_MIN;
            down[i] = a.pulsed().scaleDown(i) / DW_MIN;
        }
        double m = mean(up);
        double s = sd(up);
        for (double v : up) {
            skew += Math.pow((v - m) / s, 3) / N;
        }
        // Standard errors: mean 0.001, sd 0.0007, skewness sqrt(6/N) = 0.008; |.| folds 0.04% of the gains.
        assertEquals(1.0, m, 0.005);
        assertEquals(Math.sqrt(0.3 * 0.3 + 0.01 * 0.01), s, 0.004);
        assertEquals(0.0, skew, 0.04);
        // up - down = 2 r dw_min: the up-down spread of 0.01, the same r with opposite signs.
        double[] diff = new double[N];
        Arrays.setAll(diff, i -> up[i] - down[i]);
        assertEquals(2 * 0.01, sd(diff), 0.0002);
    }

    // ---------------------------------------------------------------- pulses

    /**
     * A unit SET (26 minimal pulses) from a device's lower bound: the whole population's conductance
     * against 26 aihwkit pulses simulated one at a time, plus write noise, on equal devices.
     */
    @Test
    void aSetIsTwentySixAihwkitPulsesWithWriteNoise() {
        RramArray a = fabricate(3, N, UNIFORM);
        double[] start = a.conductances().clone();
        a.set(0, all(N), N, 1.0, 1.0, new RandomStream(4));
        double[] model = a.conductances().clone();
        RandomStream rng = new RandomStream(5);
        double[] reference = new double[N];
        for (int i = 0; i < N; i++) {
            double w = upPulses(W_MIN, W_MAX, W_MIN, DW_MIN, 26, rng);
            reference[i] = G0 + PER_UNIT * (w + WRITE_NOISE * rng.nextGaussian());
        }
        // sd about 1.6 uS: standard errors of the mean 0.005 uS and of the sd 0.0036 uS; 0.025 and 0.02 are 5 of
        // them for each of two samples. (Taken in one step with a reflection instead of aihwkit's per-pulse clip
        // at the lower bound, the mean would be 0.055 uS low: this test fails then.)
        assertEquals(mean(reference), mean(model), 0.025);
        assertEquals(sd(reference), sd(model), 0.02);
        assertEquals(G0 + PER_UNIT * W_MIN, mean(start), 0.02, "fabricated at the lower bound (plus write noise)");
    }

    /** A long SET far into the soft bound (4 x 2 x 26 = 208 pulses from mid-window), against the same pulses. */
    @Test
    void aStrongSetApproachesTheUpperBoundAsAihwkitsPulsesDo() {
        RramArray a = fabricate(6, N, with(UNIFORM, "writeNoiseStd", "0"));
        a.set(0, all(N), N, 1.0, 10.0, new RandomStream(7)); // 260 pulses: to about w = 0.2
        double[] before = a.conductances().clone();
        a.set(0, all(N), N, 2.0, 4.0, new RandomStream(8));
        double[] model = a.conductances().clone();
        RandomStream rng = new RandomStream(9);
        double[] reference = new double[N];
        for (int i = 0; i < N; i++) {
            double w = upPulses((before[i] - G0) / PER_UNIT, W_MAX, W_MIN, DW_MIN, 208, rng);
            reference[i] = G0 + PER_UNIT * w;
        }
        // sd about 1.2 uS: standard errors 0.004 (mean) and 0.003 (sd) per sample.
        assertEquals(mean(reference), mean(model), 0.02);
        assertEquals(sd(reference), sd(model), 0.02);
    }

    /**
     * A RESET (3000 minimal down pulses) settles at the lower bound with aihwkit's clipped noise: against
     * 3000 pulses one at a time. The settled spread above the bound, sigma sqrt(a |b_min| / 2) = 0.10
     * weight units (1.2 uS), dwarfs one pulse's noise (0.0075), so the clip acts as a reflection.
     */
    @Test
    void aResetSettlesAtTheLowerBoundAsAihwkitsPulsesDo() {
        int n = 20_000;
        RramArray a = fabricate(10, n, with(UNIFORM, "writeNoiseStd", "0"));
        a.set(0, all(n), n, 1.0, 30.0, new RandomStream(11));
        a.reset(0, all(n), n, new RandomStream(12));
        double[] model = Arrays.stream(a.conductances()).map(g -> (g - G0) / PER_UNIT - W_MIN).toArray();
        RandomStream rng = new RandomStream(13);
        double[] reference = new double[n];
        for (int i = 0; i < n; i++) {
            reference[i] = downPulses(0.5, W_MAX, W_MIN, DW_MIN, 3000, rng) - W_MIN;
        }
        double expectedSd = DW_MIN_STD * Math.sqrt(DW_MIN * 0.75 / 2);
        assertEquals(0.1027, expectedSd, 1e-4);
        // Means of about 0.08 weight units: standard errors 0.0004 per sample. The discrete clip leaves a few
        // devices exactly at the bound where the reflection does not: measured difference 0.003 (4%).
        assertEquals(mean(reference), mean(model), 0.006);
        assertEquals(sd(reference), sd(model), 0.006);
        assertTrue(Arrays.stream(model).allMatch(v -> v >= -1e-12), "never below the lower bound");
    }

    /** Reads see the persistent weight plus write noise of 56 dw_min, drawn afresh at every pulse. */
    @Test
    void writeNoiseIsRedrawnAtEveryPulse() {
        RramArray noisy = fabricate(14, N, UNIFORM);
        RramArray quiet = fabricate(14, N, with(UNIFORM, "writeNoiseStd", "0"));
        double[] first = null;
        double[] drawn = new double[N];
        for (int p = 0; p < 2; p++) {
            noisy.set(0, all(N), N, 1e-6, 1.0, new RandomStream(15 + p)); // a pulse that moves w by 1e-9
            quiet.set(0, all(N), N, 1e-6, 1.0, new RandomStream(15 + p));
            double[] d = new double[N];
            Arrays.setAll(d, i -> noisy.conductances()[i] - quiet.conductances()[i]);
            if (first == null) {
                first = d;
            } else {
                drawn = d;
            }
        }
        // sd 56 x 0.002 x 12 uS = 1.344 uS; standard error 0.003 uS.
        assertEquals(WRITE_NOISE * PER_UNIT, sd(first), 0.015);
        assertEquals(0, mean(first), 0.02);
        double[] f = first;
        double[] s = drawn;
        double correlation = 0;
        for (int i = 0; i < N; i++) {
            correlation += f[i] * s[i] / N;
        }
        // Independent draws: correlation 0 with standard error 1 / sqrt(N) = 0.003.
        assertEquals(0, correlation / (sd(f) * sd(s)), 0.015);
    }

    @Test
    void aSetAboveTheAmplitudeLimitStepsAsOneAtIt() {
        RramArray capped = fabricate(16, 1000, UNIFORM);
        RramArray limit = fabricate(16, 1000, UNIFORM);
        capped.set(0, all(1000), 1000, 5.0, 1.0, new RandomStream(17));
        limit.set(0, all(1000), 1000, 2.0, 1.0, new RandomStream(17));
        assertArrayEquals(limit.conductances(), capped.conductances(), "the compliance caps the SET at amplitude 2");
        RramArray wide = fabricate(16, 1000, UNIFORM);
        wide.set(0, all(1000), 1000, 1.0, 2.0, new RandomStream(17));
        assertArrayEquals(limit.conductances(), wide.conductances(), "width 2 is amplitude 2: 52 pulses");
    }

    // ---------------------------------------------------------------- reads, relaxation, faults, memory

    @Test
    void readNoiseAndRelaxationFollowTheirLaws() {
        RramArray a = fabricate(13, N);
        int[] cols = all(N);
        a.set(0, cols, N, 1.0, 10.0, new RandomStream(14));
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
        double[] nu = new double[N];
        int up = 0;
        for (int i = 0; i < N; i++) {
            assertTrue(a.conductances()[i] > 0, "device " + i);
            nu[i] = -Math.log(out[i] / a.conductances()[i]) / Math.log(1e4);
            up += nu[i] < 0 ? 1 : 0;
        }
        // nu ~ Normal(0, 0.005), not clipped: relaxation is small and goes both ways. Standard errors 1.6e-5,
        // 1.1e-5 and 0.0016.
        assertEquals(0, mean(nu), 1e-4);
        assertEquals(0.005, sd(nu), 1e-4);
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
        RramArray a = fabricate(30, N, "stuckAtMinFraction", "0.02", "stuckAtMaxFraction", "0.03");
        double[] fabricated = a.conductances().clone();
        int[] cols = all(N);
        RandomStream rng = new RandomStream(31);
        a.set(0, cols, N, 1.0, 10, rng);
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

    /** The conductance (8 bytes) and five 16-bit deviates: 18 bytes a device. */
    @Test
    void aDeviceTakesEighteenBytes() {
        assertEquals(18L * 1000, fabricate(1, 1000).memoryBytes());
    }

    @Test
    void defaultPresetHoldsAihwkitsValuesAndTheSpecDefaults() {
        Preset p = MODEL.presets().get(0);
        assertEquals("default", p.name());
        assertTrue(p.citation().contains("Gong") && p.citation().contains("ReRamSBPresetDevice"), p.citation());
        MODEL.parameters().stream().filter(s -> p.values().containsKey(s.name()))
                .forEach(s -> assertEquals(s.parse(s.defaultValue()), s.parse(p.values().get(s.name())), s.name()));
        assertEquals(MODEL.parameters().size() - 2, p.values().size(), "every parameter but the stuck-at faults");
        Parameters d = Parameters.of(MODEL.parameters());
        assertEquals(DW_MIN, d.number("dwMin"));
        assertEquals(SPREAD, d.number("wMaxDtod") * W_MAX, 1e-12);
        assertEquals(SPREAD, d.number("wMinDtod") * -W_MIN, 1e-12);
        assertEquals(DW_MIN_STD, d.number("dwMinStd"));
        assertEquals(WRITE_NOISE, d.number("writeNoiseStd") * d.number("dwMin"), 1e-15);
    }

    /**
     * Every draw in its place, against rpu_pulsed_device.cpp's population rules written out with the same
     * deviates (rounded to 1/4096 as stored): the drift seed, then per device z(w_max), z(w_min), z(gain),
     * z(up-down), then its first write noise. With up_down = +-0.1 the biases go to the down or the up step.
     */
    @Test
    void theFabricationStreamGivesEachDeviceAihwkitsParameters() {
        for (String upDown : new String[] {"0.1", "-0.1"}) {
            int n = 200;
            RramArray a = fabricate(51, n, "upDown", upDown);
            RandomStream fab = new RandomStream(51);
            fab.nextLong();
            double ud = Double.parseDouble(upDown);
            for (int i = 0; i < n; i++) {
                double zMax = q(fab.nextGaussian());
                double zMin = q(fab.nextGaussian());
                double zGain = q(fab.nextGaussian());
                double zR = q(fab.nextGaussian());
                double hi = W_MAX * (1 + 0.24 * zMax);
                double lo = W_MIN * (1 + 0.4 * zMin);
                if (lo > hi) {
                    double t = lo;
                    lo = hi;
                    hi = t;
                }
                assertEquals(Math.abs(hi), a.pulsed().upper(i), 1e-15, "b_max " + i);
                assertEquals(-Math.abs(lo), a.pulsed().lower(i), 1e-15, "b_min " + i);
                double gain = 1 + 0.3 * zGain;
                double r = 0.01 * zR;
                double upBias = ud > 0 ? 0 : ud;
                double downBias = ud > 0 ? -ud : 0;
                assertEquals(Math.abs(upBias + gain + r) * DW_MIN, a.pulsed().scaleUp(i), 1e-15, "a_up " + i);
                assertEquals(Math.abs(downBias + gain - r) * DW_MIN, a.pulsed().scaleDown(i), 1e-15, "a_down " + i);
                double zW = q(fab.nextGaussian());
                assertEquals(G0 + PER_UNIT * (-Math.abs(lo) + WRITE_NOISE * zW), a.conductances()[i], 1e-12);
                assertEquals(-Math.abs(lo), a.persistent(i), 1e-12, "the persistent weight is the bound");
            }
        }
    }

    private static double q(double z) {
        return Math.max(-32767, Math.min(32767, Math.round(z * 4096))) / 4096.0;
    }

    /** A RESET is the mirror image of a SET: resetPulses down pulses, each device's own, then new write noise. */
    @Test
    void aResetIsDownPulsesFromTheStreamThenFreshWriteNoise() {
        int n = 100;
        RramArray a = fabricate(52, n);
        a.set(0, all(n), n, 1.0, 10.0, new RandomStream(53));
        double[] w = new double[n];
        Arrays.setAll(w, a::persistent);
        a.reset(0, all(n), n, new RandomStream(54));
        RandomStream mine = new RandomStream(54);
        for (int i = 0; i < n; i++) {
            double lo = a.pulsed().lower(i);
            double hi = a.pulsed().upper(i);
            double v = -SoftBoundPulses.apply(-w[i], -hi, -lo, a.pulsed().scaleDown(i), DW_MIN_STD, 3000, mine);
            double zW = q(mine.nextGaussian());
            assertEquals(G0 + PER_UNIT * (SoftBoundPulses.reflect(v, lo, hi) + WRITE_NOISE * zW), a.conductances()[i],
                    1e-12, "device " + i);
            assertTrue(a.persistent(i) - lo < 0.6, "near the lower bound after a RESET: " + (a.persistent(i) - lo));
        }
        RramArray stuck = fabricate(55, 1000, "stuckAtMaxFraction", "1");
        stuck.reset(0, all(1000), 1000, new RandomStream(56));
        for (int i = 0; i < 1000; i++) {
            assertEquals(stuck.gmax(i), stuck.conductances()[i], 0.0, "a RESET leaves a stuck-high device at Gmax");
        }
    }

    @Test
    void twoChipsRelaxDifferentlyDeviceByDevice() {
        RramArray one = fabricate(61, 100);
        RramArray two = fabricate(62, 100);
        double[] a = new double[100];
        double[] b = new double[100];
        one.drifted(1e4, a);
        two.drifted(1e4, b);
        assertTrue(a[0] / one.conductances()[0] != b[0] / two.conductances()[0]);
        assertTrue(MODEL.description().contains("aihwkit"));
    }
}
