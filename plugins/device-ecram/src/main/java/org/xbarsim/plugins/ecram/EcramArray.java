package org.xbarsim.plugins.ecram;

import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.device.Deviate16;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of ECRAM devices in primitive arrays: per device its conductance (double, 8 bytes) and
 * six standard-normal deviates drawn at fabrication, 16 bits each ({@link Deviate16}: rounded to
 * 1/4096): those of its two bounds, its step gain, its up-down bias and its two nonlinearities. 20
 * bytes a device; drift deviates are drawn again when asked for. See {@link EcramDeviceModel}.
 */
final class EcramArray extends DeviceArrayBase {
    private final short[] zMax;
    private final short[] zMin;
    private final short[] zGain;
    private final short[] zUpDown;
    private final short[] zGammaUp;
    private final short[] zGammaDown;

    private final double dwMin;
    private final double dwMinDtod;
    private final double dwMinStd;
    private final double upBias;
    private final double downBias;
    private final double upDownDtod;
    private final double wMax;
    private final double wMaxDtod;
    private final double wMin;
    private final double wMinDtod;
    private final double gammaUp;
    private final double gammaUpDtod;
    private final double gammaDown;
    private final double gammaDownDtod;
    private final boolean meanBoundReference;
    private final double perUnit;
    private final double gAtZero;
    private final double pulsesPerUnit;
    private final double resetPulses;
    private final double maxAmplitude;

    EcramArray(Parameters p, int count, RandomStream rng) {
        super(count, p.number("readRel"), p.number("readAbs"), p.number("driftNuMean"), p.number("driftNuSigma"),
                true, p.number("driftT0"));
        this.dwMin = p.number("dwMin");
        this.dwMinDtod = p.number("dwMinDtod");
        this.dwMinStd = p.number("dwMinStd");
        double upDown = p.number("upDown");
        // rpu_pulsed_device.cpp lines 603-604: a positive up_down weakens down steps, a negative one up steps.
        this.upBias = upDown > 0 ? 0 : upDown;
        this.downBias = upDown > 0 ? -upDown : 0;
        this.upDownDtod = p.number("upDownDtod");
        this.wMax = p.number("wMax");
        this.wMaxDtod = p.number("wMaxDtod");
        this.wMin = p.number("wMin");
        this.wMinDtod = p.number("wMinDtod");
        this.gammaUp = p.number("gammaUp");
        this.gammaUpDtod = p.number("gammaUpDtod");
        this.gammaDown = p.number("gammaDown");
        this.gammaDownDtod = p.number("gammaDownDtod");
        this.meanBoundReference = p.text("meanBoundReference").equals("on");
        this.perUnit = p.number("conductancePerUnit");
        this.gAtZero = p.number("gAtZero");
        this.pulsesPerUnit = p.number("pulsesPerUnit");
        this.resetPulses = p.number("resetStrength") * pulsesPerUnit;
        this.maxAmplitude = p.number("maxAmplitude");
        this.zMax = new short[count];
        this.zMin = new short[count];
        this.zGain = new short[count];
        this.zUpDown = new short[count];
        this.zGammaUp = new short[count];
        this.zGammaDown = new short[count];
        // Fixed draw order: the drift seed, then per device the deviates of w_max, w_min, gain, up-down
        // (rpu_pulsed_device.cpp's order), gamma_up and gamma_down (rpu_linearstep_device.cpp's).
        drawDriftSeed(rng);
        for (int i = 0; i < count; i++) {
            zMax[i] = Deviate16.encode(rng.nextGaussian());
            zMin[i] = Deviate16.encode(rng.nextGaussian());
            zGain[i] = Deviate16.encode(rng.nextGaussian());
            zUpDown[i] = Deviate16.encode(rng.nextGaussian());
            zGammaUp[i] = Deviate16.encode(rng.nextGaussian());
            zGammaDown[i] = Deviate16.encode(rng.nextGaussian());
            g[i] = conductance(lower(i)); // fabricated with an empty channel, at its lower bound
        }
        drawFaults(p, i -> conductance(lower(i)), i -> conductance(upper(i)), rng);
    }

    @Override
    protected long parameterBytes() {
        return 2L * (zMax.length + zMin.length + zGain.length + zUpDown.length + zGammaUp.length + zGammaDown.length);
    }

    /** The upper bound as drawn, before aihwkit's consistency rule (w_max (1 + w_max_dtod z)). */
    private double rawUpper(int i) {
        return wMax * (1 + wMaxDtod * Deviate16.decode(zMax[i]));
    }

    /** The lower bound as drawn (w_min (1 + w_min_dtod z)). */
    private double rawLower(int i) {
        return wMin * (1 + wMinDtod * Deviate16.decode(zMin[i]));
    }

    /** b_max: the bounds swapped if crossed, then made >= 0 (rpu_pulsed_device.cpp lines 636-640). */
    double upper(int i) {
        return Math.abs(Math.max(rawUpper(i), rawLower(i)));
    }

    /** b_min: likewise made <= 0. */
    double lower(int i) {
        return -Math.abs(Math.min(rawUpper(i), rawLower(i)));
    }

    /** Device i's step gain 1 + dwMinDtod z (Gaussian: dw_min_dtod_log_normal is false). */
    private double gain(int i) {
        return 1 + dwMinDtod * Deviate16.decode(zGain[i]);
    }

    /** a_up = |up bias + gain + r| dwMin (rpu_pulsed_device.cpp lines 627-634). */
    double scaleUp(int i) {
        return Math.abs(upBias + gain(i) + upDownDtod * Deviate16.decode(zUpDown[i])) * dwMin;
    }

    /** a_down = |down bias + gain - r| dwMin. */
    double scaleDown(int i) {
        return Math.abs(downBias + gain(i) - upDownDtod * Deviate16.decode(zUpDown[i])) * dwMin;
    }

    /**
     * The up slope b_up = |gamma_up + gamma_up_dtod z| a_up / w_ref_up (rpu_linearstep_device.cpp lines
     * 35-71: the spread is additive, and w_ref_up is the mean bound w_max with meanBoundReference, else the
     * device's own).
     */
    double slopeUp(int i) {
        double ref = meanBoundReference ? wMax : upper(i);
        double gamma = Math.abs(gammaUp + gammaUpDtod * Deviate16.decode(zGammaUp[i]));
        return ref == 0 ? 0 : gamma * scaleUp(i) / ref;
    }

    /** The down slope, |gamma_down + gamma_down_dtod z| a_down / |w_ref_down|, w_ref_down = w_min or b_min. */
    double slopeDown(int i) {
        double ref = meanBoundReference ? wMin : lower(i);
        double gamma = Math.abs(gammaDown + gammaDownDtod * Deviate16.decode(zGammaDown[i]));
        return ref == 0 ? 0 : gamma * scaleDown(i) / Math.abs(ref);
    }

    /** Conductance of weight w. */
    double conductance(double w) {
        return gAtZero + perUnit * w;
    }

    /** The weight of device i. */
    double weight(int i) {
        return (g[i] - gAtZero) / perUnit;
    }

    /** Device i's highest conductance. */
    double gmax(int i) {
        return conductance(upper(i));
    }

    /** Device i's lowest conductance. */
    double gmin(int i) {
        return conductance(lower(i));
    }

    /**
     * min(a, maxAmplitude) w pulsesPerUnit minimal potentiation pulses, then aihwkit's clip to the
     * device's bounds: a hard bound, since a linear step does not vanish there (taken once at the end).
     */
    @Override
    public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
        double n = Math.min(amplitude, maxAmplitude) * width * pulsesPerUnit;
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double w = LinearStepPulses.apply(weight(i), scaleUp(i), slopeUp(i), dwMinStd, n, rng);
            g[i] = conductance(Math.min(Math.max(w, lower(i)), upper(i)));
        }
        pin(base, cols, count);
    }

    /** A RESET: resetStrength x pulsesPerUnit minimal depression pulses (the mirror image of potentiation). */
    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        depress(base, cols, count, resetPulses, rng);
    }

    /** n minimal depression pulses: w' = w - (a_down + b_down w)(1 + s xi), clipped to the bounds. */
    void depress(int base, int[] cols, int count, double n, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double w = -LinearStepPulses.apply(-weight(i), scaleDown(i), slopeDown(i), dwMinStd, n, rng);
            g[i] = conductance(Math.min(Math.max(w, lower(i)), upper(i)));
        }
        pin(base, cols, count);
    }
}
