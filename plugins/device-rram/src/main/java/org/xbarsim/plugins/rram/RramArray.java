package org.xbarsim.plugins.rram;

import org.xbarsim.api.device.AihwkitPulsedDevice;
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
    /** Bounds, step scales and their spreads: four 16-bit deviates a device. */
    private final AihwkitPulsedDevice pulsed;
    private final short[] zWrite;

    private final double dwMinStd;
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
        this.pulsed = new AihwkitPulsedDevice(p, count);
        this.dwMinStd = p.number("dwMinStd");
        this.writeSigma = p.number("writeNoiseStd") * pulsed.dwMin();
        this.perUnit = p.number("conductancePerUnit");
        this.gAtZero = p.number("gAtZero");
        this.pulsesPerUnit = p.number("pulsesPerUnit");
        this.resetPulses = p.number("resetPulses");
        this.maxAmplitude = p.number("maxAmplitude");
        this.zWrite = new short[count];
        // Fixed draw order: the drift seed, then per device the deviates of w_max, w_min, gain and up-down
        // (rpu_pulsed_device.cpp's order), then the write noise of its first state.
        drawDriftSeed(rng);
        for (int i = 0; i < count; i++) {
            pulsed.draw(i, rng);
            // Fabricated (formed and reset) at its lower bound, in the high-resistance state.
            write(i, pulsed.lower(i), rng);
        }
        drawFaults(p, i -> conductance(pulsed.lower(i)), i -> conductance(pulsed.upper(i)), rng);
    }

    @Override
    protected long parameterBytes() {
        return pulsed.bytes() + 2L * zWrite.length;
    }

    /** The bounds and step scales of each device (aihwkit's PulsedDevice). */
    AihwkitPulsedDevice pulsed() {
        return pulsed;
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
        return conductance(pulsed.lower(i));
    }

    /** Device i's highest conductance. */
    double gmax(int i) {
        return conductance(pulsed.upper(i));
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
            double hi = pulsed.upper(i);
            double lo = pulsed.lower(i);
            double w = SoftBoundPulses.apply(persistent(i), lo, hi, pulsed.scaleUp(i), dwMinStd, n, rng);
            write(i, SoftBoundPulses.reflect(w, lo, hi), rng);
        }
        pin(base, cols, count);
    }

    /** resetPulses minimal down pulses: the mirror image of a SET about w = 0, towards the lower bound. */
    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double lo = pulsed.lower(i);
            double hi = pulsed.upper(i);
            double w = -SoftBoundPulses.apply(-persistent(i), -hi, -lo, pulsed.scaleDown(i), dwMinStd, resetPulses, rng);
            write(i, SoftBoundPulses.reflect(w, lo, hi), rng);
        }
        pin(base, cols, count);
    }
}
