package org.xbarsim.explore.report;

import java.util.List;
import java.util.Objects;

/**
 * The mean of some values and their sample standard deviation (n - 1 in the denominator: the seeds
 * are a sample of chips); 0 for a single value.
 */
record Stat(double mean, double sd, int n) {
    /** The statistics of the non-null values, or null when there are none. */
    static Stat of(List<Double> values) {
        List<Double> v = values.stream().filter(Objects::nonNull).toList();
        if (v.isEmpty()) {
            return null;
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.size();
        double squares = 0;
        for (double x : v) {
            double d = x - mean;
            squares += d * d;
        }
        return new Stat(mean, v.size() < 2 ? 0 : Math.sqrt(squares / (v.size() - 1)), v.size());
    }
}
