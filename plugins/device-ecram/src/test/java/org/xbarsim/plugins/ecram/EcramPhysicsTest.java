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
 * The ECRAM model's physics invariants: symmetric and near-linear steps, small multiplicative noise,
 * hard bounds, RESET to Gmin, no drift, determinism, stuck devices. Statistical tolerances are about
 * five standard errors at the sample size used.
 */
class EcramPhysicsTest {
    private static final EcramDeviceModel MODEL = new EcramDeviceModel();
    private static final int N = 100_000;
    /** No device-to-device variability: Gmin 0.1, Gmax 25, Gsym 0.1 + 0.4138 * 24.9, alpha 1. */
    private static final String[] UNIFORM = {"boundSigmaRel", "0", "alphaSigmaLn", "0", "gammaSigmaRel", "0"};
    private static final double GSYM = 0.1 + 0.4138 * 24.9;

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

    /** Brings every device of a noiseless uniform array to conductance g exactly (from Gmin, up). */
    private static void bringTo(EcramArray a, double g) {
        double[] c = a.conductances();
        Arrays.fill(c, g); // conductances() is the live state: a test may place devices directly
    }

    @Test
    void upAndDownStepsAreEqualAtTheSymmetryPointAndMirrorWithEqualNonlinearities() {
        EcramArray a = fabricate(1, 1, with(UNIFORM, "c2c", "0", "gammaDown", "0.1153", "symmetryPoint", "0.5"));
        int[] one = {0};
        RandomStream rng = new RandomStream(2);
        double sym = a.symmetryPoint(0);
        assertEquals(0.1 + 0.5 * 24.9, sym, 1e-12);
        for (double x : new double[] {0, 2, 5, 10}) {
            bringTo(a, sym + x);
            a.set(0, one, 1, 0.1, rng);
            double up = a.conductances()[0] - (sym + x);
            bringTo(a, sym - x);
            a.depress(0, one, 1, 0.1, rng);
            double down = (sym - x) - a.conductances()[0];
            assertEquals(up, down, 1e-12, "up step at Gsym + " + x + " mirrors the down step at Gsym - " + x);
        }
    }

    @Test
    void stepsAreNearLinearOverTheWholeWindowWithThePresetNonlinearities() {
        EcramArray a = fabricate(3, 1, with(UNIFORM, "c2c", "0"));
        int[] one = {0};
        RandomStream rng = new RandomStream(4);
        bringTo(a, GSYM);
        a.set(0, one, 1, 0.01, rng);
        double upAtSym = (a.conductances()[0] - GSYM) / 0.01;
        bringTo(a, GSYM);
        a.depress(0, one, 1, 0.01, rng);
        double downAtSym = (GSYM - a.conductances()[0]) / 0.01;
        assertEquals(1.0, upAtSym, 1e-9);
        assertEquals(1.0, downAtSym, 1e-9, "symmetric: the same step both ways at the symmetry point");
        bringTo(a, 25 - 1e-3);
        a.set(0, one, 1, 1e-4, rng);
        double upAtTop = (a.conductances()[0] - (25 - 1e-3)) / 1e-4;
        bringTo(a, 0.1 + 1e-3);
        a.depress(0, one, 1, 1e-4, rng);
        double downAtBottom = ((0.1 + 1e-3) - a.conductances()[0]) / 1e-4;
        // aihwkit EcRamPresetDevice: the step changes by gamma_up = 11.53% up to Gmax and gamma_down = 50.85%
        // down to Gmin (a little less here, evaluated 1e-3 uS inside the window).
        assertEquals(1 - 0.1153, upAtTop, 1e-4);
        assertEquals(1 - 0.5085, downAtBottom, 1e-4);
    }

    @Test
    void multiplicativeNoiseHasSpreadC2cOfTheStep() {
        EcramArray a = fabricate(5, N, UNIFORM);
        int[] cols = all(N);
        bringTo(a, GSYM);
        a.set(0, cols, N, 1.0, new RandomStream(6));
        double sum = 0;
        double sum2 = 0;
        for (double g : a.conductances()) {
            double r = g - GSYM - 1.0; // the mean step at the symmetry point is alpha = 1 uS
            sum += r;
            sum2 += r * r;
        }
        // Relative noise 0.05: standard errors 0.00016 (mean) and 0.00011 (sd).
        assertEquals(0, sum / N, 0.001);
        assertEquals(0.05, Math.sqrt(sum2 / N), 0.0006);
    }

    @Test
    void deviceToDeviceVariabilityIsLow() {
        EcramArray a = fabricate(7, N, "c2c", "0");
        int[] cols = all(N);
        double[] start = a.conductances().clone();
        a.set(0, cols, N, 0.01, new RandomStream(8));
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < N; i++) {
            double step = (a.conductances()[i] - start[i]) / 0.01;
            sum += step;
            sum2 += step * step;
        }
        double mean = sum / N;
        double cv = Math.sqrt(sum2 / N - mean * mean) / mean;
        // The first step from Gmin: alpha (log-normal, sigma 0.1) times 1 + gammaUp (Gsym - Gmin)/(Gmax - Gsym),
        // with 5% spreads of the bounds and gamma: about 10% device-to-device, against PCM's 40%.
        assertTrue(cv > 0.08 && cv < 0.13, "coefficient of variation of the step " + cv);
    }

    @Test
    void boundsHoldAndResetEmptiesTheChannelToGmin() {
        EcramArray a = fabricate(9, 20_000);
        int[] cols = all(20_000);
        RandomStream rng = new RandomStream(10);
        double[] gmin = a.conductances().clone(); // fabricated at Gmin
        for (int p = 0; p < 60; p++) {
            a.set(0, cols, cols.length, 1.0, rng);
            for (int i = 0; i < gmin.length; i++) {
                assertTrue(a.conductances()[i] >= gmin[i] && a.conductances()[i] <= a.gmax(i), "device " + i);
            }
        }
        a.reset(0, cols, cols.length, rng);
        assertArrayEquals(gmin, a.conductances(), "one strong depression pulse lands exactly on Gmin");
    }

    @Test
    void noDriftAndSmallReadNoise() {
        EcramArray a = fabricate(11, 1000);
        int[] cols = all(1000);
        a.set(0, cols, 1000, 10, new RandomStream(12));
        double[] out = new double[1000];
        a.drifted(3.15e7, out);
        assertArrayEquals(a.conductances(), out, "a year later, nothing has drifted");
        double[] v = new double[1000];
        a.readNoiseVariances(a.conductances(), v);
        for (int i = 0; i < 1000; i++) {
            double s = 0.002 * a.conductances()[i] + 0.02;
            assertEquals(s * s, v[i], 1e-15);
        }
    }

    @Test
    void sameSeedSameResult() {
        double[][] runs = new double[3][];
        long[] seeds = {5, 5, 6};
        for (int r = 0; r < 3; r++) {
            EcramArray a = fabricate(seeds[r], 500);
            RandomStream rng = new RandomStream(seeds[r] * 31);
            int[] cols = all(500);
            for (int p = 0; p < 10; p++) {
                a.set(0, cols, 500, 1.0, rng);
                a.depress(0, cols, 250, 0.5, rng);
            }
            runs[r] = a.conductances().clone();
        }
        assertArrayEquals(runs[0], runs[1]);
        assertFalse(Arrays.equals(runs[0], runs[2]));
    }

    @Test
    void stuckDevicesNeverMove() {
        EcramArray a = fabricate(13, N, "stuckAtMinFraction", "0.01", "stuckAtMaxFraction", "0.04");
        double[] fabricated = a.conductances().clone();
        int[] cols = all(N);
        RandomStream rng = new RandomStream(14);
        a.set(0, cols, N, 1.0, rng);
        boolean[] stuck = new boolean[N];
        int count = 0;
        for (int i = 0; i < N; i++) {
            stuck[i] = a.conductances()[i] == fabricated[i];
            count += stuck[i] ? 1 : 0;
        }
        // 5% stuck in all; standard error 0.07 points.
        assertEquals(0.05, count / (double) N, 0.004);
        for (int p = 0; p < 5; p++) {
            a.reset(0, cols, N, rng);
            a.set(0, cols, N, 3.0, rng);
        }
        for (int i = 0; i < N; i++) {
            if (stuck[i]) {
                assertEquals(fabricated[i], a.conductances()[i], "stuck device " + i);
            }
        }
    }

    @Test
    void defaultPresetHoldsTheSpecDefaultsAndCitesTang2018() {
        Preset p = MODEL.presets().get(0);
        assertEquals("default", p.name());
        assertTrue(p.citation().contains("Tang"), p.citation());
        MODEL.parameters().stream().filter(s -> p.values().containsKey(s.name()))
                .forEach(s -> assertEquals(s.parse(s.defaultValue()), s.parse(p.values().get(s.name())), s.name()));
        assertEquals(MODEL.parameters().size() - 2, p.values().size(), "every parameter but the stuck-at faults");
    }
}
