package org.xbarsim.api.random;

import org.xbarsim.api.math.PortableMath;

/**
 * One named stream of random numbers: SplitMix64 for uniform bits and a ziggurat for normal
 * deviates. Not thread-safe: a stream belongs to one component (one tile's reads, one tile's
 * pulses), which is what makes results independent of the number of threads.
 *
 * <p>Why not {@link java.util.SplittableRandom#nextGaussian()}: it is as fast (about 4-5 ns a
 * deviate here, see RandomStreamBench), but its algorithm belongs to the JDK, which replaced it in
 * JDK 17; a simulator whose golden results must hold across JDK updates owns its generator. The ziggurat
 * is Marsaglia and Tsang's (J. Stat. Softw. 5(8), 2000) in Doornik's 128-layer ZIGNOR form
 * (2005), with the layer index and the uniform taken from disjoint bits of one 64-bit draw, which
 * avoids the correlation Doornik found in the original. It is exact, not a table approximation:
 * the tail and wedges are sampled by rejection. Rare paths use {@link PortableMath#exp} and
 * {@link StrictMath#log} so results are bit-identical on every JVM (the wedge test's exponential is
 * the ziggurat's costliest step: StrictMath's took 15% of a run's samples). The density at each layer
 * edge is tabulated, so a wedge test costs one exponential, not two.
 */
public final class RandomStream {
    private static final int LAYERS = 128;
    private static final double R = 3.442619855899;
    private static final double V = 9.91256303526217e-3;
    private static final double[] X = new double[LAYERS + 1];
    private static final double[] RATIO = new double[LAYERS];
    /** exp(-x^2 / 2) at each layer edge. */
    private static final double[] DENSITY = new double[LAYERS + 1];
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    /**
     * The wedge test's shortcut (see {@link #rareGaussian}), per layer i >= 1 whose wedge spans
     * t = x^2 / 2 from WEDGE_T[i] = X[i+1]^2 / 2 to X[i]^2 / 2: the slope of the chord of exp(-t) over
     * the wedge, and the point and value of its tangent in the middle.
     */
    private static final double[] WEDGE_T = new double[LAYERS];
    private static final double[] CHORD_SLOPE = new double[LAYERS];
    private static final double[] TANGENT_T = new double[LAYERS];
    private static final double[] TANGENT_F = new double[LAYERS];
    /**
     * How far a uniform must be from either bound for the shortcut to decide: the bounds' own rounding
     * (a few units in the last place of numbers at most 1) and PortableMath.exp's error (under 1 ulp)
     * are a million times smaller, so the shortcut decides exactly as the exponential would.
     */
    private static final double WEDGE_MARGIN = 1e-12;

    static {
        double f = StrictMath.exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        X[LAYERS] = 0;
        for (int i = 2; i < LAYERS; i++) {
            X[i] = StrictMath.sqrt(-2 * StrictMath.log(V / X[i - 1] + f));
            f = StrictMath.exp(-0.5 * X[i] * X[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            RATIO[i] = X[i + 1] / X[i];
        }
        for (int i = 0; i <= LAYERS; i++) {
            DENSITY[i] = StrictMath.exp(-0.5 * X[i] * X[i]);
        }
        for (int i = 1; i < LAYERS; i++) {
            double inner = 0.5 * X[i + 1] * X[i + 1];
            double outer = 0.5 * X[i] * X[i];
            WEDGE_T[i] = inner;
            CHORD_SLOPE[i] = (DENSITY[i] - DENSITY[i + 1]) / (outer - inner);
            TANGENT_T[i] = 0.5 * (inner + outer);
            TANGENT_F[i] = StrictMath.exp(-TANGENT_T[i]);
        }
    }

    private long state;

    public RandomStream(long seed) {
        this.state = seed;
    }

    /** 64 uniformly distributed bits (SplitMix64, Steele, Lea and Flood, OOPSLA 2014). */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * TWO_POW_MINUS_53;
    }

    /** Uniform in (0, 1): safe to take the logarithm of. */
    public double nextOpenDouble() {
        return ((nextLong() >>> 11) + 0.5) * TWO_POW_MINUS_53;
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** A standard normal deviate. */
    public double nextGaussian() {
        while (true) {
            long bits = nextLong();
            int layer = (int) (bits & (LAYERS - 1));
            double u = 2 * ((bits >>> 11) * TWO_POW_MINUS_53) - 1;
            if (Math.abs(u) < RATIO[layer]) {
                return u * X[layer];
            }
            double result = rareGaussian(layer, u);
            if (!Double.isNaN(result)) {
                return result;
            }
        }
    }

    /** The tail and wedge cases, about 1.5% of draws; NaN means rejected, draw again. */
    private double rareGaussian(int layer, double u) {
        if (layer == 0) {
            double x;
            double y;
            do {
                x = StrictMath.log(nextOpenDouble()) / R;
                y = StrictMath.log(nextOpenDouble());
            } while (-2 * y < x * x);
            return u < 0 ? x - R : R - x;
        }
        // Wedge: accept x with probability proportional to the density between the layer's edges, that
        // is when a uniform y between the edges' densities lies under exp(-x^2 / 2).
        double x = u * X[layer];
        double f0 = DENSITY[layer];
        double f1 = DENSITY[layer + 1];
        double y = f1 + nextDouble() * (f0 - f1);
        // exp(-t) is convex in t = x^2 / 2: over the wedge it lies under its chord and above its tangent
        // at the wedge's middle. A y clearly above the chord is rejected and one clearly under the tangent
        // accepted without the exponential, with the very decision the exponential would give; only a y
        // in the narrow band between them (0.7% of wedge draws) pays for it.
        double t = 0.5 * x * x;
        if (y >= f1 + CHORD_SLOPE[layer] * (t - WEDGE_T[layer]) + WEDGE_MARGIN) {
            return Double.NaN;
        }
        if (y < TANGENT_F[layer] * (1 - (t - TANGENT_T[layer])) - WEDGE_MARGIN) {
            return x;
        }
        return y < PortableMath.exp(-0.5 * x * x) ? x : Double.NaN;
    }
}
