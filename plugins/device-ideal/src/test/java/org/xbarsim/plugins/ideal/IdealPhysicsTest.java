package org.xbarsim.plugins.ideal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/** The ideal device is exactly linear, bounded, noise-free and identical; only stuck-at faults vary. */
class IdealPhysicsTest {
    private static final IdealDeviceModel MODEL = new IdealDeviceModel();

    static DeviceArray fabricate(long seed, int n, String... overrides) {
        return MODEL.fabricate(Parameters.of(MODEL.parameters(), overrides), n, new RandomStream(seed));
    }

    static int[] all(int n) {
        int[] cols = new int[n];
        Arrays.setAll(cols, i -> i);
        return cols;
    }

    @Test
    void stepsAreExactlyStrengthTimesAlphaUpToGmax() {
        DeviceArray a = fabricate(1, 100);
        int[] cols = all(100);
        RandomStream rng = new RandomStream(2);
        for (int p = 1; p <= 20; p++) {
            a.set(0, cols, 100, 0.5, rng);
            for (double g : a.conductances()) {
                assertEquals(0.5 * p, g, 1e-12);
            }
        }
        for (int p = 0; p < 20; p++) {
            a.set(0, cols, 100, 1.0, rng);
        }
        assertTrue(Arrays.stream(a.conductances()).allMatch(g -> g == 25), "bounded at Gmax");
        a.reset(0, cols, 50, rng);
        assertEquals(0, a.conductances()[0]);
        assertEquals(25, a.conductances()[99]);
    }

    @Test
    void noReadNoiseNoDriftAndNoRandomness() {
        DeviceArray a = fabricate(3, 64, "alpha", "0.3uS");
        RandomStream rng = new RandomStream(4);
        a.set(0, all(64), 64, 1.0, 7.0, rng);
        double[] v = new double[64];
        Arrays.fill(v, 1);
        a.readNoiseVariances(a.conductances(), v);
        assertTrue(Arrays.stream(v).allMatch(x -> x == 0));
        a.readNoiseVariance(0, all(64), 64, v);
        assertTrue(Arrays.stream(v).allMatch(x -> x == 0));
        double[] out = new double[64];
        a.drifted(1e9, out);
        assertArrayEquals(a.conductances(), out);
        // The pulse stream was never drawn from: it is where a fresh one with the same seed is.
        assertEquals(new RandomStream(4).nextLong(), rng.nextLong());
        assertTrue(Arrays.stream(a.conductances()).allMatch(g -> Math.abs(g - 2.1) < 1e-12));
    }

    @Test
    void stuckDevicesNeverMove() {
        int n = 100_000;
        DeviceArray a = fabricate(5, n, "stuckAtMinFraction", "0.05", "stuckAtMaxFraction", "0.02");
        int[] cols = all(n);
        RandomStream rng = new RandomStream(6);
        for (int p = 0; p < 3; p++) {
            a.set(0, cols, n, 1, 4, rng);
            a.reset(0, cols, n, rng);
            a.set(0, cols, n, 1, 3, rng);
        }
        long atZero = Arrays.stream(a.conductances()).filter(g -> g == 0).count();
        long atMax = Arrays.stream(a.conductances()).filter(g -> g == 25).count();
        long free = Arrays.stream(a.conductances()).filter(g -> g == 3).count();
        assertEquals(n, atZero + atMax + free);
        // Standard errors 0.07 and 0.04 points.
        assertEquals(0.05, atZero / (double) n, 0.004);
        assertEquals(0.02, atMax / (double) n, 0.003);
    }

    /** A SET above maxAmplitude (2 by default) steps as one of it; its width is not capped; 8 bytes a device. */
    @Test
    void aSetAboveTheAmplitudeLimitStepsAsOneAtIt() {
        DeviceArray a = fabricate(7, 4, "maxAmplitude", "1.5");
        RandomStream rng = new RandomStream(8);
        a.set(0, all(4), 4, 9.0, 1.0, rng);
        assertEquals(1.5, a.conductances()[0], 1e-12);
        a.set(0, all(4), 4, 1.0, 9.0, rng);
        assertEquals(10.5, a.conductances()[0], 1e-12);
        a.set(0, all(4), 4, 1.2, 1.0, rng);
        assertEquals(11.7, a.conductances()[0], 1e-12);
        assertEquals(8L * 4, a.memoryBytes());
        assertEquals(2.0, Parameters.of(MODEL.parameters()).number("maxAmplitude"));
    }

    @Test
    void devicesStartAtGResetAndAResetLeavesStuckOnesAlone() {
        DeviceArray a = fabricate(9, 1000, "gReset", "0.5uS", "stuckAtMaxFraction", "0.5");
        long high = Arrays.stream(a.conductances()).filter(g -> g == 25).count();
        long low = Arrays.stream(a.conductances()).filter(g -> g == 0.5).count();
        assertEquals(1000, high + low, "free devices at gReset, stuck ones at Gmax");
        // Binomial standard error 1.6 points.
        assertEquals(0.5, high / 1000.0, 0.08);
        a.reset(0, all(1000), 1000, new RandomStream(10));
        assertEquals(high, Arrays.stream(a.conductances()).filter(g -> g == 25).count());
        assertTrue(new IdealDeviceModel().description().contains("Ideal"));
        assertEquals("ideal", MODEL.id());
        assertEquals("default", MODEL.presets().get(0).name());
    }
}
