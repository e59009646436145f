package org.xbarsim.engine.converter;

import org.xbarsim.api.random.RandomStream;

/**
 * A binary-weighted array of {@code bits} elements with random mismatch: the capacitors of a SAR
 * ADC's charge-redistribution DAC, or the unit sources of an amplitude DAC. Element k is 2^k unit
 * elements whose independent errors add, so its weight is 2^k + sigma sqrt(2^k) xi_k units (Pelgrom
 * matching: the spread of a capacitor grows as the square root of its size; the same construction as
 * CrossSim's SAR ADC model, Spear et al., IEEE JXCDC 2023). A termination unit (the CDAC's dummy
 * capacitor) brings the nominal total to 2^bits units. Weights are normalised by the drawn total, so
 * full scale is exact and only the ratios err, as in a charge-redistribution DAC.
 */
public final class BinaryWeightedArray {
    private final int bits;
    /** weight[k]: element k over the total; nominally 2^k / 2^bits. */
    private final double[] weight;

    private BinaryWeightedArray(int bits, double[] weight) {
        this.bits = bits;
        this.weight = weight;
    }

    /**
     * Draws an array: bits + 1 standard normal deviates from {@code rng}, elements from the least
     * significant up, then the termination unit.
     *
     * @param sigma relative standard deviation of one unit element
     */
    public static BinaryWeightedArray draw(int bits, double sigma, RandomStream rng) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("bits must be 1..16, got " + bits);
        }
        double[] c = new double[bits];
        double total = 0;
        for (int k = 0; k < bits; k++) {
            double units = 1 << k;
            c[k] = units + sigma * Math.sqrt(units) * rng.nextGaussian();
            total += c[k];
        }
        total += 1 + sigma * rng.nextGaussian();
        for (int k = 0; k < bits; k++) {
            c[k] /= total;
        }
        return new BinaryWeightedArray(bits, c);
    }

    /** The ideal array: element k weighs exactly 2^k / 2^bits. */
    public static BinaryWeightedArray ideal(int bits) {
        double[] c = new double[bits];
        for (int k = 0; k < bits; k++) {
            c[k] = (double) (1 << k) / (1 << bits);
        }
        return new BinaryWeightedArray(bits, c);
    }

    /** The level of a code, a fraction of full scale: the sum of the weights of its set bits. */
    public double level(int code) {
        double level = 0;
        for (int k = 0; k < bits; k++) {
            if ((code & (1 << k)) != 0) {
                level += weight[k];
            }
        }
        return level;
    }

    /**
     * Successive approximation of {@code u}, a fraction of full scale: from the most significant bit
     * down, keep a bit when u is at least the level with it set. Inputs below 0 give code 0, at or
     * above the top level the largest code: the converter saturates at its rails.
     */
    public int search(double u) {
        int code = 0;
        double level = 0;
        for (int k = bits - 1; k >= 0; k--) {
            double trial = level + weight[k];
            if (u >= trial) {
                code |= 1 << k;
                level = trial;
            }
        }
        return code;
    }

    /**
     * The transfer function of {@link #search}, derived from the weights: code D is returned exactly
     * for inputs in [low[D], high[D]) (empty, a missing code, when high <= low). A set bit k of D
     * needs u at least the level of D's bits from k up; a clear bit k needs u below that level plus
     * weight k. Codes 0 and 2^bits - 1 extend to the rails (written as -inf and +inf).
     */
    public void transfer(double[] low, double[] high) {
        int codes = 1 << bits;
        for (int d = 0; d < codes; d++) {
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            double prefix = 0;
            for (int k = bits - 1; k >= 0; k--) {
                if ((d & (1 << k)) != 0) {
                    prefix += weight[k];
                    lo = Math.max(lo, prefix);
                } else {
                    hi = Math.min(hi, prefix + weight[k]);
                }
            }
            low[d] = lo;
            high[d] = hi;
        }
    }

    /**
     * Differential nonlinearity of every code, in LSB: the width of its input interval over the ideal
     * width, minus 1 (-1 for a missing code). The end codes, open to the rails, are 0 by convention.
     */
    public double[] dnl() {
        int codes = 1 << bits;
        double[] low = new double[codes];
        double[] high = new double[codes];
        transfer(low, high);
        double[] dnl = new double[codes];
        for (int d = 1; d < codes - 1; d++) {
            dnl[d] = Math.max(0, high[d] - low[d]) * codes - 1;
        }
        return dnl;
    }

    /**
     * Integral nonlinearity of every code, in LSB: where its lower transition lies against the ideal
     * transition at D / 2^bits. Code 0 has no lower transition: 0.
     */
    public double[] inl() {
        int codes = 1 << bits;
        double[] low = new double[codes];
        double[] high = new double[codes];
        transfer(low, high);
        double[] inl = new double[codes];
        for (int d = 1; d < codes; d++) {
            inl[d] = low[d] * codes - d;
        }
        return inl;
    }
}
