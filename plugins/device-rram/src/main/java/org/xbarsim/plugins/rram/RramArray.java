package org.xbarsim.plugins.rram;

import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.device.Deviate16;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of RRAM devices in primitive arrays: per device the conductance reads see (double, 8
 * bytes) and five standard-normal deviates in 16 bits each ({@link Deviate16}: rounded to 1/4096):
 * those of its two bounds, its step gain and up-down bias (drawn at fabrication), and its present
 * write noise (drawn at each pulse). The pulses move the persistent weight, recovered exactly as the
 * read weight minus the write noise. 18 bytes a device; drift deviates are drawn again when asked
 * for. See {@link RramDeviceModel} for the model.
 */
final class RramArray extends DeviceArrayBase {
    private final short[] zMax;
    private final short[] zMin;
    private final short[] zGain;
    private final short[] zUpDown;
    private final short[] zWrite;

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
    /** Write noise in weight units: writeNoiseStd dwMin (rpu_pulsed_device.h line 104). */
    private final double writeSigma;
    private final double perUnit;
    private final double gAtZero;
    private final double pulsesPerUnit;
    private final double resetPulses;
    private final double maxAmplitude;

    RramArray(Parameters p, int count, RandomStream rng) {
        super(count, p.number("readRel"), p.number("readAbs"), p.number("driftNuMean"), p.number("driftNuSigma"),
                false, p.number("driftT0"));
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
        this.writeSigma = p.number("writeNoiseStd") * dwMin;
        this.perUnit = p.number("conductancePerUnit");
        this.gAtZero = p.number("gAtZero");
        this.pulsesPerUnit = p.number("pulsesPerUnit");
        this.resetPulses = p.number("resetPulses");
        this.maxAmplitude = p.number("maxAmplitude");
        this.zMax = new short[count];
        this.zMin = new short[count];
        this.zGain = new short[count];
        this.zUpDown = new short[count];
        this.zWrite = new short[count];
        // Fixed draw order: the drift seed, then per device the deviates of w_max, w_min, gain and up-down
        // (rpu_pulsed_device.cpp's order), then the write noise of its first state.
        drawDriftSeed(rng);
        for (int i = 0; i < count; i++) {
            zMax[i] = Deviate16.encode(rng.nextGaussian());
            zMin[i] = Deviate16.encode(rng.nextGaussian());
            zGain[i] = Deviate16.encode(rng.nextGaussian());
            zUpDown[i] = Deviate16.encode(rng.nextGaussian());
            // Fabricated (formed and reset) at its lower bound, in the high-resistance state.
            write(i, lower(i), rng);
        }
        drawFaults(p, i -> conductance(lower(i)), i -> conductance(upper(i)), rng);
    }

    @Override
    protected long parameterBytes() {
        return 2L * (zMax.length + zMin.length + zGain.length + zUpDown.length + zWrite.length);
    }

    /** The device's upper bound as drawn, before aihwkit's consistency rule (w_max (1 + w_max_dtod z)). */
    private double rawUpper(int i) {
        return wMax * (1 + wMaxDtod * Deviate16.decode(zMax[i]));
    }

    /** The lower bound as drawn (w_min (1 + w_min_dtod z)). */
    private double rawLower(int i) {
        return wMin * (1 + wMinDtod * Deviate16.decode(zMin[i]));
    }

    /** b_max: the raw bounds swapped if crossed, then made >= 0 (rpu_pulsed_device.cpp lines 636-640). */
    double upper(int i) {
        return Math.abs(Math.max(rawUpper(i), rawLower(i)));
    }

    /** b_min: likewise made <= 0. */
    double lower(int i) {
        return -Math.abs(Math.min(rawUpper(i), rawLower(i)));
    }

    /** Device i's step gain 1 + dwMinDtod z (Gaussian, not log-normal: dw_min_dtod_log_normal is false). */
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

    /** Conductance of weight w. */
    double conductance(double w) {
        return gAtZero + perUnit * w;
    }

    /** The persistent weight of device i: what reads see minus its present write noise. */
    double persistent(int i) {
        return (g[i] - gAtZero) / perUnit - writeSigma * Deviate16.decode(zWrite[i]);
    }

    /** Device i's lowest conductance (its lower bound, the high-resistance state). */
    double gmin(int i) {
        return conductance(lower(i));
    }

    /** Device i's highest conductance. */
    double gmax(int i) {
        return conductance(upper(i));
    }

    /** Sets the persistent weight and draws the write noise reads see until the next pulse. */
    private void write(int i, double w, RandomStream rng) {
        short z = Deviate16.encode(rng.nextGaussian());
        zWrite[i] = z;
        g[i] = conductance(w + writeSigma * Deviate16.decode(z));
    }

    @Override
    public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
        double n = Math.min(amplitude, maxAmplitude) * width * pulsesPerUnit;
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double hi = upper(i);
            double lo = lower(i);
            double w = SoftBoundPulses.apply(persistent(i), lo, hi, scaleUp(i), dwMinStd, n, rng);
            write(i, SoftBoundPulses.reflect(w, lo, hi), rng);
        }
        pin(base, cols, count);
    }

    /** resetPulses minimal down pulses: the mirror image of a SET about w = 0, towards the lower bound. */
    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double lo = lower(i);
            double hi = upper(i);
            double w = -SoftBoundPulses.apply(-persistent(i), -hi, -lo, scaleDown(i), dwMinStd, resetPulses, rng);
            write(i, SoftBoundPulses.reflect(w, lo, hi), rng);
        }
        pin(base, cols, count);
    }
}
