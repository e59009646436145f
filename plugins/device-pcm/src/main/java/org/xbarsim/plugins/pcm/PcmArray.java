package org.xbarsim.plugins.pcm;

import org.xbarsim.api.device.DeviceAges;
import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.math.PortableMath;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of PCM devices in primitive arrays: per device its conductance G (double, 8 bytes),
 * 1/Gmax and its SET step alpha (floats, 4 bytes each: rounded to 24 significant bits, a relative
 * error below 6e-8, against device-to-device spreads of 20% and 40%), 16 bytes in all. Drift
 * deviates are drawn again when asked for (see {@link DeviceArrayBase}). See {@link PcmDeviceModel}
 * for the model and the laws.
 */
final class PcmArray extends DeviceArrayBase {
    /** A SET can carry a device a little past Gmax: science.md clips at 1.05 Gmax. */
    private static final double CEILING = 1.05;
    /** No device is fabricated below this maximum: a 0 uS device would be an open circuit. */
    private static final double GMAX_FLOOR = 1.0;
    /** Devices fabricated by one call of {@link #fabricate}. */
    private static final int FABRICATION_CHUNK = 4096;

    private final float[] invGmax;
    private final float[] alpha;
    private final double c2c;
    private final double gReset;
    private final double resetRel;
    private final double relaxation;
    private final double meltOnset;
    private final double maxWidth;
    private final double meltComplete;
    /** Null unless an aihwkit law or the relaxation is selected: the default path never touches it. */
    private final PcmStatistics statistics;
    private final boolean statisticalDrift;
    private final boolean statisticalRead;
    private final boolean readNoiseFrozen;

    PcmArray(Parameters p, int count, RandomStream rng) {
        super(count, p.number("readRel"), p.number("readAbs"), p.number("driftNuMean"), p.number("driftNuSigma"),
                true, p.number("driftT0"));
        this.invGmax = new float[count];
        this.alpha = new float[count];
        this.c2c = p.number("c2c");
        this.gReset = p.number("gReset");
        this.resetRel = p.number("resetRel");
        this.relaxation = p.number("relaxation");
        this.meltOnset = p.number("meltAmplitude");
        this.maxWidth = p.number("maxWidth");
        this.meltComplete = Math.max(meltOnset, p.number("resetAmplitude"));
        this.statisticalDrift = p.text("driftLaw").equals(PcmDeviceModel.AIHWKIT);
        this.statisticalRead = p.text("readNoiseLaw").equals(PcmDeviceModel.AIHWKIT);
        this.readNoiseFrozen = p.text("readNoiseSampling").equals(PcmDeviceModel.PER_INFERENCE_TIME);
        this.statistics = statisticalDrift || statisticalRead || relaxation > 0
                ? new PcmStatistics(p.number("statGReference"), p.number("readTime")) : null;
        // Fixed draw order: the drift seed, then (Gmax, alpha, initial state) for each device in turn. The
        // population depends only on the stream, never on how it is later used.
        drawDriftSeed(rng);
        for (int from = 0; from < count; from += FABRICATION_CHUNK) {
            fabricate(from, Math.min(count, from + FABRICATION_CHUNK), p, rng);
        }
        // Stuck low means stuck in the RESET (amorphous) state, stuck high at the device's Gmax.
        drawFaults(p, i -> gReset, i -> 1 / (double) invGmax[i], rng);
    }

    /**
     * Devices [from, to) drawn in the fixed order. In chunks rather than one loop over the tile: a loop
     * over a whole tile runs once, so the JIT compiles it on the stack (OSR) without ever having seen it
     * end, and throws that code away when it does, every tile (measured: three C2 compilations of the
     * constructor on matrix-1024). A chunk ends thousands of times, is compiled once, and draws the same
     * numbers in the same order.
     */
    private void fabricate(int from, int to, Parameters p, RandomStream rng) {
        double gmaxMean = p.number("gmaxMean");
        double gmaxSigmaRel = p.number("gmaxSigmaRel");
        double alphaMedian = p.number("alphaMedian");
        double alphaSigmaLn = p.number("alphaSigmaLn");
        for (int i = from; i < to; i++) {
            double gmax = Math.max(GMAX_FLOOR, gmaxMean * (1 + gmaxSigmaRel * rng.nextGaussian()));
            invGmax[i] = (float) (1 / gmax);
            alpha[i] = (float) (alphaMedian * PortableMath.exp(alphaSigmaLn * rng.nextGaussian()));
            g[i] = Math.max(0, gReset * (1 + resetRel * rng.nextGaussian()));
        }
    }

    @Override
    protected long parameterBytes() {
        return 4L * invGmax.length + 4L * alpha.length;
    }

    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            g[base + cols[k]] = Math.max(0, gReset * (1 + resetRel * rng.nextGaussian()));
        }
        pin(base, cols, count);
    }

    @Override
    public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
        // Past the complete-set time the cell is crystalline: the rest of a longer pulse adds nothing.
        double strength = amplitude * Math.min(width, maxWidth);
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double gi = g[i];
            double inv = invGmax[i];
            double step = strength * alpha[i];
            // Mean step shrinks linearly to zero at Gmax; the noise does not, so a SET can lower G.
            double mean = step * Math.max(0, 1 - gi * inv);
            double next = Math.max(gi + mean + c2c * step * rng.nextGaussian(), 0);
            g[i] = next * inv > CEILING ? CEILING / inv : next;
        }
        if (amplitude > meltOnset) {
            melt(base, cols, count, amplitude, rng);
        }
        pin(base, cols, count);
    }

    /**
     * A SET above the melting current: the hottest part of the cell melts and is quenched amorphous,
     * a partial RESET. The amorphised fraction grows linearly from 0 at the melting amplitude to 1
     * at the full RESET amplitude, and the device ends that far from its SET outcome towards a RESET
     * state: G = (1 - f) G_set + f gReset (1 + resetRel xi).
     */
    private void melt(int base, int[] cols, int count, double amplitude, RandomStream rng) {
        double f = meltComplete > meltOnset ? Math.min(1, (amplitude - meltOnset) / (meltComplete - meltOnset)) : 1;
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double amorphous = Math.max(0, gReset * (1 + resetRel * rng.nextGaussian()));
            g[i] = (1 - f) * g[i] + f * amorphous;
        }
    }

    /**
     * Post-programming relaxation: in the seconds after its last pulse each device moves by a
     * Gaussian step of standard deviation relaxation x sqrt(sigma_prog(G)^2 - sigma_prog(0)^2), clipped
     * at 0: the part of aihwkit's programming-noise law that grows with the conductance (see
     * {@link PcmDeviceModel}). Nothing is drawn when relaxation is 0.
     */
    @Override
    public void relax(int base, int[] cols, int count, RandomStream rng) {
        if (relaxation == 0) {
            return;
        }
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            double gi = g[i];
            g[i] = Math.max(0, gi + relaxation * statistics.relaxationSigma(gi) * rng.nextGaussian());
        }
        pin(base, cols, count);
    }

    @Override
    public void readNoiseVariances(double[] conductances, double[] out) {
        readNoiseVariances(0, conductances, out);
    }

    @Override
    public void readNoiseVariances(double seconds, double[] conductances, double[] out) {
        if (statisticalRead) {
            for (int i = 0; i < out.length; i++) {
                out[i] = statistics.readVariance(seconds, driftT0(), g[i], conductances[i]);
            }
        } else {
            super.readNoiseVariances(conductances, out);
        }
    }

    @Override
    public boolean readNoisePerInferenceTime() {
        return readNoiseFrozen;
    }

    /** aihwkit's drift law when selected: ((t + t0) / t0)^-nu(G) from the end of programming. */
    @Override
    public void drifted(double seconds, double[] out) {
        if (!statisticalDrift) {
            super.drifted(seconds, out);
            return;
        }
        RandomStream z = driftDeviates();
        double t0 = driftT0();
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i] * PcmStatistics.driftFactor(statistics.nu(g[i], z.nextGaussian()), seconds, t0);
        }
        pinAll(out);
    }

    /** Devices of several ages: the statistical laws one age at a time, the reference law device by device. */
    @Override
    public void drifted(double[] seconds, double[] out) {
        if (statisticalDrift) {
            DeviceAges.drifted(this, seconds, out);
        } else {
            super.drifted(seconds, out);
        }
    }

    @Override
    public void readNoiseVariances(double[] seconds, double[] conductances, double[] out) {
        if (statisticalRead) {
            DeviceAges.readNoiseVariances(this, seconds, conductances, out);
        } else {
            super.readNoiseVariances(seconds, conductances, out);
        }
    }
}
