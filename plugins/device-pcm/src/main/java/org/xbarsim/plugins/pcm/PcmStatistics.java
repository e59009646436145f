package org.xbarsim.plugins.pcm;

/**
 * The statistical PCM laws of aihwkit's {@code PCMLikeNoiseModel} (inference/noise/pcm.py), fitted
 * by Nandakumar et al. (ICECS 2019) and used by Joshi et al., Nat. Commun. 11, 2473 (2020) to
 * measurements on a million IBM PCM devices. Conductances are normalised as g_T = G / gRef, with
 * gRef = 25 uS the reference of the fits.
 * <ul>
 *   <li>Programming noise: sigma_prog(g_T) = max(-1.1731 g_T^2 + 1.9650 g_T + 0.2635, 0) uS, scaled
 *       by gRef / 25 uS for another reference.</li>
 *   <li>Drift exponent: nu = |mu(g_T) + sigma(g_T) z| with mu = clip(-0.0155 ln g_T + 0.0244, 0.049,
 *       0.1) and sigma = clip(-0.0125 ln g_T - 0.0059, 0.008, 0.045), g_T >= 1e-7, z a standard
 *       normal deviate fixed per device at fabrication (so a device's drift is a function of its
 *       programmed state and never redrawn).</li>
 *   <li>1/f read noise accumulated since programming: sigma = |G(t)| Q_s sqrt(ln((t + t_read) /
 *       (2 t_read))), Q_s = min(0.0088 / max(g_T^0.65, 1e-3), 0.2), g_T of the programmed (not
 *       drifted) conductance, with aihwkit's time t = time since programming + t0.</li>
 * </ul>
 *
 * <p>How the programming-noise law meets per-pulse physics. aihwkit applies sigma_prog once, to a
 * target, because it has no programming loop: the law is the spread of the outcome of programming a
 * device to a conductance. xbarsim simulates the loop pulse by pulse, so applying the law once after
 * programming would count the loop's own residual error twice. Here the law replaces the per-pulse
 * cycle-to-cycle noise instead: a SET of strength s keeps the device's mean soft-bounded step and
 * lands around it with standard deviation s * sigma_prog(g_T) at the conductance the mean step
 * reaches. A unit pulse (the MSP pulse) is as uncertain as aihwkit's programming operation at that
 * conductance; the verify loop then narrows the final distribution as a real program-and-verify
 * loop does, and weaker LSP pulses are proportionally finer. Verify reads keep the Gaussian
 * readRel/readAbs law: they happen microseconds after the pulse, when the accumulated 1/f noise of
 * the inference law is not yet what it describes.
 */
final class PcmStatistics {
    private static final double FIT_REFERENCE = 25.0;
    private static final double P0 = 0.2635;
    private static final double P1 = 1.9650;
    private static final double P2 = -1.1731;
    private static final double MIN_RELATIVE = 1e-7;

    private final double gRef;
    private final double invGRef;
    private final double progScale;
    private final double tRead;

    PcmStatistics(double gRef, double progScale, double tRead) {
        this.gRef = gRef;
        this.invGRef = 1 / gRef;
        this.progScale = progScale;
        this.tRead = tRead;
    }

    /** Programming-noise standard deviation (uS) of a unit pulse landing at conductance gTarget. */
    double programmingSigma(double gTarget) {
        double x = gTarget * invGRef;
        return progScale * Math.max((P2 * x + P1) * x + P0, 0) * (gRef / FIT_REFERENCE);
    }

    /** Drift exponent for a device programmed to g with standard-normal deviate z. */
    static double nu(double gRelative, double z) {
        double x = Math.max(gRelative, MIN_RELATIVE);
        double ln = StrictMath.log(x);
        double mu = Math.min(Math.max(-0.0155 * ln + 0.0244, 0.049), 0.1);
        double sigma = Math.min(Math.max(-0.0125 * ln - 0.0059, 0.008), 0.045);
        return Math.abs(mu + sigma * z);
    }

    /** out = g (seconds / t0)^-nu(g) for seconds > t0, else g; z holds each device's deviate. */
    void drift(double[] g, double[] z, double t0, double seconds, double[] out) {
        if (seconds <= t0) {
            System.arraycopy(g, 0, out, 0, g.length);
            return;
        }
        double logRatio = StrictMath.log(seconds / t0);
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i] * StrictMath.exp(-nu(g[i] * invGRef, z[i]) * logRatio);
        }
    }

    /** Variance of the 1/f read noise at the drifted conductances, seconds after programming. */
    void readVariances(double seconds, double t0, double[] programmed, double[] drifted, double[] out) {
        double t = seconds + t0;
        double growth = StrictMath.log((t + tRead) / (2 * tRead));
        if (growth <= 0) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        for (int i = 0; i < out.length; i++) {
            double qs = Math.min(0.0088 / Math.max(StrictMath.pow(Math.abs(programmed[i]) * invGRef, 0.65), 1e-3), 0.2);
            double sigma = Math.abs(drifted[i]) * qs;
            out[i] = sigma * sigma * growth;
        }
    }
}
