package org.xbarsim.engine.summary;

import java.util.List;

/**
 * How a figure spreads over a sample of chips: the mean, the sample standard deviation (n - 1 in the
 * denominator: the chips are a sample of the device population, and the question is how far another
 * chip may land; 0 for a single chip), the smallest and the largest value, and how many chips had the
 * figure.
 *
 * <p>The mean is the plain left-to-right sum over n (the common value when all are equal), so a mean
 * over chips in seed order is the same number whoever computes it (a search's scores, a sweep's
 * table, {@code run --chips}).
 */
public record Spread(double mean, double sd, double min, double max, int n) {
    /**
     * The spread of the values that are there (nulls and non-finite values are chips without the
     * figure), or null when none is.
     */
    public static Spread of(List<Double> values) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                n++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n == 0) {
            return null;
        }
        // Chips that agree (a software figure, a count) have that value as their mean and no spread,
        // not a sum's rounding of it (five times 0.9832 over 5 is 0.98319999999999996).
        double mean = min == max ? min : sum / n;
        double squares = 0;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                double d = v - mean;
                squares += d * d;
            }
        }
        return new Spread(mean, n < 2 ? 0 : Math.sqrt(squares / (n - 1)), min, max, n);
    }
}
