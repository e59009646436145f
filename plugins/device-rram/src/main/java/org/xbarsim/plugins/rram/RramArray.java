package org.xbarsim.plugins.rram;

import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.math.PortableMath;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of RRAM devices in primitive arrays. Per device: conductance G, window bounds Gmin and
 * Gmax (with 1/(Gmax - Gmin) precomputed, so a SET costs a multiply, not a divide), SET step alpha,
 * RESET depth and relaxation exponent. See {@link RramDeviceModel} for the model.
 */
final class RramArray extends DeviceArrayBase {
    /** Narrowest window a device is fabricated with: a device whose Gmax fell on its Gmin could not be set. */
    private static final double MIN_WINDOW = 1.0;

    private final double[] gmin;
    private final double[] gmax;
    private final double[] invWindow;
    private final double[] alpha;
    private final double[] resetDepth;
    private final double c2c;
    private final double resetC2c;

    RramArray(Parameters p, int count, RandomStream rng) {
        super(count, p.number("readRel"), p.number("readAbs"),
                p.number("driftNuMean") != 0 || p.number("driftNuSigma") != 0, p.number("driftT0"));
        double gminMean = p.number("gminMean");
        double gminSigmaRel = p.number("gminSigmaRel");
        double gmaxMean = p.number("gmaxMean");
        double gmaxSigmaRel = p.number("gmaxSigmaRel");
        double alphaMedian = p.number("alphaMedian");
        double alphaSigmaLn = p.number("alphaSigmaLn");
        double depthMedian = p.number("resetDepth");
        double depthSigmaLn = p.number("resetDepthSigmaLn");
        double nuMean = p.number("driftNuMean");
        double nuSigma = p.number("driftNuSigma");
        this.c2c = p.number("c2c");
        this.resetC2c = p.number("resetC2c");
        this.gmin = new double[count];
        this.gmax = new double[count];
        this.invWindow = new double[count];
        this.alpha = new double[count];
        this.resetDepth = new double[count];
        // Fixed draw order per device (Gmin, Gmax, alpha, RESET depth, nu): the population depends only
        // on the stream and the parameters, never on how it is used later. The drift deviate is drawn
        // even with drift off, so that switching drift off does not change the rest of the chip.
        for (int i = 0; i < count; i++) {
            double lo = Math.max(0, gminMean * (1 + gminSigmaRel * rng.nextGaussian()));
            double hi = Math.max(lo + MIN_WINDOW, gmaxMean * (1 + gmaxSigmaRel * rng.nextGaussian()));
            gmin[i] = lo;
            gmax[i] = hi;
            invWindow[i] = 1 / (hi - lo);
            alpha[i] = alphaMedian * PortableMath.exp(alphaSigmaLn * rng.nextGaussian());
            resetDepth[i] = depthMedian * PortableMath.exp(depthSigmaLn * rng.nextGaussian());
            double nuDeviate = rng.nextGaussian();
            if (nu != null) {
                nu[i] = nuMean + nuSigma * nuDeviate; // not clipped: relaxation goes both ways
            }
            g[i] = lo; // fabricated (formed and reset) in the high-resistance state
        }
        drawFaults(p, i -> gmin[i], i -> gmax[i], rng);
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
        pin(base, cols, count);
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
        pin(base, cols, count);
    }
}
