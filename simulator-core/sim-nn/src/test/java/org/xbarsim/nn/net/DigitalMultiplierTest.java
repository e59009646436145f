package org.xbarsim.nn.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStream;

/** Both loops give the same bits, and the sum of a double reference within float rounding. */
class DigitalMultiplierTest {
    @Test
    void rowAndColumnMajorLoopsAgreeBitForBit() {
        RandomStream r = new RandomStream(4);
        int k = 37;
        int cols = 7;
        int rows = 150;
        float[] w = Direct.random(r, k * cols);
        float[] x = Direct.random(r, rows * k);
        for (int i = 0; i < x.length; i += 4) {
            x[i] = 0; // zero inputs: the row loop skips them, the column loop adds them
        }
        float[] a = new float[rows * cols];
        float[] b = new float[rows * cols];
        java.util.Arrays.fill(a, 99); // results overwrite whatever was there
        DigitalMultiplier.rowMajor(w, k, cols, x, rows, a);
        DigitalMultiplier.columnMajor(w, k, cols, x, rows, b);
        assertArrayEquals(a, b);
        for (int row = 0; row < rows; row++) {
            for (int c = 0; c < cols; c++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += (double) x[row * k + i] * w[i * cols + c];
                }
                assertEquals(s, a[row * cols + c], 1e-5);
            }
        }
        float[] viaMatrix = new float[rows * cols];
        new DigitalMultiplier(List.of(new WeightMatrix("m", k, cols, w))).multiply(0, x, rows, viaMatrix);
        assertArrayEquals(a, viaMatrix);
        float[] few = new float[3 * cols];
        DigitalMultiplier.multiply(w, k, cols, x, 3, few);
        assertArrayEquals(java.util.Arrays.copyOf(a, 3 * cols), few);
    }
}
