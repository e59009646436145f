package org.xbarsim.engine.calibrate;

import java.util.List;
import java.util.Locale;

/**
 * A device parameter a calibration varies, within [low, high] (canonical units).
 *
 * @param name  the device parameter's name (without {@code device.})
 * @param low   smallest value tried
 * @param high  largest value tried
 */
public record FitParameter(String name, double low, double high) {
    public FitParameter {
        if (!(low < high)) {
            throw new IllegalArgumentException("a fitted range needs low < high, got " + name + " " + low + ".." + high);
        }
    }

    /** The parameters with their values, as {@code name=value} pairs to 4 significant digits: "a=1.234 b=5.000e-06". */
    public static String describe(List<FitParameter> parameters, double[] values) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < values.length; j++) {
            b.append(j == 0 ? "" : " ").append(parameters.get(j).name()).append('=')
                    .append(String.format(Locale.ROOT, "%.4g", values[j]));
        }
        return b.toString();
    }

    /** The value at position u in [0, 1] of the range. */
    double at(double u) {
        return low + u * (high - low);
    }

    /** The position of a value in the range, clipped to [0, 1]. */
    double position(double value) {
        return Math.min(1, Math.max(0, (value - low) / (high - low)));
    }
}
