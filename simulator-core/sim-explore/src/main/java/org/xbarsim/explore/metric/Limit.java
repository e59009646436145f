package org.xbarsim.explore.metric;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.io.InputError;

/**
 * A bound on a metric: at most ({@code <=}) or at least ({@code >=}) a value in the summary's units.
 *
 * @param atMost true for an upper limit, false for a lower one
 */
public record Limit(Metric metric, boolean atMost, double value) {
    /** Whether a run's value keeps the limit; a missing value does not. */
    public boolean holds(Double v) {
        return v != null && (atMost ? v <= value : v >= value);
    }

    /** How far beyond the limit a value is, relative to the limit (0 when within it). */
    public double excess(Double v) {
        if (v == null) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = value == 0 ? 1 : Math.abs(value);
        return Math.max(0, (atMost ? v - value : value - v) / scale);
    }

    /** {@code inference.analogAccuracy >= 97.30%}. */
    public String describe() {
        return metric.path() + (atMost ? " <= " : " >= ") + metric.format(value);
    }

    /** The value as a name part: {@code 2.5ms}, {@code 97.30%}. */
    public String valueText() {
        return metric.format(value);
    }

    /**
     * Parses {@code metric<=value}, {@code metric>=value}, or {@code metric=value} (an upper limit, as
     * {@code programming.timeSeconds=3ms} always meant); several comma-separated values give one limit
     * each ({@code time<=1ms,2ms,3ms}).
     */
    public static List<Limit> parse(String option, String text) {
        int le = text.indexOf("<=");
        int ge = text.indexOf(">=");
        int eq = text.indexOf('=');
        int at = le >= 0 ? le : ge >= 0 ? ge : eq;
        if (at <= 0) {
            throw new InputError(option, "", "expected metric<=value or metric>=value, e.g. "
                    + "programming.timeSeconds<=3ms or inference.analogAccuracy>=97.3%, got '" + text + "'");
        }
        Metric metric = Metrics.parse(option, text.substring(0, at).trim());
        boolean atMost = ge != at;
        String values = text.substring(at + (at == eq && le < 0 && ge < 0 ? 1 : 2));
        List<Limit> limits = new ArrayList<>();
        for (String v : values.split(",", -1)) {
            if (v.isBlank()) {
                throw new InputError(option, metric.path(), "expected a value after the comparison, got '" + values
                        + "'");
            }
            Limit limit = new Limit(metric, atMost, metric.parse(option, v));
            if (limits.stream().anyMatch(l -> l.value() == limit.value())) {
                throw new InputError(option, metric.path(), "expected distinct values, got " + v.trim() + " twice");
            }
            limits.add(limit);
        }
        return limits;
    }
}
