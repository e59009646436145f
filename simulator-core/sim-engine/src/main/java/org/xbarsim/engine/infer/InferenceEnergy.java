package org.xbarsim.engine.infer;

/**
 * Inference energy by part, pJ.
 *
 * @param array   the devices' reads: a fixed part per device and V^2 G t of the inputs driven
 * @param adc     column conversions
 * @param dac     row drive and DAC steps
 * @param digital accumulating partial sums, rescaling and activating outputs
 */
public record InferenceEnergy(double array, double adc, double dac, double digital) {
}
