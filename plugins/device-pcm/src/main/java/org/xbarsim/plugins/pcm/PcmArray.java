package org.xbarsim.plugins.pcm;

import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of PCM devices in primitive arrays. Per device: conductance G, maximum Gmax (with
 * 1/Gmax and the 1.05 Gmax ceiling precomputed, so a pulse costs one multiply instead of a divide),
 * SET step alpha and drift exponent nu. See {@link PcmDeviceModel} for the model.
 */
final class PcmArray implements DeviceArray {
    /** A SET can carry a device a little past Gmax: science.md clips at 1.05 Gmax. */
    private static final double CEILING = 1.05;
    /** No device is fabricated below this maximum: a 0 uS device would be an open circuit. */
    private static final double GMAX_FLOOR = 1.0;

    private final double[] g;
    private final double[] invGmax;
    private final double[] ceiling;
    private final double[] alpha;
    private final double[] nu;
    private final double c2c;
    private final double gReset;
    private final double resetRel;
    private final double readRel;
    private final double readAbs;
    private final double t0;

    PcmArray(int count, double gmaxMean, double gmaxSigmaRel, double alphaMedian, double alphaSigmaLn, double c2c,
             double gReset, double resetRel, double readRel, double readAbs, double nuMean, double nuSigma,
             double t0, RandomStream rng) {
        this.g = new double[count];
        this.invGmax = new double[count];
        this.ceiling = new double[count];
        this.alpha = new double[count];
        this.nu = new double[count];
        this.c2c = c2c;
        this.gReset = gReset;
        this.resetRel = resetRel;
        this.readRel = readRel;
        this.readAbs = readAbs;
        this.t0 = t0;
        // Fixed draw order (Gmax, alpha, nu, initial state for each device in turn): the population
        // depends only on the stream, never on how it is later used.
        for (int i = 0; i < count; i++) {
            double gmax = Math.max(GMAX_FLOOR, gmaxMean * (1 + gmaxSigmaRel * rng.nextGaussian()));
            invGmax[i] = 1 / gmax;
            ceiling[i] = CEILING * gmax;
            alpha[i] = alphaMedian * StrictMath.exp(alphaSigmaLn * rng.nextGaussian());
            nu[i] = Math.max(0, nuMean + nuSigma * rng.nextGaussian());
            g[i] = Math.max(0, gReset * (1 + resetRel * rng.nextGaussian()));
        }
    }

    @Override
    public int size() {
        return g.length;
    }

    @Override
    public double[] conductances() {
        return g;
    }

    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            g[base + cols[k]] = Math.max(0, gReset * (1 + resetRel * rng.nextGaussian()));
        }
    }

    @Override
    public void set(int base, int[] cols, int count, double strength, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double gi = g[i];
            double step = strength * alpha[i];
            // Mean step shrinks linearly to zero at Gmax; the noise does not, so a SET can lower G.
            double mean = step * Math.max(0, 1 - gi * invGmax[i]);
            double next = gi + mean + c2c * step * rng.nextGaussian();
            g[i] = Math.min(Math.max(next, 0), ceiling[i]);
        }
    }

    @Override
    public void readNoiseVariance(int base, int[] cols, int count, double[] out) {
        for (int k = 0; k < count; k++) {
            double sigma = readRel * g[base + cols[k]] + readAbs;
            out[k] = sigma * sigma;
        }
    }

    @Override
    public void readNoiseVariances(double[] conductances, double[] out) {
        for (int i = 0; i < g.length; i++) {
            double sigma = readRel * conductances[i] + readAbs;
            out[i] = sigma * sigma;
        }
    }

    @Override
    public void drifted(double seconds, double[] out) {
        if (seconds <= t0) {
            System.arraycopy(g, 0, out, 0, g.length);
            return;
        }
        double logRatio = StrictMath.log(seconds / t0);
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i] * StrictMath.exp(-nu[i] * logRatio);
        }
    }
}
