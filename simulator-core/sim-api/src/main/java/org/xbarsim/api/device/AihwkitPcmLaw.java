package org.xbarsim.api.device;

/**
 * aihwkit's programming-noise law for PCM, the published statistics both the PCM plugin (which shapes
 * its post-programming relaxation with it) and the calibration of its pulse-level physics (which
 * aims at it) need: {@code PCMLikeNoiseModel.apply_programming_noise_to_conductance}
 * (src/aihwkit/inference/noise/pcm.py at commit 4545f11, lines 86-118), fitted by Nandakumar et
 * al. (ICECS 2019) to a million IBM PCM devices programmed with program-and-verify.
 *
 * <p>sigma_prog(g) = |c0 + c1 x + c2 x^2| gMax / 25 uS with x = g / gMax, (c0, c1, c2) = (0.26348,
 * 1.9650, -1.1731), and the programmed conductance clamp(g + sigma_prog(g) xi, 0). gMax is the
 * conductance aihwkit maps the largest weight to (25 uS, that of the fit, by default).
 */
public final class AihwkitPcmLaw {
    /** prog_coeff of pcm.py line 89. */
    public static final double C0 = 0.26348;
    public static final double C1 = 1.9650;
    public static final double C2 = -1.1731;
    /** prog_coeff_g_max_reference of pcm.py line 90, uS. */
    public static final double FIT_REFERENCE = 25.0;
    /** Var(max(0, sigma xi)) / sigma^2 = 1/2 - 1/(2 pi): the clamp at 0 of a device programmed to 0. */
    private static final double CLAMPED_VARIANCE = 0.5 - 1 / (2 * Math.PI);

    private AihwkitPcmLaw() {
    }

    /** The programming-noise standard deviation of a device programmed to g, uS. */
    public static double sigma(double g, double gMax) {
        double x = g / gMax;
        return Math.abs((C0 + C1 * x + C2 * x * x) * (gMax / FIT_REFERENCE));
    }

    /**
     * The standard deviation of W = GP - GM for a differential pair programmed to W = t, as aihwkit's
     * single-pair converter programs it: the device of t's sign to |t| and the other to 0, each with
     * the law, clamped at 0 (which leaves the device at 0 a spread of 0.58 sigma(0)).
     */
    public static double pairSigma(double t, double gMax) {
        double s = sigma(Math.abs(t), gMax);
        double s0 = sigma(0, gMax);
        return Math.sqrt(s * s + CLAMPED_VARIANCE * s0 * s0);
    }
}
