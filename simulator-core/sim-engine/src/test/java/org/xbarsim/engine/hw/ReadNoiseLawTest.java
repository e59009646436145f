package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.fixtures.DriftingDevices;

/**
 * The verify read of devices that declare a linear read-noise law works their variances out in its own
 * loop: it must read exactly what the general path (variances asked of the array first) reads, deviate
 * for deviate, and its noise must be the law's.
 */
class ReadNoiseLawTest {
    private static final int ROWS = 3;
    private static final int COLS = 16;
    private static final double F = 3;
    private static final double REL = 0.05;
    private static final double ABS = 0.3;

    /** Devices whose read noise is (REL G + ABS)^2, device i at a conductance of its own. */
    private static DeviceArrayBase linear() {
        DeviceArrayBase devices = new DriftingDevices.Array(4 * ROWS * COLS, 1, 0, REL, ABS);
        double[] g = devices.conductances();
        for (int i = 0; i < g.length; i++) {
            g[i] = 0.5 + (i * 7 % 23) * 1.3;
        }
        return devices;
    }

    /** The same devices behind an array that declares no law: the read path then asks it for variances. */
    private static DeviceArray withoutLaw(DeviceArray devices) {
        return new DeviceArray() {
            public int size() {
                return devices.size();
            }

            public double[] conductances() {
                return devices.conductances();
            }

            public void reset(int base, int[] cols, int count, RandomStream rng) {
            }

            public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
            }

            public void readNoiseVariance(int base, int[] cols, int count, double[] out) {
                devices.readNoiseVariance(base, cols, count, out);
            }

            public void readNoiseVariances(double[] conductances, double[] out) {
                devices.readNoiseVariances(conductances, out);
            }

            public void drifted(double seconds, double[] out) {
                devices.drifted(seconds, out);
            }

            public long memoryBytes() {
                return devices.memoryBytes();
            }
        };
    }

    private static ReadPath path(DeviceArray devices) {
        return new ReadPath(new CrossbarTile(0, ROWS, COLS, UnitCell.twoPairs(F), devices), new Adc(10, 60), 1);
    }

    @Test
    void theLawsLoopReadsWhatTheGeneralPathReadsBitForBit() {
        DeviceArrayBase devices = linear();
        DeviceArray plain = withoutLaw(devices);
        assertNull(plain.linearReadNoise());
        int[] cols = {0, 3, 4, 9, 15};
        for (int row = 0; row < ROWS; row++) {
            double[] fast = new double[cols.length];
            double[] general = new double[cols.length];
            path(devices).sample(row, cols, cols.length, new RandomStream(11 + row), fast);
            path(plain).sample(row, cols, cols.length, new RandomStream(11 + row), general);
            assertArrayEquals(general, fast, 0.0, "row " + row);
        }
    }

    @Test
    void aLawsVarianceIsWhatItsArrayReportsForEachDevice() {
        DeviceArrayBase devices = linear();
        int[] cols = {0, 1, 2, 5, 8};
        double[] reported = new double[cols.length];
        devices.readNoiseVariance(COLS, cols, cols.length, reported);
        for (int k = 0; k < cols.length; k++) {
            double g = devices.conductances()[COLS + cols[k]];
            assertEquals(reported[k], devices.linearReadNoise().variance(g), 0.0);
            assertEquals(Math.pow(REL * g + ABS, 2), reported[k], 1e-12);
        }
    }

    /**
     * One column read 160,000 times: the spread of its reads about its weight is F^2 (var GP + var GM) +
     * var LP + var LM with each variance (REL G + ABS)^2. The variance estimate's standard error is
     * sqrt(2 / n) = 0.35%; the tolerance, 1.5%, is over four of them, and every device's share of the
     * column's variance is at least twice that (checked), so a device left out, or the coarse pair
     * counted without F^2, fails.
     */
    @Test
    void aColumnsNoiseIsTheSumOfItsFourDevicesVariancesWithFOnTheCoarsePair() {
        DeviceArrayBase devices = linear();
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, UnitCell.twoPairs(F), devices);
        ReadPath path = path(devices);
        int row = 1;
        int col = 2;
        double[] g = devices.conductances();
        double[] v = new double[4];
        for (int line = 0; line < 4; line++) {
            v[line] = Math.pow(REL * g[tile.base(line, row) + col] + ABS, 2);
        }
        double expected = F * F * (v[0] + v[1]) + v[2] + v[3];
        double w = tile.weight(g, row, col);
        RandomStream rng = new RandomStream(5);
        int n = 160_000;
        double sum = 0;
        double sum2 = 0;
        double[] out = new double[1];
        for (int i = 0; i < n; i++) {
            path.sample(row, new int[] {col}, 1, rng, out);
            sum += out[0] - w;
            sum2 += (out[0] - w) * (out[0] - w);
        }
        double tolerance = 0.015;
        assertEquals(expected, sum2 / n, tolerance * expected);
        assertEquals(0, sum / n, 5 * Math.sqrt(expected / n));
        double[] shares = {F * F * v[0], F * F * v[1], v[2], v[3]};
        for (double share : shares) {
            assertTrue(share > 2 * tolerance * expected, "a device's share " + share / expected + " of the variance");
        }
    }
}
