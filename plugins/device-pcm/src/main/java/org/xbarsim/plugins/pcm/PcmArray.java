package org.xbarsim.plugins.pcm;

import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceLaws;
import org.xbarsim.api.device.StuckFaults;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of PCM devices in primitive arrays. Per device: conductance G, maximum Gmax (with
 * 1/Gmax and the 1.05 Gmax ceiling precomputed, so a pulse costs one multiply instead of a divide),
 * SET step alpha and drift exponent nu (or, with the statistical drift law, the device's fixed
 * standard-normal deviate of nu). See {@link PcmDeviceModel} for the model and the laws.
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
    /** Per-pulse law: nu per device; statistical drift law: its standard-normal deviate. */
    private final double[] nu;
    private final double c2c;
    private final double gReset;
    private final double resetRel;
    private final double readRel;
    private final double readAbs;
    private final double t0;
    /** Null unless the aihwkit laws are selected: the default path never touches them. */
    private final PcmStatistics statistics;
    private final boolean statisticalProgramming;
    private final boolean statisticalDrift;
    private final boolean statisticalRead;
    /** Null when no device is stuck. */
    private final StuckFaults faults;

    PcmArray(Parameters p, int count, RandomStream rng) {
        double gmaxMean = p.number("gmaxMean");
        double gmaxSigmaRel = p.number("gmaxSigmaRel");
        double alphaMedian = p.number("alphaMedian");
        double alphaSigmaLn = p.number("alphaSigmaLn");
        double nuMean = p.number("driftNuMean");
        double nuSigma = p.number("driftNuSigma");
        this.g = new double[count];
        this.invGmax = new double[count];
        this.ceiling = new double[count];
        this.alpha = new double[count];
        this.nu = new double[count];
        this.c2c = p.number("c2c");
        this.gReset = p.number("gReset");
        this.resetRel = p.number("resetRel");
        this.readRel = p.number("readRel");
        this.readAbs = p.number("readAbs");
        this.t0 = p.number("driftT0");
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
            alpha[i] = alphaMedian * StrictMath.exp(alphaSigmaLn * rng.nextGaussian());
            double z = rng.nextGaussian();
            nu[i] = statisticalDrift ? z : Math.max(0, nuMean + nuSigma * z);
            g[i] = Math.max(0, gReset * (1 + resetRel * rng.nextGaussian()));
        }
        // Stuck low means stuck in the RESET (amorphous) state, stuck high at the device's Gmax.
        this.faults = StuckFaults.draw(p, g, i -> gReset, i -> 1 / invGmax[i], rng);
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
        if (faults != null) {
            faults.pin(g, base, cols, count);
        }
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
        if (faults != null) {
            faults.pin(g, base, cols, count);
        }
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
    public void readNoiseVariance(int base, int[] cols, int count, double[] out) {
        DeviceLaws.readVariance(readRel, readAbs, g, base, cols, count, out);
    }

    @Override
    public void readNoiseVariances(double[] conductances, double[] out) {
        readNoiseVariances(0, conductances, out);
    }

    @Override
    public void readNoiseVariances(double seconds, double[] conductances, double[] out) {
        if (statisticalRead) {
            statistics.readVariances(seconds, t0, g, conductances, out);
        } else {
            DeviceLaws.readVariances(readRel, readAbs, conductances, out);
        }
    }

    @Override
    public void drifted(double seconds, double[] out) {
        if (statisticalDrift) {
            statistics.drift(g, nu, t0, seconds, out);
        } else {
            DeviceLaws.powerLawDrift(g, nu, t0, seconds, out);
        }
        if (faults != null) {
            // A stuck device is a hardware fault, not a programmed state: it holds its value.
            faults.pinAll(out);
        }
    }
}
