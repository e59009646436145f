package org.xbarsim.api.device;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.NUMBER;
import static org.xbarsim.api.param.Quantity.TIME;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * What device arrays of every technology share, over primitive arrays, so that each computes it with
 * the same arithmetic and a change to one is a change to all: the conductance array, Gaussian read
 * noise of standard deviation readRel G + readAbs, power-law drift G (t/t0)^-nu with a per-device
 * exponent, and {@link StuckFaults}. A subclass makes its population in its constructor (writing
 * {@link #g}, and calling {@link #drawDriftSeed} at its place in the fabrication order), then calls
 * {@link #drawFaults}; its SET and RESET end with {@link #pin}, which costs one null test per
 * operation when no device is stuck.
 *
 * <p>Drift exponents are not stored: drift is asked for once per inference time, so each device's
 * standard-normal deviate is drawn again, in device order, from a stream seeded once at fabrication
 * ({@link #driftDeviates()}). That keeps them fixed per device (a device drifts the same whenever it is
 * asked) and saves 8 bytes a device, which a 35-million-device chip needs.
 */
public abstract class DeviceArrayBase implements DeviceArray {
    /** Conductance of every device, uS: the live state {@link #conductances()} returns. */
    protected final double[] g;
    private final double readRel;
    private final double readAbs;
    private final LinearReadNoise readNoise;
    private final double nuMean;
    private final double nuSigma;
    private final boolean nuClippedAtZero;
    private final double t0;
    private long driftSeed;
    /** Null when no device is stuck. */
    private StuckFaults faults;

    /**
     * @param nuMean          mean drift exponent; with nuSigma 0 too, nothing drifts
     * @param nuSigma         device-to-device spread of the exponent
     * @param nuClippedAtZero whether an exponent below 0 is taken as 0 (PCM) or kept (two-sided relaxation)
     * @param t0              drift reference time: conductance is unchanged until t0 after programming
     */
    protected DeviceArrayBase(int count, double readRel, double readAbs, double nuMean, double nuSigma,
                              boolean nuClippedAtZero, double t0) {
        this.g = new double[count];
        this.readRel = readRel;
        this.readAbs = readAbs;
        this.readNoise = new LinearReadNoise(readRel, readAbs);
        this.nuMean = nuMean;
        this.nuSigma = nuSigma;
        this.nuClippedAtZero = nuClippedAtZero;
        this.t0 = t0;
    }

    /**
     * The read-noise and drift parameters, with the names and meaning every technology shares
     * ({@code readRel, readAbs, driftNuMean, driftNuSigma, driftT0}) and a technology's defaults.
     */
    public static List<ParameterSpec> readAndDriftParameters(String readRel, String readAbs, String nuMean,
                                                             double nuMeanMin, String nuSigma, String t0) {
        return List.of(
                ParameterSpec.of("readRel", NUMBER, readRel, 0, 1,
                        "Read noise proportional to conductance (standard deviation relative to G)."),
                ParameterSpec.of("readAbs", CONDUCTANCE, readAbs, 0, 100,
                        "Read noise independent of conductance (standard deviation)."),
                ParameterSpec.of("driftNuMean", NUMBER, nuMean, nuMeanMin, 1, "Mean drift exponent nu."),
                ParameterSpec.of("driftNuSigma", NUMBER, nuSigma, 0, 1, "Device-to-device spread of nu."),
                ParameterSpec.of("driftT0", TIME, t0, 1e-9, 1e9,
                        "Drift reference time t0: conductance is unchanged until t0 after programming."));
    }

    /** Draws the seed of the devices' drift deviates: call once, at its place in the fabrication order. */
    protected final void drawDriftSeed(RandomStream fabrication) {
        driftSeed = fabrication.nextLong();
    }

    /** A fresh stream of the devices' standard-normal drift deviates, device 0 first: the same at every call. */
    protected final RandomStream driftDeviates() {
        return new RandomStream(driftSeed);
    }

    /** Chooses the stuck devices (see {@link StuckFaults#draw}); call once, after the population is made. */
    protected final void drawFaults(Parameters p, IntToDoubleFunction low, IntToDoubleFunction high,
                                    RandomStream fabrication) {
        faults = StuckFaults.draw(p, g, low, high, fabrication);
    }

    /** Puts the stuck devices among the addressed ones back: the last step of every SET and RESET. */
    protected final void pin(int base, int[] cols, int count) {
        if (faults != null) {
            faults.pin(g, base, cols, count);
        }
    }

    @Override
    public int size() {
        return g.length;
    }

    @Override
    public double[] conductances() {
        return g;
    }

    @Override
    public final void readNoiseVariance(int base, int[] cols, int count, double[] out) {
        for (int k = 0; k < count; k++) {
            double sigma = readRel * g[base + cols[k]] + readAbs;
            out[k] = sigma * sigma;
        }
    }

    /** Final, as is {@link #readNoiseVariance}: a subclass cannot make the two disagree. */
    @Override
    public final LinearReadNoise linearReadNoise() {
        return readNoise;
    }

    @Override
    public void readNoiseVariances(double[] conductances, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double sigma = readRel * conductances[i] + readAbs;
            out[i] = sigma * sigma;
        }
    }

    /**
     * Power-law drift of every device with its own exponent nu_i = nuMean + nuSigma z_i (clipped at 0
     * when the model says so), z_i its fixed deviate; stuck devices hold their value.
     */
    @Override
    public void drifted(double seconds, double[] out) {
        if ((nuMean == 0 && nuSigma == 0) || seconds <= t0) {
            System.arraycopy(g, 0, out, 0, g.length);
        } else {
            double logRatio = StrictMath.log(seconds / t0);
            RandomStream z = driftDeviates();
            for (int i = 0; i < g.length; i++) {
                double nu = nuMean + nuSigma * z.nextGaussian();
                if (nuClippedAtZero) {
                    nu = Math.max(0, nu);
                }
                out[i] = g[i] * StrictMath.exp(-nu * logRatio);
            }
        }
        pinAll(out);
    }

    /**
     * Each device's power-law drift with its own exponent and its own time since programming; stuck
     * devices hold their value. A subclass with a drift law of its own overrides this too (with
     * {@link DeviceAges#drifted} if nothing better).
     */
    @Override
    public void drifted(double[] seconds, double[] out) {
        if (nuMean == 0 && nuSigma == 0) {
            System.arraycopy(g, 0, out, 0, g.length);
        } else {
            // Devices of one age come in runs (a row's devices, a tile programmed at once): one log per run.
            // Every device's deviate is drawn, young or not, so that each keeps its own exponent.
            RandomStream z = driftDeviates();
            double last = Double.NaN;
            double logRatio = 0;
            for (int i = 0; i < g.length; i++) {
                double nu = nuMean + nuSigma * z.nextGaussian();
                double s = seconds[i];
                if (s <= t0) {
                    out[i] = g[i];
                    continue;
                }
                if (nuClippedAtZero) {
                    nu = Math.max(0, nu);
                }
                if (s != last) {
                    last = s;
                    logRatio = StrictMath.log(s / t0);
                }
                out[i] = g[i] * StrictMath.exp(-nu * logRatio);
            }
        }
        pinAll(out);
    }

    /** This read-noise law does not depend on time; a subclass whose law does overrides this too. */
    @Override
    public void readNoiseVariances(double[] seconds, double[] conductances, double[] out) {
        readNoiseVariances(conductances, out);
    }

    /** The state is the conductance: a settled device has its drifted conductance; stuck ones stay stuck. */
    @Override
    public void settle(int base, int[] cols, int count, double[] drifted) {
        for (int k = 0; k < count; k++) {
            g[base + cols[k]] = drifted[k];
        }
        pin(base, cols, count);
    }

    /** Puts every stuck device of {@code out} back: a stuck device is a fault, not a state that drifts. */
    protected final void pinAll(double[] out) {
        if (faults != null) {
            faults.pinAll(out);
        }
    }

    /** The drift reference time t0, s. */
    protected final double driftT0() {
        return t0;
    }

    /** The conductances (8 bytes a device), the fault map if any, and the model's own {@link #parameterBytes()}. */
    @Override
    public final long memoryBytes() {
        return 8L * g.length + (faults == null ? 0 : faults.memoryBytes()) + parameterBytes();
    }

    /** Bytes of the model's own per-device arrays. */
    protected abstract long parameterBytes();
}
