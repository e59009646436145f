package org.xbarsim.engine.converter;

/**
 * The spreads a chip's column ADCs are built with ({@code chip.adc.*} keys), each drawn once per ADC
 * at fabrication. Offsets, INL and noise are in LSB of the ADC's own range, so one ADC errs the same
 * way whatever range a read sets it to.
 *
 * @param offsetSigma  standard deviation of an ADC's input offset, LSB
 * @param gainSigma    standard deviation of an ADC's relative gain error
 * @param capMismatch  relative standard deviation of one unit capacitor of a SAR ADC's DAC, whose
 *                     mismatch is the SAR's INL and DNL
 * @param inlSigma     standard deviation of the peak of a ramp or CCO ADC's bow-shaped INL, LSB
 * @param noise        input-referred noise of one conversion, standard deviation in LSB
 * @param calibration  whether each ADC's affine error is measured and corrected at programming time
 */
public record AdcErrors(double offsetSigma, double gainSigma, double capMismatch, double inlSigma, double noise,
                        boolean calibration) {

    /** Reference inputs a calibration converts per ADC, spread evenly over 5-95% of full scale. */
    public static final int CALIBRATION_POINTS = 32;

    public static final AdcErrors NONE = new AdcErrors(0, 0, 0, 0, 0, false);

    public AdcErrors {
        double[] all = {offsetSigma, gainSigma, capMismatch, inlSigma, noise};
        for (double v : all) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("ADC spreads must be finite and >= 0, got " + v);
            }
        }
    }

    /** Whether the converters are exactly the ideal ones (and none is drawn). */
    public boolean ideal() {
        return offsetSigma == 0 && gainSigma == 0 && capMismatch == 0 && inlSigma == 0 && noise == 0 && !calibration;
    }
}
