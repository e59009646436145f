package org.xbarsim.plugins.pcm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.random.RandomStream;

/**
 * aihwkit's statistical PCM laws, each checked against the formulas of its source written out again
 * here from aihwkit's pcm.py (commit 4545f11): the drift exponent (lines 121-130), drift from the end
 * of programming (lines 138-144), the 1/f read noise (lines 146-158) and its sampling once per
 * inference time (simulator/tiles/inference.py lines 250-253); then the post-programming relaxation,
 * the melting SET, stuck-at faults and memory. Statistical tolerances are 4-6 standard errors of the
 * statistic at the sample size used (each says which).
 */
class PcmStatisticsTest {
    private static final PcmDeviceModel MODEL = new PcmDeviceModel();
    private static final int N = 100_000;
    /** No device-to-device variability: every device takes the same noiseless step. */
    private static final String[] UNIFORM = {"gmaxSigmaRel", "0", "alphaSigmaLn", "0", "resetRel", "0", "c2c", "0"};

    static DeviceArray fabricate(long seed, int n, String... overrides) {
        return MODEL.fabricate(Parameters.of(MODEL.parameters(), overrides), n, new RandomStream(seed));
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

    /** pcm.py lines 123-128, written out: the mean and spread of nu at g_T = g / 25 uS. */
    static double[] aihwkitNuLaw(double g) {
        double gRel = Math.max(Math.abs(g / 25.0), 1e-7);
        double mu = Math.min(Math.max(-0.0155 * Math.log(gRel) + 0.0244, 0.049), 0.1);
        double sig = Math.min(Math.max(-0.0125 * Math.log(gRel) - 0.0059, 0.008), 0.045);
        return new double[] {mu, sig};
    }

    /**
     * Mean and sd of |X|, X ~ Normal(mu, sigma) (the folded normal): aihwkit takes nu = |mu + sigma z|
     * (pcm.py line 128), which folds the few devices with mu + sigma z < 0.
     */
    static double[] folded(double mu, double sigma) {
        double mean = sigma * Math.sqrt(2 / Math.PI) * Math.exp(-mu * mu / (2 * sigma * sigma))
                + mu * (1 - 2 * phi(-mu / sigma));
        return new double[] {mean, Math.sqrt(mu * mu + sigma * sigma - mean * mean)};
    }

    /** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error below 7.5e-8). */
    static double phi(double x) {
        double t = 1 / (1 + 0.2316419 * Math.abs(x));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double tail = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * poly;
        return x >= 0 ? 1 - tail : tail;
    }

    /** Devices programmed to one conductance: a noiseless uniform population pulsed once. */
    static DeviceArray programmed(long seed, double alpha, String... more) {
        DeviceArray a = fabricate(seed, N, with(with(UNIFORM, "alphaMedian", alpha + "uS"), more));
        a.set(0, all(N), N, 1.0, new RandomStream(seed + 1));
        return a;
    }

    @Test
    void driftRunsFromTheEndOfProgrammingAsTTPlusT0OverT0() {
        DeviceArray a = programmed(3, 2.4, "driftLaw", "aihwkit");
        double g = a.conductances()[0];
        double[] law = aihwkitNuLaw(g);
        law = folded(law[0], law[1]);
        double[] out = new double[N];
        // One second after programming, long before t0 = 20 s: aihwkit already drifts, by (21/20)^-nu.
        for (double t : new double[] {1, 20, 20 * Math.exp(5) - 20}) {
            a.drifted(t, out);
            double logRatio = Math.log((t + 20) / 20);
            double sum = 0;
            double sum2 = 0;
            for (int i = 0; i < N; i++) {
                double nu = -Math.log(out[i] / g) / logRatio;
                sum += nu;
                sum2 += nu * nu;
            }
            double mean = sum / N;
            // nu = |Normal(mu, sigma)|, mu / sigma = 2.6 here: the fold narrows the spread by 0.9%. Standard errors
            // sigma / sqrt(N) = 7e-5 for the mean, sigma / sqrt(2N) = 5e-5 for the sd; 2e-4 is 3-4 of them
            // (rounding of log(out / g) at t = 1 s, where G moves by 0.3%, adds under 1e-9).
            assertEquals(law[0], mean, 2e-4, "mean nu at t = " + t);
            assertEquals(law[1], Math.sqrt(sum2 / N - mean * mean), 2e-4, "spread of nu at t = " + t);
        }
        a.drifted(0, out);
        assertArrayEquals(a.conductances(), out, "no time, no drift");
    }

    @Test
    void theDriftExponentFollowsTheProgrammedConductanceWithItsClips() {
        // Low (1.2 uS, mu = 0.071), middle (12 uS) and top (mu clipped at 0.049): three populations.
        for (double alpha : new double[] {1.1, 12, 30}) {
            DeviceArray a = programmed(5, alpha, "driftLaw", "aihwkit", "gmaxMean", "1000uS");
            double g = a.conductances()[0];
            double[] law = aihwkitNuLaw(g);
            law = folded(law[0], law[1]);
            double[] out = new double[N];
            double t = 1e6;
            a.drifted(t, out);
            double sum = 0;
            for (int i = 0; i < N; i++) {
                sum += -Math.log(out[i] / g) / Math.log((t + 20) / 20);
            }
            // Standard error sigma / sqrt(N) <= 1.4e-4 (sigma <= 0.045); 6e-4 is about 4 of them.
            assertEquals(law[0], sum / N, 6e-4, "mean nu at G = " + g);
        }
    }

    @Test
    void aDevicesDriftIsFixedAcrossInferenceTimes() {
        DeviceArray a = programmed(7, 5, "driftLaw", "aihwkit");
        double[] early = new double[N];
        double[] late = new double[N];
        a.drifted(100, early);
        a.drifted(1e6, late);
        double g = a.conductances()[0];
        for (int i = 0; i < 1000; i++) {
            // The same nu at both times: log(G(t)/G) scales with log((t + t0)/t0).
            double ratio = Math.log(late[i] / g) / Math.log(early[i] / g);
            assertEquals(Math.log(1e6 / 20 + 1) / Math.log(120 / 20.0), ratio, 1e-9, "device " + i);
        }
    }

    @Test
    void oneOverFReadNoiseIsAihwkitsLaw() {
        DeviceArray a = fabricate(5, 1000, "readNoiseLaw", "aihwkit");
        a.set(0, all(1000), 1000, 1.4, new RandomStream(6));
        double[] g = a.conductances().clone();
        double[] drifted = new double[1000];
        Arrays.setAll(drifted, i -> 0.8 * g[i]);
        for (double t : new double[] {0, 1, 3.15e7}) {
            double[] out = new double[1000];
            a.readNoiseVariances(t, drifted, out);
            for (int i = 0; i < 1000; i++) {
                // pcm.py lines 148-152: Q_s of the programmed conductance, scaled by the drifted one, t = t_inf + t0.
                double qs = Math.min(0.0088 / Math.max(Math.pow(Math.abs(g[i]) / 25, 0.65), 1e-3), 0.2);
                double sigma = qs * Math.sqrt(Math.log((t + 20 + 250e-9) / (2 * 250e-9))) * Math.abs(drifted[i]);
                assertEquals(sigma * sigma, out[i], 1e-12 * sigma * sigma + 1e-300, "device " + i + " at t = " + t);
            }
        }
        // Verify reads keep the Gaussian readRel/readAbs law.
        double[] verify = new double[1];
        a.readNoiseVariance(0, new int[] {7}, 1, verify);
        assertEquals(Math.pow(0.005 * g[7] + 0.05, 2), verify[0], 1e-15);
    }

    @Test
    void readNoiseIsHeldPerInferenceTimeOnlyWhenAsked() {
        assertFalse(fabricate(1, 10, "readNoiseLaw", "aihwkit").readNoisePerInferenceTime());
        assertTrue(fabricate(1, 10, "readNoiseSampling", "per-inference-time").readNoisePerInferenceTime());
    }

    /** The relaxation step's spread against relaxation x sqrt(sigma_prog(G)^2 - sigma_prog(0)^2) (pcm.py 108-114). */
    @Test
    void relaxationSpreadsEachDeviceByTheGrowthOfAihwkitsProgrammingNoise() {
        for (double alpha : new double[] {1.5, 7.5, 15}) {
            DeviceArray a = programmed(9, alpha, "relaxation", "0.8");
            double g = a.conductances()[0];
            a.relax(0, all(N), N, new RandomStream(10));
            double x = g / 25;
            double sp = 0.26348 + 1.9650 * x - 1.1731 * x * x;
            double expected = 0.8 * Math.sqrt(sp * sp - 0.26348 * 0.26348);
            double sum = 0;
            double sum2 = 0;
            for (double v : a.conductances()) {
                sum += v - g;
                sum2 += (v - g) * (v - g);
            }
            // No clip at 0 is reached (G >= 1.5 uS is over 5 sd above 0). Standard errors of the mean and the sd:
            // 0.3% and 0.2% of the sd; 1.2% is 4-6 of them.
            assertEquals(0, sum / N, 0.012 * expected, "mean move at G = " + g);
            assertEquals(expected, Math.sqrt(sum2 / N), 0.012 * expected, "spread at G = " + g);
        }
        DeviceArray still = programmed(9, 7.5);
        double[] before = still.conductances().clone();
        RandomStream rng = new RandomStream(10);
        long state = new RandomStream(10).nextLong();
        still.relax(0, all(N), N, rng);
        assertArrayEquals(before, still.conductances(), "relaxation 0 moves nothing");
        assertEquals(state, rng.nextLong(), "... and draws nothing, so other streams stay where they were");
    }

    /**
     * Above the melting amplitude a SET ends (1 - f) of the way at its SET outcome and f at a RESET state,
     * f = (a - 1.5) / (2 - 1.5); at 2 and beyond it is a RESET.
     */
    @Test
    void aSetAboveTheMeltingAmplitudePartlyResetsTheDevice() {
        int n = 10_000;
        for (double amplitude : new double[] {1.5, 1.75, 2.0, 4.0}) {
            DeviceArray melting = fabricate(11, n, UNIFORM);
            DeviceArray reference = fabricate(11, n, with(UNIFORM, "meltAmplitude", "1000"));
            melting.set(0, all(n), n, 1.0, 3.0, new RandomStream(1)); // 3 uS up at the nominal amplitude
            reference.set(0, all(n), n, 1.0, 3.0, new RandomStream(1));
            melting.set(0, all(n), n, amplitude, 1.0, new RandomStream(2));
            reference.set(0, all(n), n, amplitude, 1.0, new RandomStream(2));
            double f = Math.min(1, Math.max(0, (amplitude - 1.5) / 0.5));
            // resetRel 0: the amorphous part is exactly gReset = 0.1 uS.
            double expected = (1 - f) * reference.conductances()[0] + f * 0.1;
            assertEquals(expected, melting.conductances()[0], 1e-12, "amplitude " + amplitude);
        }
        // Width does not melt: the nominal current for four times as long steps four times as far.
        DeviceArray wide = fabricate(11, n, UNIFORM);
        wide.set(0, all(n), n, 1.0, 4.0, new RandomStream(1));
        // 1e-8 relative: 1/Gmax is held as a float (24 bits).
        assertEquals(0.1 + 4 * (1 - 0.1 / 25), wide.conductances()[0], 1e-8);
    }

    @Test
    void presetSwitchesTheAihwkitLawsOnAndHoldsTheCalibratedPulsePhysics() {
        Preset stat = MODEL.presets().stream().filter(p -> p.name().equals("aihwkit-statistical")).findFirst()
                .orElseThrow();
        Preset base = MODEL.presets().get(0);
        assertTrue(stat.citation().contains("Joshi") && stat.citation().contains("calibrated"), stat.citation());
        for (String law : new String[] {"driftLaw", "readNoiseLaw"}) {
            assertEquals("aihwkit", stat.values().get(law));
            assertEquals(MODEL.parameters().stream().filter(x -> x.name().equals(law)).findFirst().orElseThrow()
                    .defaultValue(), base.values().get(law), "the default preset keeps the science.md laws");
        }
        assertEquals("1.0", stat.values().get("relaxation"));
        assertEquals("0", base.values().get("relaxation"));
        assertEquals(base.values().keySet(), stat.values().keySet());
        // The step physics is science.md's in both.
        for (String k : new String[] {"gmaxMean", "gmaxSigmaRel", "alphaMedian", "alphaSigmaLn", "gReset"}) {
            assertEquals(base.values().get(k), stat.values().get(k), k);
        }
    }

    @Test
    void stuckDevicesStayAtResetOrGmaxAndDoNotDriftOrRelax() {
        DeviceArray a = fabricate(7, N, "stuckAtMinFraction", "0.03", "stuckAtMaxFraction", "0.01",
                "resetRel", "0", "relaxation", "1", "driftLaw", "aihwkit");
        int[] cols = all(N);
        RandomStream rng = new RandomStream(8);
        a.set(0, cols, N, 1, rng);
        double[] afterOne = a.conductances().clone();
        for (int p = 0; p < 10; p++) {
            a.reset(0, cols, N, rng);
            a.set(0, cols, N, 1.4, rng);
        }
        a.relax(0, cols, N, rng);
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
        // Binomial standard errors 0.054 and 0.031 points.
        assertEquals(0.03, low / (double) N, 0.003);
        assertEquals(0.01, high / (double) N, 0.002);
        assertEquals(16L * N + 8L * ((N + 31) / 32), a.memoryBytes(), "2 bits a device for the fault map");
    }

    /** 8 bytes of conductance, two floats: 16 a device, under the 20 a 35-million-device chip allows. */
    @Test
    void aDeviceTakesSixteenBytes() {
        assertEquals(16L * 1000, fabricate(1, 1000).memoryBytes());
        assertEquals(16L * 1000, fabricate(1, 1000, "driftLaw", "aihwkit", "relaxation", "1").memoryBytes());
    }

    /**
     * Every random draw in its place: the same streams handed to the model and to science.md's formulas
     * written out here (section 3) give the same devices, pulse by pulse. The fabrication stream gives the
     * drift seed, then per device Gmax, alpha (kept as floats) and the initial RESET state; a SET draws one
     * deviate a device, a melting SET one more, a RESET and a relaxation one each.
     */
    @Test
    void eachDrawIsTheFormulasWithTheStreamsDeviates() {
        int n = 50;
        DeviceArray a = fabricate(21, n, "relaxation", "0.7");
        RandomStream fab = new RandomStream(21);
        fab.nextLong(); // the drift seed
        float[] inv = new float[n];
        float[] alpha = new float[n];
        for (int i = 0; i < n; i++) {
            inv[i] = (float) (1 / Math.max(1, 25 * (1 + 0.2 * fab.nextGaussian())));
            alpha[i] = (float) (Math.exp(0.4 * fab.nextGaussian()));
            assertEquals(Math.max(0, 0.1 * (1 + 0.1 * fab.nextGaussian())), a.conductances()[i], 0.0, "fabricated " + i);
        }
        RandomStream pulses = new RandomStream(22);
        RandomStream mine = new RandomStream(22);
        double[] g = a.conductances().clone();
        a.set(0, all(n), n, 1.2, 1.0, pulses);
        for (int i = 0; i < n; i++) {
            double step = 1.2 * alpha[i];
            double next = Math.max(g[i] + step * Math.max(0, 1 - g[i] * inv[i]) + 0.5 * step * mine.nextGaussian(), 0);
            g[i] = next * inv[i] > 1.05 ? 1.05 / inv[i] : next;
            assertEquals(g[i], a.conductances()[i], 0.0, "SET of device " + i);
        }
        a.set(0, all(n), n, 1.75, 1.0, pulses);
        for (int i = 0; i < n; i++) {
            double step = 1.75 * alpha[i];
            double next = Math.max(g[i] + step * Math.max(0, 1 - g[i] * inv[i]) + 0.5 * step * mine.nextGaussian(), 0);
            g[i] = next * inv[i] > 1.05 ? 1.05 / inv[i] : next;
        }
        for (int i = 0; i < n; i++) {
            double amorphous = Math.max(0, 0.1 * (1 + 0.1 * mine.nextGaussian()));
            g[i] = 0.5 * g[i] + 0.5 * amorphous; // f = (1.75 - 1.5) / (2 - 1.5)
            assertEquals(g[i], a.conductances()[i], 1e-15, "melting SET of device " + i);
        }
        a.relax(0, all(n), n, pulses);
        for (int i = 0; i < n; i++) {
            double x = g[i] / 25;
            double sp = 0.26348 + 1.9650 * x - 1.1731 * x * x;
            g[i] = Math.max(0, g[i] + 0.7 * Math.sqrt(Math.max(0, sp * sp - 0.26348 * 0.26348)) * mine.nextGaussian());
            assertEquals(g[i], a.conductances()[i], 1e-12, "relaxation of device " + i);
        }
        a.reset(0, all(n), n, pulses);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.max(0, 0.1 * (1 + 0.1 * mine.nextGaussian())), a.conductances()[i], 0.0, "RESET " + i);
        }
        assertEquals(mine.nextLong(), pulses.nextLong(), "no draw more or less than the formulas'");
        a.set(0, all(n), n, 1.5, 1.0, pulses);
        for (int i = 0; i < n; i++) {
            mine.nextGaussian();
        }
        assertEquals(mine.nextLong(), pulses.nextLong(), "at the melting amplitude nothing melts yet");
    }

    /** The drift deviates come from the fabrication stream: two chips drift differently device by device. */
    @Test
    void twoChipsDriftDifferently() {
        DeviceArray one = programmed(31, 5, "driftLaw", "aihwkit");
        DeviceArray two = programmed(32, 5, "driftLaw", "aihwkit");
        double[] a = new double[N];
        double[] b = new double[N];
        one.drifted(1e5, a);
        two.drifted(1e5, b);
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            same += a[i] / one.conductances()[i] == b[i] / two.conductances()[i] ? 1 : 0;
        }
        assertEquals(0, same);
        DeviceArray perDevice = programmed(31, 5);
        DeviceArray other = programmed(32, 5);
        perDevice.drifted(1e5, a);
        other.drifted(1e5, b);
        assertTrue(a[0] / perDevice.conductances()[0] != b[0] / other.conductances()[0]);
    }

    @Test
    void stuckHighDevicesSitAtTheirGmaxAndAResetLeavesThemThere() {
        DeviceArray a = fabricate(41, 10_000, "stuckAtMaxFraction", "0.5", "gmaxSigmaRel", "0");
        long atGmax = Arrays.stream(a.conductances()).filter(g -> Math.abs(g - 25) < 1e-5).count();
        // Half the devices stuck at Gmax = 25 uS (binomial standard error 0.5 points).
        assertEquals(0.5, atGmax / 10_000.0, 0.025);
        a.reset(0, all(10_000), 10_000, new RandomStream(42));
        assertEquals(atGmax, Arrays.stream(a.conductances()).filter(g -> Math.abs(g - 25) < 1e-5).count());
        assertTrue(MODEL.description().contains("Phase-change memory"));
    }
}
