package org.xbarsim.plugins.ecram;

import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.math.PortableMath;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of ECRAM devices in primitive arrays. Per device: conductance, window bounds,
 * symmetry point, step and the two slopes of the step (gamma divided by the distance from the
 * symmetry point to the bound, precomputed), and a drift exponent when drift is on. See
 * {@link EcramDeviceModel} for the model.
 */
final class EcramArray extends DeviceArrayBase {
    /** Narrowest window a device is fabricated with. */
    private static final double MIN_WINDOW = 1.0;

    private final double[] gmin;
    private final double[] gmax;
    private final double[] gsym;
    private final double[] alpha;
    private final double[] slopeUp;
    private final double[] slopeDown;
    private final double c2c;
    private final double resetStrength;

    EcramArray(Parameters p, int count, RandomStream rng) {
        super(count, p.number("readRel"), p.number("readAbs"),
                p.number("driftNuMean") != 0 || p.number("driftNuSigma") != 0, p.number("driftT0"));
        double gminMean = p.number("gminMean");
        double gmaxMean = p.number("gmaxMean");
        double boundSigma = p.number("boundSigmaRel");
        double symmetry = p.number("symmetryPoint");
        double alphaMedian = p.number("alphaMedian");
        double alphaSigmaLn = p.number("alphaSigmaLn");
        double gammaUp = p.number("gammaUp");
        double gammaDown = p.number("gammaDown");
        double gammaSigma = p.number("gammaSigmaRel");
        double nuMean = p.number("driftNuMean");
        double nuSigma = p.number("driftNuSigma");
        this.c2c = p.number("c2c");
        this.resetStrength = p.number("resetStrength");
        this.gmin = new double[count];
        this.gmax = new double[count];
        this.gsym = new double[count];
        this.alpha = new double[count];
        this.slopeUp = new double[count];
        this.slopeDown = new double[count];
        // Fixed draw order per device (Gmin, Gmax, alpha, gammaUp, gammaDown, nu if any).
        for (int i = 0; i < count; i++) {
            double lo = Math.max(0, gminMean * (1 + boundSigma * rng.nextGaussian()));
            double hi = Math.max(lo + MIN_WINDOW, gmaxMean * (1 + boundSigma * rng.nextGaussian()));
            double sym = lo + symmetry * (hi - lo);
            gmin[i] = lo;
            gmax[i] = hi;
            gsym[i] = sym;
            alpha[i] = alphaMedian * PortableMath.exp(alphaSigmaLn * rng.nextGaussian());
            double up = Math.min(Math.max(gammaUp * (1 + gammaSigma * rng.nextGaussian()), 0), 1);
            double down = Math.min(Math.max(gammaDown * (1 + gammaSigma * rng.nextGaussian()), 0), 1);
            slopeUp[i] = up / (hi - sym);
            slopeDown[i] = down / (sym - lo);
            // Drawn whether or not drift is on: switching drift off must not change the rest of the chip.
            double nuDeviate = rng.nextGaussian();
            if (nu != null) {
                nu[i] = Math.max(0, nuMean + nuSigma * nuDeviate);
            }
            g[i] = lo; // fabricated with an empty channel
        }
        drawFaults(p, i -> gmin[i], i -> gmax[i], rng);
    }

    /** Device i's highest conductance. */
    double gmax(int i) {
        return gmax[i];
    }

    /** Device i's symmetry point, where potentiation and depression steps are equal. */
    double symmetryPoint(int i) {
        return gsym[i];
    }

    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        depress(base, cols, count, resetStrength, rng);
    }

    @Override
    public void set(int base, int[] cols, int count, double strength, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double gi = g[i];
            double mean = strength * alpha[i] * (1 - slopeUp[i] * (gi - gsym[i]));
            g[i] = Math.min(Math.max(gi + mean * (1 + c2c * rng.nextGaussian()), gmin[i]), gmax[i]);
        }
        pin(base, cols, count);
    }

    /** A depression pulse of relative strength {@code strength} on each addressed device. */
    void depress(int base, int[] cols, int count, double strength, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double gi = g[i];
            double mean = strength * alpha[i] * (1 - slopeDown[i] * (gsym[i] - gi));
            g[i] = Math.min(Math.max(gi - mean * (1 + c2c * rng.nextGaussian()), gmin[i]), gmax[i]);
        }
        pin(base, cols, count);
    }
}
