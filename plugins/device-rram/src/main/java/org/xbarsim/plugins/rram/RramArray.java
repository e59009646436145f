package org.xbarsim.plugins.rram;

import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceLaws;
import org.xbarsim.api.device.StuckFaults;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of RRAM devices in primitive arrays. Per device: conductance G, window bounds Gmin and
 * Gmax (with 1/(Gmax - Gmin) precomputed, so a SET costs a multiply, not a divide), SET step alpha,
 * RESET depth and relaxation exponent. See {@link RramDeviceModel} for the model.
 */
final class RramArray implements DeviceArray {
    /** Narrowest window a device is fabricated with: a device whose Gmax fell on its Gmin could not be set. */
    private static final double MIN_WINDOW = 1.0;

    private final double[] g;
    private final double[] gmin;
    private final double[] gmax;
    private final double[] invWindow;
    private final double[] alpha;
    private final double[] resetDepth;
    /** Null when the relaxation is off: drifted() is then a copy. */
    private final double[] nu;
    private final double c2c;
    private final double resetC2c;
    private final double readRel;
    private final double readAbs;
    private final double t0;
    /** Null when no device is stuck. */
    private final StuckFaults faults;

    RramArray(Parameters p, int count, RandomStream rng) {
        double gminMean = p.number("gminMean");
        double gminSigmaRel = p.number("gminSigmaRel");
        double gmaxMean = p.number("gmaxMean");
        double gmaxSigmaRel = p.number("gmaxSigmaRel");
        double alphaMedian = p.number("alphaMedian");
        double alphaSigmaLn = p.number("alphaSigmaLn");
        double depthMedian = p.number("resetDepth");
        double depthSigmaLn = p.number("resetDepthSigmaLn");
        double nuMean = p.number("relaxNuMean");
        double nuSigma = p.number("relaxNuSigma");
        this.c2c = p.number("c2c");
        this.resetC2c = p.number("resetC2c");
        this.readRel = p.number("readRel");
        this.readAbs = p.number("readAbs");
        this.t0 = p.number("relaxT0");
        this.g = new double[count];
        this.gmin = new double[count];
        this.gmax = new double[count];
        this.invWindow = new double[count];
        this.alpha = new double[count];
        this.resetDepth = new double[count];
        this.nu = nuMean != 0 || nuSigma != 0 ? new double[count] : null;
        // Fixed draw order per device (Gmin, Gmax, alpha, RESET depth, nu if any): the population
        // depends only on the stream and the parameters, never on how it is used later.
        for (int i = 0; i < count; i++) {
            double lo = Math.max(0, gminMean * (1 + gminSigmaRel * rng.nextGaussian()));
            double hi = Math.max(lo + MIN_WINDOW, gmaxMean * (1 + gmaxSigmaRel * rng.nextGaussian()));
            gmin[i] = lo;
            gmax[i] = hi;
            invWindow[i] = 1 / (hi - lo);
            alpha[i] = alphaMedian * StrictMath.exp(alphaSigmaLn * rng.nextGaussian());
            resetDepth[i] = depthMedian * StrictMath.exp(depthSigmaLn * rng.nextGaussian());
            if (nu != null) {
                nu[i] = nuMean + nuSigma * rng.nextGaussian();
            }
            g[i] = lo; // fabricated (formed and reset) in the high-resistance state
        }
        this.faults = StuckFaults.draw(p, g, i -> gmin[i], i -> gmax[i], rng);
    }

    @Override
    public int size() {
        return g.length;
    }

    @Override
    public double[] conductances() {
        return g;
    }

    /** Device i's lowest conductance (its high-resistance state). */
    double gmin(int i) {
        return gmin[i];
    }

    /** Device i's highest conductance. */
    double gmax(int i) {
        return gmax[i];
    }

    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double depth = resetDepth[i] * Math.max(0, 1 + resetC2c * rng.nextGaussian());
            g[i] = gmin[i] + (g[i] - gmin[i]) * StrictMath.exp(-depth);
        }
        if (faults != null) {
            faults.pin(g, base, cols, count);
        }
    }

    @Override
    public void set(int base, int[] cols, int count, double strength, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double gi = g[i];
            double lo = gmin[i];
            double step = strength * alpha[i];
            // Soft bound: the mean step shrinks linearly to zero at Gmax; the noise does not, so a
            // partial SET can lower G (never out of the device's window).
            double mean = step * Math.max(0, 1 - (gi - lo) * invWindow[i]);
            double next = gi + mean + c2c * step * rng.nextGaussian();
            g[i] = Math.min(Math.max(next, lo), gmax[i]);
        }
        if (faults != null) {
            faults.pin(g, base, cols, count);
        }
    }

    @Override
    public void readNoiseVariance(int base, int[] cols, int count, double[] out) {
        DeviceLaws.readVariance(readRel, readAbs, g, base, cols, count, out);
    }

    @Override
    public void readNoiseVariances(double[] conductances, double[] out) {
        DeviceLaws.readVariances(readRel, readAbs, conductances, out);
    }

    @Override
    public void drifted(double seconds, double[] out) {
        DeviceLaws.powerLawDrift(g, nu, t0, seconds, out);
        if (faults != null) {
            faults.pinAll(out); // a stuck device holds its value
        }
    }
}
