package org.xbarsim.api.device;

/**
 * Laws several device models share, over primitive arrays, so that every technology computes them
 * with the same arithmetic (and a change to one is a change to all): Gaussian read noise with a part
 * proportional to conductance and a constant part, and power-law drift G (t/t0)^-nu.
 */
public final class DeviceLaws {
    private DeviceLaws() {
    }

    /** Read-noise variance (readRel G + readAbs)^2 of the addressed devices, written to out[k]. */
    public static void readVariance(double readRel, double readAbs, double[] g, int base, int[] cols, int count,
                                    double[] out) {
        for (int k = 0; k < count; k++) {
            double sigma = readRel * g[base + cols[k]] + readAbs;
            out[k] = sigma * sigma;
        }
    }

    /** Read-noise variance (readRel G + readAbs)^2 of every device at the given conductances. */
    public static void readVariances(double readRel, double readAbs, double[] conductances, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double sigma = readRel * conductances[i] + readAbs;
            out[i] = sigma * sigma;
        }
    }

    /**
     * Power-law drift: out = g (seconds / t0)^-nu per device for seconds > t0, else g unchanged
     * (the drift law is fitted from t0 on, the first read after programming). A null {@code nu}
     * means no device drifts.
     */
    public static void powerLawDrift(double[] g, double[] nu, double t0, double seconds, double[] out) {
        if (nu == null || seconds <= t0) {
            System.arraycopy(g, 0, out, 0, g.length);
            return;
        }
        double logRatio = StrictMath.log(seconds / t0);
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i] * StrictMath.exp(-nu[i] * logRatio);
        }
    }
}
