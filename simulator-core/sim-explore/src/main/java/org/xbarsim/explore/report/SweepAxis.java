package org.xbarsim.explore.report;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.param.Quantity;

/**
 * The x axis of a sweep plot: the values a key took, as numbers (with a unit's canonical scale and,
 * for times, a log scale) or as words for bars.
 *
 * @param numbers the values as numbers, or null when they are words (policy ids, presets)
 * @param time    whether the numbers are seconds spread over decades (drawn on a log time axis)
 */
record SweepAxis(String key, List<String> values, List<Double> numbers, boolean time, String title) {
    boolean categorical() {
        return numbers == null;
    }

    /** Numbers as numbers, quantities in their canonical unit (times over a log axis), anything else as words. */
    static SweepAxis of(String key, List<String> values) {
        List<Double> plain = parse(values, null);
        if (plain != null) {
            return new SweepAxis(key, values, plain, false, key);
        }
        for (Quantity q : List.of(Quantity.TIME, Quantity.CONDUCTANCE, Quantity.FREQUENCY, Quantity.ENERGY)) {
            List<Double> parsed = parse(values, q);
            if (parsed != null) {
                boolean log = q == Quantity.TIME && parsed.stream().allMatch(d -> d > 0);
                return new SweepAxis(key, values, parsed, log, key + (log ? " (log scale)" : " (" + q.canonicalUnit()
                        + ")"));
            }
        }
        return new SweepAxis(key, values, null, false, key);
    }

    /** The values as numbers (plain when {@code q} is null), or null if one is not. */
    private static List<Double> parse(List<String> values, Quantity q) {
        List<Double> out = new ArrayList<>();
        for (String v : values) {
            try {
                double d = q == null ? Double.parseDouble(v) : q.parse(v);
                if (!Double.isFinite(d)) {
                    return null;
                }
                out.add(d);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out;
    }

    /** The position of a value on this axis. */
    Double position(String value) {
        int i = values.indexOf(value);
        return i < 0 || numbers == null ? null : numbers.get(i);
    }
}
