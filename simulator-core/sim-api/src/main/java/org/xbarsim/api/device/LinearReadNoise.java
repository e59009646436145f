package org.xbarsim.api.device;

/**
 * A read-noise law shared by every device of an array: a read's noise is zero-mean Gaussian with
 * standard deviation {@code relative x G + absolute} (uS) at the device's conductance G. An array that
 * declares it ({@link DeviceArray#linearReadNoise()}) lets the read path work out each device's
 * variance inside its own loop instead of asking the array for them first: the same numbers, one pass
 * over the row instead of five.
 */
public record LinearReadNoise(double relative, double absolute) {
    /** The variance of one read of a device of conductance {@code g}, uS^2. */
    public double variance(double g) {
        double sigma = relative * g + absolute;
        return sigma * sigma;
    }
}
