package org.xbarsim.engine.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStream;

class BinaryWeightedArrayTest {

    @Test
    void theIdealArrayConvertsToTheFloorOfTheInput() {
        BinaryWeightedArray a = BinaryWeightedArray.ideal(6);
        for (double u = -0.1; u < 1.1; u += 0.0037) {
            int expected = (int) Math.max(0, Math.min(63, Math.floor(u * 64)));
            assertEquals(expected, a.search(u), "u = " + u);
        }
        for (int d = 0; d < 64; d++) {
            assertEquals(d / 64.0, a.level(d), 0);
        }
        assertEquals(0.0, a.dnl()[17], 1e-12);
        assertEquals(0.0, a.inl()[40], 1e-12);
    }

    /**
     * The transfer function derived from the weights is the one the binary search has: a fine sweep of
     * inputs through {@link BinaryWeightedArray#search} lands every input in the interval derived for
     * its code, missing codes included.
     */
    @Test
    void derivedTransferFunctionIsTheSearchs() {
        BinaryWeightedArray a = BinaryWeightedArray.draw(5, 0.3, new RandomStream(11));
        double[] low = new double[32];
        double[] high = new double[32];
        a.transfer(low, high);
        for (double u = -0.05; u < 1.05; u += 1e-4) {
            int code = a.search(u);
            assertTrue(u >= low[code] && u < high[code], "u " + u + " code " + code + " [" + low[code] + ", "
                    + high[code] + ")");
        }
    }

    /**
     * Capacitor mismatch makes DNL: the code just below mid-scale (2^(B-1) - 1, all bits but the largest
     * set) spans from the level of the smaller capacitors to that of the largest alone, a width of
     * (C_{B-1} - sum_{k<B-1} C_k) / C_total. With
     * C_k = 2^k + sigma sqrt(2^k) xi_k its error is sigma^2 (2^(B-1) + 2^(B-1) - 1) in variance, so
     * the DNL there has standard deviation sigma sqrt(2^B - 1) LSB to first order (the textbook result
     * for binary-weighted arrays). Over 4,000 arrays the measured spread has a relative standard error
     * of about 1.1%; 5% allows for that and the first-order approximation.
     */
    @Test
    void midScaleDnlSpreadIsSigmaTimesRootOfTwoToTheBitsMinusOne() {
        int bits = 8;
        double sigma = 0.01;
        int n = 4000;
        double sum = 0;
        double sum2 = 0;
        RandomStream rng = new RandomStream(5);
        for (int i = 0; i < n; i++) {
            double dnl = BinaryWeightedArray.draw(bits, sigma, rng).dnl()[(1 << (bits - 1)) - 1];
            sum += dnl;
            sum2 += dnl * dnl;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sum2 / n - mean * mean);
        double expected = sigma * Math.sqrt((1 << bits) - 1);
        assertEquals(expected, sd, 0.05 * expected);
        assertEquals(0, mean, 4 * expected / Math.sqrt(n));
    }

    /** INL at a code is where its lower transition sits: for code D the level of D's bits, against D / 2^B. */
    @Test
    void inlIsTheTransitionAgainstTheIdealOne() {
        BinaryWeightedArray a = BinaryWeightedArray.draw(4, 0.2, new RandomStream(3));
        double[] inl = a.inl();
        for (int d = 1; d < 16; d++) {
            assertEquals(a.level(d) * 16 - d, inl[d], 1e-12);
        }
    }

    @Test
    void refusesImpossibleResolutions() {
        assertThrows(IllegalArgumentException.class, () -> BinaryWeightedArray.draw(0, 0.1, new RandomStream(1)));
        assertThrows(IllegalArgumentException.class, () -> BinaryWeightedArray.draw(17, 0.1, new RandomStream(1)));
    }

    /** Element k weighs 2^k + sigma sqrt(2^k) xi_k units, the termination 1 + sigma xi; levels over the total. */
    @Test
    void weightsAreTheDocumentedDraws() {
        RandomStream same = new RandomStream(21);
        double[] c = new double[5];
        double total = 0;
        for (int k = 0; k < 5; k++) {
            c[k] = (1 << k) + 0.1 * Math.sqrt(1 << k) * same.nextGaussian();
            total += c[k];
        }
        total += 1 + 0.1 * same.nextGaussian();
        BinaryWeightedArray a = BinaryWeightedArray.draw(5, 0.1, new RandomStream(21));
        assertEquals((c[0] + c[1] + c[3]) / total, a.level(0b1011), 1e-15);
        assertEquals(c[4] / total, a.level(16), 1e-15);
    }

    /** An input exactly on a level takes the code above the transition; the last code has no DNL. */
    @Test
    void transitionsBelongToTheCodeAbove() {
        BinaryWeightedArray ideal = BinaryWeightedArray.ideal(4);
        for (int d = 0; d < 16; d++) {
            assertEquals(d, ideal.search(d / 16.0));
        }
        BinaryWeightedArray drawn = BinaryWeightedArray.draw(4, 0.2, new RandomStream(3));
        assertEquals(0, drawn.dnl()[15]);
        assertEquals(0, drawn.dnl()[0]);
        assertEquals(1, BinaryWeightedArray.draw(1, 0, new RandomStream(1)).search(0.6));
        assertEquals(65535, BinaryWeightedArray.draw(16, 0, new RandomStream(1)).search(1.5));
    }
}
