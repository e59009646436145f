package org.xbarsim.plugins.pcm;

import org.xbarsim.api.device.AihwkitPcmLaw;

/**
 * The statistical PCM laws of aihwkit's {@code PCMLikeNoiseModel} (src/aihwkit/inference/noise/pcm.py
 * at commit 4545f11, lines 86-158), fitted by Nandakumar et al. (ICECS 2019) to measurements on a
 * million IBM PCM devices and used by Joshi et al., Nat. Commun. 11, 2473 (2020). Conductances are
 * normalised as g_T = G / gRef, with gRef = 25 uS the g_max of aihwkit's default converter, which
 * its fits refer to.
 * <ul>
 *   <li>Programming noise (pcm.py 101-118, {@link AihwkitPcmLaw}): sigma_prog(G) = |0.26348 + 1.9650
 *       g_T - 1.1731 g_T^2| gRef / 25 uS. aihwkit adds it once, to a target, because it has no programming loop: it is the
 *       spread of the outcome of IBM's program-and-verify. Here the loop is simulated pulse by pulse,
 *       so the law is not applied to pulses; it shapes the post-programming relaxation (see
 *       {@link PcmDeviceModel}) and is the calibration target of the pulse-level physics.</li>
 *   <li>Drift exponent (pcm.py 121-130): nu = |mu + sigma z|, mu = clip(-0.0155 ln g_T + 0.0244,
 *       0.049, 0.1), sigma = clip(-0.0125 ln g_T - 0.0059, 0.008, 0.045), g_T = |G| / gRef clipped at
 *       1e-7 (_ZERO_CLIP, line 24), z a standard normal deviate fixed per device. aihwkit takes g_T of
 *       the target; a simulated device knows only its programmed conductance, which is used instead
 *       (they differ by the programming error, and nu varies with ln g_T).</li>
 *   <li>Drift (pcm.py 138-144): G(t) = G_prog ((t + t0) / t0)^-nu for a time t since programming
 *       ended: from the end of programming, not from t0.</li>
 *   <li>1/f read noise accumulated since programming (pcm.py 146-158): sigma = |G(t)| Q_s
 *       sqrt(ln((t + t0 + t_read) / (2 t_read))), Q_s = min(0.0088 / max(g_T^0.65, 1e-3), 0.2), g_T of
 *       the programmed (not drifted) conductance, t_read = 250 ns; the result is clamped at 0.</li>
 * </ul>
 */
final class PcmStatistics {
    /** aihwkit's _ZERO_CLIP (pcm.py line 24): the smallest g_T the drift law takes a logarithm of. */
    private static final double MIN_RELATIVE = 1e-7;

    private final double gRef;
    private final double invGRef;
    private final double tRead;
    /** sigma_prog(0): the spread aihwkit gives even a device programmed to 0. */
    private final double floor;

    PcmStatistics(double gRef, double tRead) {
        this.gRef = gRef;
        this.invGRef = 1 / gRef;
        this.tRead = tRead;
        this.floor = AihwkitPcmLaw.sigma(0, gRef);
    }

    /** The programming-noise standard deviation (uS) of a device programmed to conductance g (see {@link AihwkitPcmLaw}). */
    double programmingSigma(double g) {
        return AihwkitPcmLaw.sigma(g, gRef);
    }

    /**
     * The part of the programming-noise law that grows with conductance, sqrt(sigma_prog(g)^2 -
     * sigma_prog(0)^2) (0 below 0 uS): the shape of the post-programming relaxation.
     */
    double relaxationSigma(double g) {
        double s = programmingSigma(Math.max(0, g));
        return Math.sqrt(Math.max(0, s * s - floor * floor));
    }

    /** Drift exponent of a device programmed to g (uS) with standard-normal deviate z. */
    double nu(double g, double z) {
        double x = Math.max(Math.abs(g) * invGRef, MIN_RELATIVE);
        double ln = StrictMath.log(x);
        double mu = Math.min(Math.max(-0.0155 * ln + 0.0244, 0.049), 0.1);
        double sigma = Math.min(Math.max(-0.0125 * ln - 0.0059, 0.008), 0.045);
        return Math.abs(mu + sigma * z);
    }

    /** The drift factor ((t + t0) / t0)^-nu, t seconds after programming ended. */
    static double driftFactor(double nu, double seconds, double t0) {
        return seconds <= 0 ? 1 : StrictMath.exp(-nu * StrictMath.log((seconds + t0) / t0));
    }

    /** Variance of the 1/f read noise of a device programmed to {@code programmed} and now at {@code drifted}. */
    double readVariance(double seconds, double t0, double programmed, double drifted) {
        double growth = StrictMath.log((seconds + t0 + tRead) / (2 * tRead));
        if (growth <= 0) {
            return 0;
        }
        double qs = Math.min(0.0088 / Math.max(StrictMath.pow(Math.abs(programmed) * invGRef, 0.65), 1e-3), 0.2);
        double sigma = Math.abs(drifted) * qs;
        return sigma * sigma * growth;
    }
}
