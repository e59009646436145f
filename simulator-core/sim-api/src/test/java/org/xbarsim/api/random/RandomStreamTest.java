package org.xbarsim.api.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RandomStreamTest {
    private static final int N = 4_000_000;

    @Test
    void gaussianHasTheMomentsAndTailsOfAStandardNormal() {
        RandomStream r = new RandomStream(12345);
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        long beyond3 = 0;
        long beyond4 = 0;
        for (int i = 0; i < N; i++) {
            double x = r.nextGaussian();
            s1 += x;
            s2 += x * x;
            s4 += x * x * x * x;
            beyond3 += Math.abs(x) > 3 ? 1 : 0;
            beyond4 += Math.abs(x) > 4 ? 1 : 0;
        }
        double mean = s1 / N;
        double var = s2 / N;
        // Standard errors at N = 4e6: mean 5e-4, variance 7e-4, kurtosis 1.2e-3; tolerances are 5-6 of them.
        assertEquals(0, mean, 0.003);
        assertEquals(1, var, 0.004);
        assertEquals(3, s4 / N / (var * var), 0.01);
        // P(|x| > 3) = 0.0026998 (sd of the estimate 2.6e-5), P(|x| > 4) = 6.334e-5 (sd 4e-6): the
        // ziggurat's tail and wedges must be exact, not truncated.
        assertEquals(0.0026998, beyond3 / (double) N, 1.5e-4);
        assertEquals(6.334e-5, beyond4 / (double) N, 2.5e-5);
    }

    /**
     * The wedge test decides without the exponential when the uniform is clear of the density's chord
     * and tangent: every deviate must still be the one the plain ZIGNOR algorithm (Doornik 2005, the
     * wedge accepted when y < exp(-x^2 / 2)) draws from the same bits, here written out again with its
     * own tables. 3 million draws take about 82,000 wedge tests, some 600 of them in the narrow band
     * where the exponential is still needed.
     */
    @Test
    void wedgeShortcutDrawsWhatTheExactTestDraws() {
        RandomStream fast = new RandomStream(2024);
        PlainZiggurat plain = new PlainZiggurat(new RandomStream(2024));
        for (int i = 0; i < 3_000_000; i++) {
            assertEquals(plain.next(), fast.nextGaussian(), 0.0, "deviate " + i);
        }
        assertTrue(plain.wedges > 70_000, "wedge tests " + plain.wedges);
    }

    /** ZIGNOR with 128 layers, the layer and the uniform from disjoint bits of one draw, the wedge by exp. */
    private static final class PlainZiggurat {
        private static final double R = 3.442619855899;
        private static final double V = 9.91256303526217e-3;
        private final double[] x = new double[129];
        private final RandomStream bits;
        int wedges;

        PlainZiggurat(RandomStream bits) {
            this.bits = bits;
            double f = StrictMath.exp(-0.5 * R * R);
            x[0] = V / f;
            x[1] = R;
            for (int i = 2; i < 128; i++) {
                x[i] = StrictMath.sqrt(-2 * StrictMath.log(V / x[i - 1] + f));
                f = StrictMath.exp(-0.5 * x[i] * x[i]);
            }
        }

        double next() {
            while (true) {
                long b = bits.nextLong();
                int i = (int) (b & 127);
                double u = 2 * ((b >>> 11) * 0x1.0p-53) - 1;
                if (Math.abs(u) < x[i + 1] / x[i]) {
                    return u * x[i];
                }
                if (i == 0) {
                    double t;
                    double y;
                    do {
                        t = StrictMath.log(bits.nextOpenDouble()) / R;
                        y = StrictMath.log(bits.nextOpenDouble());
                    } while (-2 * y < t * t);
                    return u < 0 ? t - R : R - t;
                }
                wedges++;
                double v = u * x[i];
                double f0 = StrictMath.exp(-0.5 * x[i] * x[i]);
                double f1 = StrictMath.exp(-0.5 * x[i + 1] * x[i + 1]);
                if (f1 + bits.nextDouble() * (f0 - f1) < org.xbarsim.api.math.PortableMath.exp(-0.5 * v * v)) {
                    return v;
                }
            }
        }
    }

    @Test
    void uniformCoversTheUnitInterval() {
        RandomStream r = new RandomStream(7);
        int[] bins = new int[10];
        for (int i = 0; i < 1_000_000; i++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1);
            bins[(int) (u * 10)]++;
        }
        for (int b : bins) {
            // Expected 100,000 a bin, sd 300.
            assertEquals(100_000, b, 1_500);
        }
    }

    @Test
    void sameSeedSameSequenceAndNamesAreIndependent() {
        RandomStreams streams = new RandomStreams(42);
        double[] a = draw(streams.stream("tile3/read"));
        double[] b = draw(new RandomStreams(42).stream("tile3/read"));
        assertArrayEquals(a, b);
        assertNotEquals(a[0], draw(streams.stream("tile3/pulses"))[0]);
        assertNotEquals(a[0], draw(new RandomStreams(43).stream("tile3/read"))[0]);
        assertArrayEquals(a, draw(streams.child("tile3").stream("read")));
    }

    @Test
    void nextIntStaysInItsBound() {
        RandomStream r = new RandomStream(1);
        for (int i = 0; i < 100_000; i++) {
            int v = r.nextInt(7);
            assertTrue(v >= 0 && v < 7);
        }
    }

    private static double[] draw(RandomStream r) {
        double[] x = new double[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }
}
