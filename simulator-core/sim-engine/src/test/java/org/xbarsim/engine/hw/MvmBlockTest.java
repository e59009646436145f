package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.fixtures.IdealDevices;

class MvmBlockTest {
    private static final int ROWS = 8;
    private static final int COLS = 4;

    /** A tile whose GP of cell (r, c) holds r + c uS and LM of cell (r, c) holds 1 uS: W = 3 (r + c) - 1. */
    private static CrossbarTile tile(double readVariance) {
        IdealDevices.Array devices = new IdealDevices.Array(DeviceLine.COUNT * ROWS * COLS, 1.0, readVariance);
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, 3, devices);
        RandomStream unused = new RandomStream(0);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                devices.set(tile.base(0, r), new int[] {c}, 1, r + c, unused);
                devices.set(tile.base(3, r), new int[] {c}, 1, 1, unused);
            }
        }
        return tile;
    }

    @Test
    void noiselessMultiplyIsTheExactProduct() {
        MvmBlock block = new MvmBlock(tile(0), ROWS, COLS, 0);
        float[] x = new float[2 * ROWS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 3) * 0.5f;
        }
        float[] y = new float[2 * COLS];
        block.multiply(x, 2, null, new RandomStream(1), y);
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < COLS; c++) {
                double expected = 0;
                for (int r = 0; r < ROWS; r++) {
                    expected += x[b * ROWS + r] * (3.0 * (r + c) - 1);
                }
                assertEquals(expected, y[b * COLS + c], 1e-4);
            }
        }
    }

    @Test
    void outputNoiseHasTheVarianceOfTheDrivenDevices() {
        double v = 0.01;
        MvmBlock block = new MvmBlock(tile(v), ROWS, COLS, 0);
        float[] x = new float[ROWS];
        x[1] = 1;
        x[2] = 2;
        int n = 20000;
        double sum = 0;
        double sum2 = 0;
        float[] y = new float[COLS];
        RandomStream noise = new RandomStream(5);
        for (int i = 0; i < n; i++) {
            block.multiply(x, 1, null, noise, y);
            sum += y[0];
            sum2 += (double) y[0] * y[0];
        }
        double mean = sum / n;
        // W(1,0) = 2, W(2,0) = 5: 1*2 + 2*5 = 12. Variance: (1 + 4) * (9 * 2v + 2v) = 100 v = 1.
        assertEquals(12, mean, 0.05);
        // 20,000 samples: relative standard error of a variance about 1%.
        assertEquals(100 * v, sum2 / n - mean * mean, 0.05);
    }

    /**
     * Noise held per inference time: drawn once per device when the block is built (the weights then
     * differ from the noiseless ones with the devices' variance), and every read of that block sees the
     * same weights; without a stream, or for devices that draw per read, nothing is held.
     */
    @Test
    void noiseHeldPerInferenceTimeIsDrawnOncePerDevice() {
        double v = 0.04;
        IdealDevices.Array held = new IdealDevices.Array(2 * 64 * 64, 0, v) {
            @Override
            public boolean readNoisePerInferenceTime() {
                return true;
            }
        };
        RandomStream unused = new RandomStream(0);
        int[] all = new int[held.size()];
        java.util.Arrays.setAll(all, i -> i);
        held.set(0, all, all.length, 0, unused); // every device at 0 + 2 uS below: nothing clips at 0
        for (int i = 0; i < held.size(); i++) {
            held.conductances()[i] = 2;
        }
        CrossbarTile tile = new CrossbarTile(0, 64, 64, org.xbarsim.api.device.UnitCell.pair(), held);
        MvmBlock block = new MvmBlock(tile, 64, 64, 0, org.xbarsim.engine.wire.Wires.NONE, new RandomStream(9));
        double sum2 = 0;
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                sum2 += block.weight(r, c) * block.weight(r, c);
            }
        }
        // W = GP - GM, each device 2 uS plus its held noise: variance 2v over 4096 cells (2.2% standard error).
        assertEquals(2 * v, sum2 / 4096, 0.12 * 2 * v);
        float[] x = new float[64];
        x[3] = 1;
        float[] y1 = new float[64];
        float[] y2 = new float[64];
        block.multiply(x, 1, null, new RandomStream(1), y1);
        block.multiply(x, 1, null, new RandomStream(2), y2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(y1, y2, "two reads of one inference time see the same noise");
        MvmBlock perRead = new MvmBlock(tile, 64, 64, 0);
        assertEquals(0, perRead.weight(5, 5), 0.0, "no stream: the noise stays per read");
    }

    @Test
    void theAdcQuantisesAndClipsTheOutputs() {
        MvmBlock block = new MvmBlock(tile(0), ROWS, COLS, 0);
        float[] x = new float[ROWS];
        x[ROWS - 1] = 1; // column c reads 3 (7 + c) - 1 = 20 + 3c
        float[] y = new float[COLS];
        block.multiply(x, 1, new Adc(4, 24), new RandomStream(1), y);
        // 4 bits over +-24: steps of 3; 20 -> 19.5, 23 -> 22.5, 26 and 29 clip to the top code, 22.5.
        assertEquals(19.5, y[0], 1e-6);
        assertEquals(22.5, y[1], 1e-6);
        assertEquals(22.5, y[3], 1e-6);
    }

    @Test
    void dacLevelsClipAndTime() {
        Dac unsigned = new Dac(4, 1.0, false, Dac.Encoding.DURATION);
        assertEquals(1.0 / 15 * 4, unsigned.quantize(0.27), 1e-12);
        assertEquals(1.0, unsigned.quantize(3));
        assertEquals(0.0, unsigned.quantize(-1));
        assertEquals(15, unsigned.steps());
        Dac signed = new Dac(4, 1.0, true, Dac.Encoding.AMPLITUDE);
        assertEquals(-1.0, signed.quantize(-2));
        assertEquals(-3.0 / 7, signed.quantize(-0.4), 1e-12);
        assertEquals(1, signed.steps());
    }

    /**
     * IR drop on a one-row tile of two cells (eight devices along the word line, GP GM LP LM of cell 0
     * then of cell 1), bit lines at virtual ground and no bit-line resistance: each device gets the
     * voltage of its node of the word-line ladder, solved here by Gaussian elimination of the nodal
     * equations (g_j + 2/r) v_j - v_{j-1}/r - v_{j+1}/r = 0, driver at 1 V behind the first segment.
     */
    @Test
    void wiresGiveEachDeviceItsWordLineNodesVoltage() {
        IdealDevices.Array devices = new IdealDevices.Array(DeviceLine.COUNT * 2, 1.0, 0);
        CrossbarTile tile = new CrossbarTile(0, 1, 2, 3, devices);
        RandomStream unused = new RandomStream(0);
        double[] gp = {20000, 10000};
        for (int c = 0; c < 2; c++) {
            devices.set(tile.base(0, 0), new int[] {c}, 1, gp[c], unused); // GP of cell c, uS
            devices.set(tile.base(2, 0), new int[] {c}, 1, 5000, unused); // LP of cell c
        }
        double r = 10;
        // Wire order: GP0 GM0 LP0 LM0 GP1 GM1 LP1 LM1, conductances in siemens.
        double[] g = {0.02, 0, 0.005, 0, 0.01, 0, 0.005, 0};
        int n = g.length;
        double[][] a = new double[n][n + 1];
        for (int j = 0; j < n; j++) {
            a[j][j] = g[j] + (j < n - 1 ? 2 : 1) / r;
            if (j > 0) {
                a[j][j - 1] = -1 / r;
            }
            if (j < n - 1) {
                a[j][j + 1] = -1 / r;
            }
        }
        a[0][n] = 1 / r;
        for (int p = 0; p < n; p++) {
            for (int i = p + 1; i < n; i++) {
                double f = a[i][p] / a[p][p];
                for (int k = p; k <= n; k++) {
                    a[i][k] -= f * a[p][k];
                }
            }
        }
        double[] v = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = a[i][n];
            for (int k = i + 1; k < n; k++) {
                sum -= a[i][k] * v[k];
            }
            v[i] = sum / a[i][i];
        }
        MvmBlock block = new MvmBlock(tile, 1, 2, 0, new org.xbarsim.engine.wire.Wires(r, 0, true));
        // Weights are kept as float: a relative 1e-6.
        assertEquals(3 * 20000 * v[0] + 5000 * v[2], block.weight(0, 0), 1e-6 * block.weight(0, 0));
        assertEquals(3 * 10000 * v[4] + 5000 * v[6], block.weight(0, 1), 1e-6 * block.weight(0, 1));
        assertEquals(40000, block.rowConductance(0), 1e-9);
        // The drop is large here (r g = 0.2 for the first device): the check is not trivially 1.
        assertTrue(v[7] < 0.8, "far end at " + v[7]);
    }
}
