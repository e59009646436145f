package org.xbarsim.explore.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.engine.scenario.Scenario;

/**
 * A {@code --grid path=lo:hi:n} range: n values from lo to hi inclusive, evenly spaced, or spaced by
 * a constant factor with {@code path=lo:hi:n:log}. The values are written in the key's own kind, read
 * from its {@link ParameterSpec}: whole numbers for an integer key, a unit for a quantity
 * ({@code inference.time=1s:1y:5:log}), so the sweep runs exactly the values sweep.csv shows.
 */
public final class Range {
    private Range() {
    }

    /** A list with ':' and no ',' is a range; a value list never needs ':' (no scenario value has one). */
    public static boolean isRange(String list) {
        return list.indexOf(':') >= 0 && list.indexOf(',') < 0;
    }

    /**
     * The parameter behind a scenario key, or null for a key that is not a parameter (impl, preset,
     * name) or is unknown; the plugins are those the base scenario (file and --set) binds.
     */
    public static ParameterSpec specOf(Scenario s, String key) {
        if (key.equals("seed")) {
            return ParameterSpec.of("seed", Quantity.INTEGER, "1", 0, Long.MAX_VALUE, "The scenario seed.");
        }
        return s.parameter(key);
    }

    /** The values of the range {@code text} for {@code key}; every mistake is an InputError on --grid. */
    public static List<String> expand(String key, String text, ParameterSpec spec) {
        String[] parts = text.split(":", -1);
        boolean log = parts.length == 4 && parts[3].trim().equals("log");
        if (parts.length != 3 && !log) {
            throw error(key, "expected a range lo:hi:n or lo:hi:n:log, got '" + text + "'");
        }
        String lo = parts[0].trim();
        String hi = parts[1].trim();
        if (lo.isEmpty() || hi.isEmpty() || parts[2].trim().isEmpty()) {
            throw error(key, "expected a range lo:hi:n with lo, hi and n all given, got '" + text + "'");
        }
        int n = count(key, parts[2].trim());
        if (spec == null || spec.quantity() == Quantity.CHOICE || spec.quantity() == Quantity.PATH) {
            throw error(key, "expected a numeric key for a range lo:hi:n, got " + (spec == null
                    ? "a key that is not a parameter" : "a " + spec.quantity().noun() + " key") + "; list its values "
                    + "instead (path=v1,v2,...)");
        }
        Quantity q = spec.quantity();
        double a = parse(key, q, lo, "lo");
        double b = parse(key, q, hi, "hi");
        if (a > b) {
            throw error(key, "expected lo <= hi in lo:hi:n, got " + lo + " > " + hi);
        }
        if (log && a <= 0) {
            throw error(key, "expected lo > 0 for a log range, got " + lo);
        }
        if (n == 1 && a != b) {
            throw error(key, "expected n >= 2 for a range from " + lo + " to " + hi + " (n = 1 is the single value "
                    + "lo:lo:1), got 1");
        }
        List<String> values = values(q, lo, hi, n, log);
        if (new LinkedHashSet<>(values).size() != values.size()) {
            throw error(key, "expected " + n + " distinct values from " + text + ", got repeats ("
                    + String.join(",", values) + ")"
                    + (q == Quantity.INTEGER ? ": a whole-number key has fewer values in that range" : ""));
        }
        return values;
    }

    /** The count n of lo:hi:n: 1..MAX_POINTS. */
    private static int count(String key, String count) {
        int n;
        try {
            n = Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw error(key, "expected the count n of lo:hi:n to be a whole number, got '" + count + "'");
        }
        if (n < 1) {
            throw error(key, "expected a count n >= 1 in lo:hi:n, got " + n);
        }
        if (n > SweepPlan.MAX_POINTS) {
            throw error(key, "expected a count n <= " + SweepPlan.MAX_POINTS + " in lo:hi:n, got " + n);
        }
        return n;
    }

    /** n values from lo to hi, evenly spaced or by a constant ratio, written as the scenario would. */
    private static List<String> values(Quantity q, String lo, String hi, int n, boolean log) {
        double a = q.parse(lo);
        double b = q.parse(hi);
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i == 0 || i == n - 1) {
                // The ends as the user wrote them: exact, and as readable as they were typed.
                String end = i == 0 ? lo : hi;
                values.add(q == Quantity.INTEGER ? Long.toString(Math.round(q.parse(end))) : end);
                continue;
            }
            double f = (double) i / (n - 1);
            values.add(write(q, log ? a * Math.pow(b / a, f) : a + (b - a) * f));
        }
        return values;
    }

    private static double parse(String key, Quantity q, String text, String which) {
        try {
            return q.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage() + " (" + which + " of the range)");
        }
    }

    /** A value as the scenario would write it: whole numbers rounded, others to six digits, with a unit if any. */
    private static String write(Quantity q, double v) {
        return q == Quantity.INTEGER ? Long.toString(Math.round(v)) : q.format(v);
    }

    private static InputError error(String key, String detail) {
        return new InputError("--grid", key, detail);
    }
}
