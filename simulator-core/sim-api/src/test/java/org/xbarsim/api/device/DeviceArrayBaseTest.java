package org.xbarsim.api.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * What every device model shares: read noise (readRel G + readAbs)^2, the power law G (t/t0)^-nu with
 * nu = mean + sigma z (clipped at 0 or not) from deviates drawn again from a seed the fabrication stream
 * gives, stuck devices pinned, and the memory it holds.
 */
class DeviceArrayBaseTest {
    /** A device that only holds a conductance: every device at 1 + i / 10 uS. */
    static final class Plain extends DeviceArrayBase {
        Plain(int n, double nuMean, double nuSigma, boolean clipped, String... faults) {
            super(n, 0.02, 0.1, nuMean, nuSigma, clipped, 10);
            RandomStream fab = new RandomStream(7);
            drawDriftSeed(fab);
            for (int i = 0; i < n; i++) {
                g[i] = 1 + i / 10.0;
            }
            drawFaults(Parameters.of(StuckFaults.PARAMETERS, faults), i -> 0.5, i -> 50, fab);
        }

        @Override
        public void reset(int base, int[] cols, int count, RandomStream rng) {
            for (int k = 0; k < count; k++) {
                g[base + cols[k]] = 0.25;
            }
            pin(base, cols, count);
        }

        @Override
        public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
        }

        @Override
        protected long parameterBytes() {
            return 3;
        }
    }

    @Test
    void readNoiseIsRelativePlusAbsoluteSquared() {
        Plain a = new Plain(20, 0, 0, true);
        double[] out = new double[2];
        a.readNoiseVariance(4, new int[] {1, 3}, 2, out);
        assertEquals(Math.pow(0.02 * 1.5 + 0.1, 2), out[0], 1e-15);
        assertEquals(Math.pow(0.02 * 1.7 + 0.1, 2), out[1], 1e-15);
        double[] all = new double[20];
        double[] at = new double[20];
        Arrays.fill(at, 3);
        a.readNoiseVariances(at, all);
        assertEquals(Math.pow(0.02 * 3 + 0.1, 2), all[19], 1e-15);
        a.readNoiseVariances(1e6, at, all);
        assertEquals(Math.pow(0.02 * 3 + 0.1, 2), all[0], 1e-15, "the default ignores the time");
        assertEquals(20, a.size());
        assertSame(a.conductances(), a.conductances(), "a live view");
        assertEquals(false, a.readNoisePerInferenceTime());
    }

    /** The law it declares to the read path is the one its variances follow, to the last bit. */
    @Test
    void itDeclaresTheLinearLawItsVariancesFollow() {
        Plain a = new Plain(20, 0, 0, true);
        LinearReadNoise law = a.linearReadNoise();
        assertEquals(new LinearReadNoise(0.02, 0.1), law);
        assertSame(law, a.linearReadNoise(), "one law, not one a read");
        int[] cols = {0, 7, 19};
        double[] out = new double[3];
        a.readNoiseVariance(0, cols, 3, out);
        for (int k = 0; k < 3; k++) {
            assertEquals(out[k], law.variance(a.conductances()[cols[k]]), 0.0);
        }
        assertEquals(Math.pow(0.02 * 4 + 0.1, 2), law.variance(4), 1e-15);
        assertEquals(0.01, law.variance(0), 1e-15);
    }

    /** nu_i = 0.05 + 0.2 z_i, z from a stream seeded by the fabrication stream's first draw. */
    @Test
    void driftIsThePowerLawWithEachDevicesExponent() {
        for (boolean clipped : new boolean[] {true, false}) {
            Plain a = new Plain(200, 0.05, 0.2, clipped);
            double[] out = new double[200];
            a.drifted(1000, out);
            RandomStream z = new RandomStream(new RandomStream(7).nextLong());
            for (int i = 0; i < 200; i++) {
                double nu = 0.05 + 0.2 * z.nextGaussian();
                nu = clipped ? Math.max(0, nu) : nu;
                assertEquals(a.conductances()[i] * Math.pow(100, -nu), out[i], 1e-12, "device " + i);
            }
            double[] again = new double[200];
            a.drifted(1000, again);
            assertArrayEquals(out, again, "the same exponents at every call");
            a.drifted(10, again);
            assertArrayEquals(a.conductances(), again, "nothing until t0");
        }
        Plain still = new Plain(5, 0, 0, true);
        double[] out = new double[5];
        still.drifted(1e9, out);
        assertArrayEquals(still.conductances(), out, "no exponent, no drift");
        assertEquals(10, still.driftT0());
    }

    @Test
    void stuckDevicesArePinnedAfterAPulseAndInDrift() {
        Plain a = new Plain(3000, 0.05, 0.01, true, "stuckAtMinFraction", "0.5", "stuckAtMaxFraction", "0.5");
        assertEquals(3000, Arrays.stream(a.conductances()).filter(g -> g == 0.5 || g == 50).count());
        int[] cols = new int[3000];
        Arrays.setAll(cols, i -> i);
        double[] before = a.conductances().clone();
        a.reset(0, cols, 3000, new RandomStream(1));
        assertArrayEquals(before, a.conductances(), "every device stuck: a RESET changes none");
        double[] out = new double[3000];
        a.drifted(1e6, out);
        assertArrayEquals(before, out);
        // 8 bytes a device, 2 bits of fault map (94 longs), 3 of the model's own.
        assertEquals(8L * 3000 + 8L * 94 + 3, a.memoryBytes());
        assertEquals(8L * 10 + 3, new Plain(10, 0, 0, true).memoryBytes());
    }
}
