package org.xbarsim.plugins.pcm;

import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.math.PortableMath;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of PCM devices in primitive arrays. Per device: conductance G, maximum Gmax (with
 * 1/Gmax and the 1.05 Gmax ceiling precomputed, so a pulse costs one multiply instead of a divide),
 * SET step alpha and drift exponent nu (or, with the statistical drift law, the device's fixed
 * standard-normal deviate of nu). See {@link PcmDeviceModel} for the model and the laws.
 */
final class PcmArray extends DeviceArrayBase {
    /** A SET can carry a device a little past Gmax: science.md clips at 1.05 Gmax. */
    private static final double CEILING = 1.05;
    /** No device is fabricated below this maximum: a 0 uS device would be an open circuit. */
    private static final double GMAX_FLOOR = 1.0;

    private final double[] invGmax;
    private final double[] ceiling;
    private final double[] alpha;
    private final double c2c;
    private final double gReset;
    private final double resetRel;
    /** Null unless the aihwkit laws are selected: the default path never touches them. */
    private final PcmStatistics statistics;
    private final boolean statisticalProgramming;
    private final boolean statisticalDrift;
    private final boolean statisticalRead;

    /**
     * With the statistical drift law, {@link #nu} holds each device's standard-normal deviate of nu, not
     * nu itself: nu then depends on the programmed conductance.
     */
    PcmArray(Parameters p, int count, RandomStream rng) {
        super(count, p.number("readRel"), p.number("readAbs"), true, p.number("driftT0"));
        double gmaxMean = p.number("gmaxMean");
        double gmaxSigmaRel = p.number("gmaxSigmaRel");
        double alphaMedian = p.number("alphaMedian");
        double alphaSigmaLn = p.number("alphaSigmaLn");
        double nuMean = p.number("driftNuMean");
        double nuSigma = p.number("driftNuSigma");
        this.invGmax = new double[count];
        this.ceiling = new double[count];
        this.alpha = new double[count];
        this.c2c = p.number("c2c");
        this.gReset = p.number("gReset");
        this.resetRel = p.number("resetRel");
        this.statisticalProgramming = p.text("programmingNoise").equals(PcmDeviceModel.AIHWKIT);
        this.statisticalDrift = p.text("driftLaw").equals(PcmDeviceModel.AIHWKIT);
        this.statisticalRead = p.text("readNoiseLaw").equals(PcmDeviceModel.AIHWKIT);
        this.statistics = statisticalProgramming || statisticalDrift || statisticalRead
                ? new PcmStatistics(p.number("statGReference"), p.number("progNoiseScale"), p.number("readTime"))
                : null;
        // Fixed draw order (Gmax, alpha, nu, initial state for each device in turn): the population
        // depends only on the stream, never on how it is later used. The statistical drift law draws
        // the same deviate and keeps it raw: nu then depends on the programmed conductance.
        for (int i = 0; i < count; i++) {
            double gmax = Math.max(GMAX_FLOOR, gmaxMean * (1 + gmaxSigmaRel * rng.nextGaussian()));
            invGmax[i] = 1 / gmax;
            ceiling[i] = CEILING * gmax;
            alpha[i] = alphaMedian * PortableMath.exp(alphaSigmaLn * rng.nextGaussian());
            double z = rng.nextGaussian();
            nu[i] = statisticalDrift ? z : Math.max(0, nuMean + nuSigma * z);
            g[i] = Math.max(0, gReset * (1 + resetRel * rng.nextGaussian()));
        }
        // Stuck low means stuck in the RESET (amorphous) state, stuck high at the device's Gmax.
        drawFaults(p, i -> gReset, i -> 1 / invGmax[i], rng);
    }

    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            g[base + cols[k]] = Math.max(0, gReset * (1 + resetRel * rng.nextGaussian()));
        }
        pin(base, cols, count);
    }

    @Override
    public void set(int base, int[] cols, int count, double strength, RandomStream rng) {
        if (statisticalProgramming) {
            setStatistical(base, cols, count, strength, rng);
        } else {
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
        pin(base, cols, count);
    }

    /**
     * The same mean step, with the cycle-to-cycle noise taken from the aihwkit programming-noise law
     * at the conductance the mean step reaches, times the strength (see {@link PcmStatistics}).
     */
    private void setStatistical(int base, int[] cols, int count, double strength, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double gi = g[i];
            double landing = gi + strength * alpha[i] * Math.max(0, 1 - gi * invGmax[i]);
            double next = landing + strength * statistics.programmingSigma(landing) * rng.nextGaussian();
            g[i] = Math.min(Math.max(next, 0), ceiling[i]);
        }
    }

    @Override
    public void readNoiseVariances(double[] conductances, double[] out) {
        readNoiseVariances(0, conductances, out);
    }

    @Override
    public void readNoiseVariances(double seconds, double[] conductances, double[] out) {
        if (statisticalRead) {
            statistics.readVariances(seconds, driftT0(), g, conductances, out);
        } else {
            super.readNoiseVariances(conductances, out);
        }
    }

    @Override
    public void drifted(double seconds, double[] out) {
        if (statisticalDrift) {
            statistics.drift(g, nu, driftT0(), seconds, out);
            pinAll(out);
        } else {
            super.drifted(seconds, out);
        }
    }
}
