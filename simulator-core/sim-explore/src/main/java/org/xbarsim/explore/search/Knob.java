package org.xbarsim.explore.search;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Function;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.engine.scenario.Setting;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * A scenario key the optimiser varies between two bounds, in canonical units. The search works in
 * the unit interval; {@link #value(double)} maps a position there to the value a run is given,
 * rounded to a whole number for integer keys (budgets), so nearby positions may name the same run.
 *
 * @param path    the scenario key, e.g. {@code programming.nMsp}
 * @param lo      lower bound, canonical units
 * @param hi      upper bound, canonical units
 * @param quantity the key's kind: its unit, and whether it is a whole number
 */
public record Knob(String path, double lo, double hi, Quantity quantity) {

    /**
     * Parses {@code path=lo:hi} (units as in a scenario, e.g. {@code programming.margin=0.2uS:2uS}).
     *
     * @param specOf the parameter a key names, or null when the scenario has no such key
     */
    public static Knob parse(String text, Function<String, ParameterSpec> specOf) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InputError("--vary", "", "expected path=lo:hi, e.g. programming.nMsp=5:40, got '" + text + "'");
        }
        String path = text.substring(0, eq).trim();
        String range = text.substring(eq + 1).trim();
        ParameterSpec spec = specOf.apply(path);
        if (spec == null) {
            throw new InputError("--vary", path, "expected a numeric key of the scenario (see 'xbarsim plugins'), "
                    + "got one it does not have");
        }
        if (path.equals("programming." + ProgrammingPolicy.TOLERANCE)) {
            throw new InputError("--vary", path, "expected a knob of the hardware or the policy, got the tolerance "
                    + "that defines success: varying it changes what Pfail measures");
        }
        Quantity q = spec.quantity();
        if (q == Quantity.CHOICE || q == Quantity.PATH) {
            throw new InputError("--vary", path, "expected a numeric key, got " + q.withArticle()
                    + "; compare choices with --each " + path + "=a,b");
        }
        String[] bounds = range.split(":", -1);
        if (bounds.length != 2 || bounds[0].isBlank() || bounds[1].isBlank()) {
            throw new InputError("--vary", path, "expected a range lo:hi, got '" + range + "'");
        }
        double lo = bound(spec, path, bounds[0]);
        double hi = bound(spec, path, bounds[1]);
        if (!(lo < hi)) {
            throw new InputError("--vary", path, "expected lo < hi, got " + bounds[0].trim() + " and "
                    + bounds[1].trim());
        }
        if (q == Quantity.INTEGER && Math.ceil(lo) > Math.floor(hi)) {
            throw new InputError("--vary", path, "expected a range holding a whole number, got " + range);
        }
        return new Knob(path, lo, hi, q);
    }

    private static double bound(ParameterSpec spec, String path, String text) {
        Object v;
        try {
            v = spec.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InputError("--vary", path, e.getMessage());
        }
        return (Double) v;
    }

    public boolean integer() {
        return quantity == Quantity.INTEGER;
    }

    /** The canonical value at position {@code u} in [0, 1]. */
    public double value(double u) {
        double v = lo + Math.max(0, Math.min(1, u)) * (hi - lo);
        if (integer()) {
            v = Math.max(Math.ceil(lo), Math.min(Math.floor(hi), Math.rint(v)));
        }
        return v;
    }

    /** The position of a canonical value, clamped to [0, 1]. */
    public double position(double value) {
        return Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
    }

    /** A value as a scenario writes it: six significant digits and the canonical unit. */
    public String written(double value) {
        String number = integer() ? Long.toString(Math.round(value))
                : BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return number + quantity.canonicalUnit();
    }

    /** The setting that gives this knob a canonical value. */
    public Setting setting(double value) {
        return Setting.of(path, written(value), ScenarioSpec.ORIGIN);
    }
}
