package org.xbarsim.plugins.ecram;

import org.xbarsim.api.device.AihwkitPulsedDevice;
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
    /** Bounds, step scales and their spreads: four 16-bit deviates a device. */
    private final AihwkitPulsedDevice pulsed;
    private final short[] zGammaUp;
    private final short[] zGammaDown;

    private final double dwMinStd;
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
        this.pulsed = new AihwkitPulsedDevice(p, count);
        this.dwMinStd = p.number("dwMinStd");
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
        this.zGammaUp = new short[count];
        this.zGammaDown = new short[count];
        // Fixed draw order: the drift seed, then per device the deviates of w_max, w_min, gain, up-down
        // (rpu_pulsed_device.cpp's order), gamma_up and gamma_down (rpu_linearstep_device.cpp's).
        drawDriftSeed(rng);
        for (int i = 0; i < count; i++) {
            pulsed.draw(i, rng);
            zGammaUp[i] = Deviate16.encode(rng.nextGaussian());
            zGammaDown[i] = Deviate16.encode(rng.nextGaussian());
            g[i] = conductance(pulsed.lower(i)); // fabricated with an empty channel, at its lower bound
        }
        drawFaults(p, i -> conductance(pulsed.lower(i)), i -> conductance(pulsed.upper(i)), rng);
    }

    @Override
    protected long parameterBytes() {
        return pulsed.bytes() + 2L * (zGammaUp.length + zGammaDown.length);
    }

    /** The bounds and step scales of each device (aihwkit's PulsedDevice). */
    AihwkitPulsedDevice pulsed() {
        return pulsed;
    }

    /**
     * The up slope b_up = |gamma_up + gamma_up_dtod z| a_up / w_ref_up (rpu_linearstep_device.cpp lines
     * 35-71: the spread is additive, and w_ref_up is the mean bound w_max with meanBoundReference, else the
     * device's own).
     */
    double slopeUp(int i) {
        double ref = meanBoundReference ? pulsed.meanUpper() : pulsed.upper(i);
        double gamma = Math.abs(gammaUp + gammaUpDtod * Deviate16.decode(zGammaUp[i]));
        return ref == 0 ? 0 : gamma * pulsed.scaleUp(i) / ref;
    }

    /** The down slope, |gamma_down + gamma_down_dtod z| a_down / |w_ref_down|, w_ref_down = w_min or b_min. */
    double slopeDown(int i) {
        double ref = meanBoundReference ? pulsed.meanLower() : pulsed.lower(i);
        double gamma = Math.abs(gammaDown + gammaDownDtod * Deviate16.decode(zGammaDown[i]));
        return ref == 0 ? 0 : gamma * pulsed.scaleDown(i) / Math.abs(ref);
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
        return conductance(pulsed.upper(i));
    }

    /** Device i's lowest conductance. */
    double gmin(int i) {
        return conductance(pulsed.lower(i));
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
            double w = LinearStepPulses.apply(weight(i), pulsed.scaleUp(i), slopeUp(i), dwMinStd, n, rng);
            g[i] = conductance(Math.min(Math.max(w, pulsed.lower(i)), pulsed.upper(i)));
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
            double w = -LinearStepPulses.apply(-weight(i), pulsed.scaleDown(i), slopeDown(i), dwMinStd, n, rng);
            g[i] = conductance(Math.min(Math.max(w, pulsed.lower(i)), pulsed.upper(i)));
        }
        pin(base, cols, count);
    }
}
