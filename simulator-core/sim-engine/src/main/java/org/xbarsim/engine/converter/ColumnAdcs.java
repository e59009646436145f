package org.xbarsim.engine.converter;

import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;

/**
 * A tile's column ADCs as built: each ADC has its own offset, gain error and nonlinearity, drawn at
 * fabrication from its own stream ({@code tile3/adc17}: results depend on the tile and the ADC, never
 * on the order anything else ran), and adds input-referred noise to every conversion. Columns that
 * share an ADC ({@code columnsPerAdc} > 1) share its errors.
 *
 * <p>Inputs and outputs are in LSB from the bottom of the ADC's range, so one ADC errs the same way
 * whatever range a read sets: an input u converts, ideally, to floor(u). As built, the input first
 * meets the ADC's affine error, x = mid + (1 + gain)(u - mid) + offset + noise (a differential input
 * stage: the gain error pivots on mid-scale, zero input), then its nonlinearity: a SAR searches its
 * mismatched capacitor array ({@link BinaryWeightedArray}); a ramp or CCO converter bends x by a bow,
 * 4 t (1 - t) times its INL peak, t = x / 2^bits, the shape of a ramp's or an oscillator's curvature.
 *
 * <p>With calibration the digital periphery corrects each ADC's affine error as measured once, at
 * programming time, from {@link AdcErrors#CALIBRATION_POINTS} known reference inputs (each converted
 * once, with its noise): output (code + 0.5 - b) / a for the fitted line code + 0.5 = a u + b. It
 * cannot correct the nonlinearity, and measures through the noise.
 */
public final class ColumnAdcs {
    private final int columnsPerAdc;
    private final double mid;
    private final double codes;
    private final double[] offset;
    private final double[] gain;
    /** Per ADC, its capacitor array; null unless a SAR with mismatch. */
    private final BinaryWeightedArray[] capacitors;
    /** Per ADC, the INL peak in LSB; null unless a ramp or CCO converter with INL. */
    private final double[] bow;
    private final double noise;
    /** Calibration: per ADC, the fitted slope and intercept; null without calibration. */
    private double[] slope;
    private double[] intercept;

    private ColumnAdcs(int bits, int adcs, int columnsPerAdc, double noise) {
        this.columnsPerAdc = columnsPerAdc;
        this.codes = 1 << bits;
        this.mid = codes / 2;
        this.offset = new double[adcs];
        this.gain = new double[adcs];
        this.capacitors = new BinaryWeightedArray[adcs];
        this.bow = new double[adcs];
        this.noise = noise;
    }

    /**
     * The ADCs of a tile of {@code columns} cell columns, or null when the errors are all zero (the
     * ideal converter then serves, and nothing is drawn). Each ADC draws, in order: its offset, its
     * gain error, then its capacitors (SAR) or its INL peak (ramp, CCO), every deviate whether or not
     * its spread is zero, so that switching one spread off leaves the others' draws as they were.
     */
    public static ColumnAdcs build(AdcErrors e, int bits, String architecture, int columns, int columnsPerAdc,
                                   RandomStreams.Scope tile) {
        if (e.ideal()) {
            return null;
        }
        int adcs = (columns + columnsPerAdc - 1) / columnsPerAdc;
        ColumnAdcs a = new ColumnAdcs(bits, adcs, columnsPerAdc, e.noise());
        boolean sar = architecture.equals("sar");
        for (int k = 0; k < adcs; k++) {
            RandomStream rng = tile.stream("adc" + k);
            a.offset[k] = e.offsetSigma() * rng.nextGaussian();
            a.gain[k] = e.gainSigma() * rng.nextGaussian();
            if (sar) {
                BinaryWeightedArray c = BinaryWeightedArray.draw(bits, e.capMismatch(), rng);
                a.capacitors[k] = e.capMismatch() > 0 ? c : null;
            } else {
                a.bow[k] = e.inlSigma() * rng.nextGaussian();
            }
        }
        if (e.calibration()) {
            a.calibrate(tile);
        }
        return a;
    }

    /** The ADC serving a cell column. */
    public int adcOf(int column) {
        return column / columnsPerAdc;
    }

    /** Whether conversions draw noise (a deviate each from the stream they are handed). */
    public boolean noisy() {
        return noise > 0;
    }

    /** The code column {@code column}'s ADC returns for input u (LSB from the bottom of its range). */
    public int code(int column, double u, RandomStream noiseStream) {
        int k = column / columnsPerAdc;
        double x = mid + (1 + gain[k]) * (u - mid) + offset[k];
        if (noise > 0) {
            x += noise * noiseStream.nextGaussian();
        }
        BinaryWeightedArray c = capacitors[k];
        if (c != null) {
            return c.search(x / codes);
        }
        double t = x / codes;
        if (t > 0 && t < 1) {
            x += bow[k] * 4 * t * (1 - t);
        }
        if (x <= 0) {
            return 0;
        }
        return x >= codes - 1 ? (int) codes - 1 : (int) x;
    }

    /**
     * What the digital periphery makes of a code, LSB from the bottom of the range: the middle of the
     * code's interval, code + 0.5, corrected by the calibration when there is one.
     */
    public double output(int column, int code) {
        if (slope == null) {
            return code + 0.5;
        }
        int k = column / columnsPerAdc;
        return (code + 0.5 - intercept[k]) / slope[k];
    }

    /**
     * Measures every ADC's affine error: converts reference inputs spread evenly over 5-95% of full
     * scale (staying clear of the rails, where clipping would bend the line), each once with its
     * noise from {@code tile3/adc17/calibration}, and fits a line through (input, code + 0.5).
     */
    private void calibrate(RandomStreams.Scope tile) {
        int n = AdcErrors.CALIBRATION_POINTS;
        double[] u = new double[n];
        double[] y = new double[n];
        slope = new double[offset.length];
        intercept = new double[offset.length];
        for (int k = 0; k < offset.length; k++) {
            RandomStream rng = tile.stream("adc" + k + "/calibration");
            for (int i = 0; i < n; i++) {
                u[i] = codes * (0.05 + 0.9 * i / (n - 1));
                y[i] = code(k * columnsPerAdc, u[i], rng) + 0.5;
            }
            AffineFit fit = AffineFit.of(u, y, n);
            slope[k] = fit.slope();
            intercept[k] = fit.intercept();
        }
    }

    /** The ADCs' count: the conversions one calibration makes is this times the calibration points. */
    public int adcs() {
        return offset.length;
    }

    /** Whether the ADCs were calibrated. */
    public boolean calibrated() {
        return slope != null;
    }
}
