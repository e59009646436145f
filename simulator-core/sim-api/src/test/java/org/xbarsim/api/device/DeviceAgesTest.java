package org.xbarsim.api.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * Devices of several ages: each drifts with its own time since its last programming, G (s / t0)^-nu
 * (science.md section 3), computed again here from the formula; and their drift taken as their state.
 */
class DeviceAgesTest {
    private static final double T0 = 20;

    /**
     * A population with conductances 1, 2, 3, ... uS and drift exponents nu_i = 0.05 + 0.03 z_i (clipped
     * at 0), z from a stream seeded by the fabrication stream's first draw.
     */
    static class Population extends DeviceArrayBase {
        private final double[] nu;

        Population(int n, String stuckLow) {
            super(n, 0.01, 0.05, 0.05, 0.03, true, T0);
            RandomStream fab = new RandomStream(5);
            drawDriftSeed(fab);
            for (int i = 0; i < n; i++) {
                g[i] = i + 1;
            }
            RandomStream z = new RandomStream(new RandomStream(5).nextLong());
            nu = new double[n];
            for (int i = 0; i < n; i++) {
                nu[i] = Math.max(0, 0.05 + 0.03 * z.nextGaussian());
            }
            drawFaults(Parameters.of(StuckFaults.PARAMETERS, StuckFaults.MIN_FRACTION, stuckLow), i -> 0.25,
                    i -> 30, fab);
        }

        @Override
        public void reset(int base, int[] cols, int count, RandomStream rng) {
        }

        @Override
        public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
        }

        @Override
        protected long parameterBytes() {
            return 0;
        }

        double nu(int i) {
            return nu[i];
        }
    }

    @Test
    void eachDeviceDriftsWithItsOwnAge() {
        Population p = new Population(5, "0");
        double[] ages = {1, 20, 21, 3600, 3.15e7};
        double[] out = new double[5];
        p.drifted(ages, out);
        for (int i = 0; i < 5; i++) {
            double expected = ages[i] <= T0 ? i + 1 : (i + 1) * Math.pow(ages[i] / T0, -p.nu(i));
            assertEquals(expected, out[i], 1e-12 * expected, "device " + i);
        }
    }

    /** One age for all is the one-time drift, to the bit: a chip never refreshed drifts as it always did. */
    @Test
    void oneAgeForAllIsTheOneTimeDriftBitForBit() {
        Population p = new Population(6, "0");
        for (double s : new double[] {0, 20, 86_400, 3.15e7}) {
            double[] ages = new double[6];
            java.util.Arrays.fill(ages, s);
            double[] byDevice = new double[6];
            double[] once = new double[6];
            p.drifted(ages, byDevice);
            p.drifted(s, once);
            assertArrayEquals(once, byDevice, "at " + s + " s");
        }
    }

    /** The grouping fallback gives what the per-device law gives, for any model whose devices drift alone. */
    @Test
    void groupingByAgeAgreesWithTheLawDeviceByDevice() {
        Population p = new Population(7, "0");
        double[] ages = {86_400, 3600, 86_400, 10, 3600, 1e6, 10};
        double[] grouped = new double[7];
        double[] direct = new double[7];
        DeviceAges.drifted(p, ages, grouped);
        p.drifted(ages, direct);
        assertArrayEquals(direct, grouped);
    }

    /** A law that depends on the time: asked once per distinct time, smallest first, each device keeping its own. */
    @Test
    void groupingAsksOncePerDistinctTimeInOrder() {
        List<Double> asked = new ArrayList<>();
        Population p = new Population(4, "0") {
            @Override
            public void readNoiseVariances(double seconds, double[] conductances, double[] out) {
                asked.add(seconds);
                java.util.Arrays.fill(out, seconds);
            }
        };
        double[] out = new double[4];
        DeviceAges.readNoiseVariances(p, new double[] {5, 3, 5, 9}, new double[4], out);
        assertEquals(List.of(3.0, 5.0, 9.0), asked);
        assertArrayEquals(new double[] {5, 3, 5, 9}, out);
        assertArrayEquals(new double[] {1, 2.5, 7}, DeviceAges.distinct(new double[] {7, 1, 2.5, 1, 7}));
    }

    /** The reference law's read noise does not depend on the time since programming. */
    @Test
    void theReferenceReadNoiseIgnoresAges() {
        Population p = new Population(3, "0");
        double[] g = {1, 10, 20};
        double[] byAge = new double[3];
        p.readNoiseVariances(new double[] {1, 1e5, 1e7}, g, byAge);
        for (int i = 0; i < 3; i++) {
            double sigma = 0.01 * g[i] + 0.05;
            assertEquals(sigma * sigma, byAge[i], 1e-15);
        }
    }

    /** Settling writes the drifted conductances of the addressed devices only; a stuck device stays stuck. */
    @Test
    void settlingMakesTheDriftTheStateAndLeavesStuckDevicesStuck() {
        Population free = new Population(4, "0");
        free.settle(0, new int[] {1, 3}, 2, new double[] {1.5, 3.25});
        assertArrayEquals(new double[] {1, 1.5, 3, 3.25}, free.conductances());
        Population stuck = new Population(4, "1");
        stuck.settle(0, new int[] {0, 2}, 2, new double[] {0.7, 0.9});
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, stuck.conductances());
    }

    /** A model that does not say how its drift becomes its state cannot be programmed again in place. */
    @Test
    void aModelWithoutSettlingRefusesIt() {
        DeviceArray plain = new DeviceArray() {
            public int size() {
                return 1;
            }

            public double[] conductances() {
                return new double[1];
            }

            public void reset(int base, int[] cols, int count, RandomStream rng) {
            }

            public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
            }

            public long memoryBytes() {
                return 8;
            }

            public void readNoiseVariance(int base, int[] cols, int count, double[] out) {
            }

            public void readNoiseVariances(double[] conductances, double[] out) {
            }

            public void drifted(double seconds, double[] out) {
                out[0] = seconds;
            }
        };
        assertThrows(UnsupportedOperationException.class, () -> plain.settle(0, new int[] {0}, 1, new double[1]));
        double[] out = new double[1];
        plain.drifted(new double[] {42}, out);
        assertEquals(42, out[0], "the default groups by time");
    }
}
