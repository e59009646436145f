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
 * {@link #g} and, when it drifts, {@link #nu}), then calls {@link #drawFaults}; its SET and RESET
 * end with {@link #pin}, which costs one null test per operation when no device is stuck.
 */
public abstract class DeviceArrayBase implements DeviceArray {
    /** Conductance of every device, uS: the live state {@link #conductances()} returns. */
    protected final double[] g;
    /** Per-device drift exponent, or null when no device drifts (drifted() is then a copy). */
    protected final double[] nu;
    private final double readRel;
    private final double readAbs;
    private final double t0;
    /** Null when no device is stuck. */
    private StuckFaults faults;

    /**
     * @param drifts whether to allocate {@link #nu}; the subclass fills it
     * @param t0     drift reference time: conductance is unchanged until t0 after programming
     */
    protected DeviceArrayBase(int count, double readRel, double readAbs, boolean drifts, double t0) {
        this.g = new double[count];
        this.nu = drifts ? new double[count] : null;
        this.readRel = readRel;
        this.readAbs = readAbs;
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
    public void readNoiseVariance(int base, int[] cols, int count, double[] out) {
        for (int k = 0; k < count; k++) {
            double sigma = readRel * g[base + cols[k]] + readAbs;
            out[k] = sigma * sigma;
        }
    }

    @Override
    public void readNoiseVariances(double[] conductances, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double sigma = readRel * conductances[i] + readAbs;
            out[i] = sigma * sigma;
        }
    }

    /** Power-law drift of every device with its own exponent; stuck devices hold their value. */
    @Override
    public void drifted(double seconds, double[] out) {
        if (nu == null || seconds <= t0) {
            System.arraycopy(g, 0, out, 0, g.length);
        } else {
            double logRatio = StrictMath.log(seconds / t0);
            for (int i = 0; i < g.length; i++) {
                out[i] = g[i] * StrictMath.exp(-nu[i] * logRatio);
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
        if (nu == null) {
            System.arraycopy(g, 0, out, 0, g.length);
        } else {
            // Devices of one age come in runs (a row's devices, a tile programmed at once): one log per run.
            double last = Double.NaN;
            double logRatio = 0;
            for (int i = 0; i < g.length; i++) {
                double s = seconds[i];
                if (s <= t0) {
                    out[i] = g[i];
                    continue;
                }
                if (s != last) {
                    last = s;
                    logRatio = StrictMath.log(s / t0);
                }
                out[i] = g[i] * StrictMath.exp(-nu[i] * logRatio);
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
}
