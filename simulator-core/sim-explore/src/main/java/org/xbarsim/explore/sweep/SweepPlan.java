package org.xbarsim.explore.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.scenario.Setting;
import org.xbarsim.explore.chips.ChipsRunner;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.runner.PointRunner;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * A sweep before it runs: a base scenario and its axes. The points are the cartesian product of the
 * axes, the first axis varying slowest; {@link #points} expands ranges into values of each key's own
 * kind and loads every point before any runs, so a bad value in the last point fails in a second, not
 * after hours.
 *
 * <pre>{@code
 * SweepPlan plan = SweepPlan.of(spec).grid("programming.nMsp", "5", "10", "20")
 *         .grid("chip.adc.bits", "6:10:3").grid("workload.rows+workload.cols", "64", "128");
 * }</pre>
 */
public final class SweepPlan {
    /** More points than this is almost surely a typo, and would run for days. */
    public static final int MAX_POINTS = 10_000;

    private final ScenarioSpec base;
    private final List<Axis> axes;
    private final int chips;

    private SweepPlan(ScenarioSpec base, List<Axis> axes, int chips) {
        this.base = base;
        this.axes = List.copyOf(axes);
        this.chips = chips;
    }

    /** A sweep of {@code base} with no axis yet (one point: the base itself), each point on one chip. */
    public static SweepPlan of(ScenarioSpec base) {
        return new SweepPlan(base, List.of(), 1);
    }

    /**
     * This plan with every point run on {@code count} chips (seeds seed..seed+count-1): each point's
     * summary is their means with every metric's spread, and the table has mean, sd, min and max
     * columns ({@link ChipsRunner}). A swept {@code seed} and several chips do not go together.
     */
    public SweepPlan chips(int count) {
        ChipsRunner.checked(count);
        if (count > 1 && axes.stream().anyMatch(a -> a.keys().contains("seed"))) {
            throw new InputError("--chips", "", "expected either a seed grid or --chips, got both");
        }
        return new SweepPlan(base, axes, count);
    }

    public int chips() {
        return chips;
    }

    /** The runner that runs this plan's points on {@code inner}: each on the plan's chips. */
    public PointRunner runner(PointRunner inner, ScenarioLoader loader) {
        return chips == 1 ? inner : new ChipsRunner(inner, chips, loader);
    }

    public ScenarioSpec base() {
        return base;
    }

    public List<Axis> axes() {
        return axes;
    }

    /** This plan with another axis: a key (or keys joined by '+') and its values, or one range {@code lo:hi:n[:log]}. */
    public SweepPlan grid(String key, String... values) {
        return grid(key, List.of(values));
    }

    /** As {@link #grid(String, String...)}; every mistake is an InputError on {@code --grid}. */
    public SweepPlan grid(String key, List<String> values) {
        Axis axis = new Axis(key.trim(), checkedValues(key.trim(), values));
        Set<String> taken = new HashSet<>();
        axes.forEach(a -> taken.addAll(a.keys()));
        for (String part : key.trim().split("\\+", -1)) {
            checkKey(part, taken, key);
        }
        List<Axis> next = new ArrayList<>(axes);
        next.add(axis);
        return new SweepPlan(base, next, chips).chips(chips);
    }

    /** Parses a {@code --grid path=v1,v2,...} or {@code path=lo:hi:n[:log]} option into this plan's next axis. */
    public SweepPlan grid(String option) {
        int eq = option.indexOf('=');
        String key = eq < 0 ? "" : option.substring(0, eq).trim();
        if (eq < 0 || key.isEmpty()) {
            throw new InputError(Axis.ORIGIN, "", "expected path=v1,v2,... or path=lo:hi:n (a scenario key, '=', "
                    + "values separated by commas or a range), got '" + option + "'");
        }
        String list = option.substring(eq + 1).trim();
        if (list.isEmpty()) {
            throw new InputError(Axis.ORIGIN, key, "expected one or more values after '=' separated by commas "
                    + "(path=v1,v2,...) or a range (path=lo:hi:n), got none");
        }
        return grid(key, Range.isRange(list) ? List.of(list) : List.of(list.split(",", -1)));
    }

    private static List<String> checkedValues(String key, List<String> values) {
        if (values.size() == 1 && Range.isRange(values.get(0))) {
            return values;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).trim();
            if (v.isEmpty()) {
                throw new InputError(Axis.ORIGIN, key, "expected a value between commas, got an empty value (value "
                        + (i + 1) + " of '" + String.join(",", values) + "')");
            }
            if (!seen.add(v)) {
                throw new InputError(Axis.ORIGIN, key, "expected each value once, got '" + v + "' twice in '"
                        + String.join(",", values) + "'");
            }
        }
        if (seen.isEmpty()) {
            throw new InputError(Axis.ORIGIN, key, "expected one or more values, got none");
        }
        return List.copyOf(seen);
    }

    private void checkKey(String part, Set<String> taken, String key) {
        if (part.isBlank()) {
            throw new InputError(Axis.ORIGIN, key, "expected keys joined by '+' (workload.rows+workload.cols=...), "
                    + "got an empty one");
        }
        if (!taken.add(part)) {
            throw new InputError(Axis.ORIGIN, part, "expected each key in one --grid only, got it twice");
        }
        for (Setting s : base.settings()) {
            if (s.key().equals(part)) {
                throw new InputError(Axis.ORIGIN, part, "expected a key not also given with " + s.origin()
                        + ", got both");
            }
        }
        if (base.seed() != null && part.equals("seed")) {
            throw new InputError(Axis.ORIGIN, part, "expected seeds either in --grid or as --seed, got both");
        }
    }

    /** The number of points, ranges counted by their n. */
    public long size() {
        long total = 1;
        for (Axis a : axes) {
            total *= a.isRange() ? rangeCount(a) : a.values().size();
        }
        return total;
    }

    private static long rangeCount(Axis a) {
        String[] parts = a.values().get(0).split(":");
        try {
            return Math.max(1, Long.parseLong(parts[2].trim()));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return 1; // the expansion says what is wrong
        }
    }

    /**
     * The plan with its ranges expanded into values of each key's kind (whole numbers for a whole-number
     * key, a unit for a quantity); the kind is read from the base scenario as the other axes' first
     * values make it (a range of a plugin's key follows an axis that picks the plugin only as far as
     * its first value does).
     */
    public SweepPlan expanded(ScenarioLoader loader) {
        if (axes.stream().noneMatch(Axis::isRange)) {
            return this;
        }
        ScenarioSpec first = base;
        for (Axis a : axes) {
            if (!a.isRange()) {
                first = first.withAll(a.settings(a.values().get(0)));
            }
        }
        Scenario scenario = first.load(loader);
        List<Axis> out = new ArrayList<>();
        for (Axis a : axes) {
            out.add(a.isRange() ? expand(a, scenario, first, loader) : a);
        }
        return new SweepPlan(base, out, chips);
    }

    private static Axis expand(Axis a, Scenario scenario, ScenarioSpec first, ScenarioLoader loader) {
        String text = a.values().get(0);
        // Linked keys take the same values: the range is read in the kind of the first.
        ParameterSpec parameter = Range.specOf(scenario, a.keys().get(0));
        for (String k : a.keys()) {
            if (Range.specOf(scenario, k) == null) {
                // An unknown key gets the loader's own message (with its suggestion) on --grid.
                first.with(Setting.of(k, text.substring(0, text.indexOf(':')), Axis.ORIGIN)).load(loader);
            }
        }
        return new Axis(a.key(), Range.expand(a.keys().get(0), text, parameter));
    }

    /**
     * The points, first axis slowest, every one loaded (and so validated) before this returns. A value
     * the loader refuses is an InputError on {@code --grid} naming the point.
     */
    public List<Point> points(ScenarioLoader loader) {
        SweepPlan plan = expanded(loader);
        plan.checkSize();
        List<List<String>> combinations = plan.combinations();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            Point p = plan.point(i, combinations.get(i));
            try {
                p.scenario().load(loader);
            } catch (InputError e) {
                throw Axis.ORIGIN.equals(e.source()) ? new InputError(Axis.ORIGIN, e.keyPath(), e.detail()
                        + " (point " + i + ": " + p.label() + ")", e) : e;
            }
            points.add(p);
        }
        return points;
    }

    /**
     * Runs the sweep: every point through {@code runner}, results in point order.
     *
     * @param listener told as points start and finish
     */
    public SweepResult run(ScenarioLoader loader, PointRunner runner, PointListener listener) {
        SweepPlan plan = expanded(loader);
        return new SweepResult(plan.axes(), runner(runner, loader).run(plan.points(loader), listener));
    }

    /** The point at {@code index} with these axis values (one per axis, in axis order). */
    public Point point(int index, List<String> values) {
        ScenarioSpec spec = base;
        List<String> label = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            spec = spec.withAll(axes.get(a).settings(values.get(a)));
            label.add(axes.get(a).key() + "=" + values.get(a));
        }
        return new Point(index, spec, String.join(" ", label));
    }

    private void checkSize() {
        long total = 1;
        for (Axis a : axes) {
            total *= a.values().size();
            if (total > MAX_POINTS) {
                throw new InputError(Axis.ORIGIN, "", "expected at most " + MAX_POINTS + " points in all, the grids "
                        + "make more (" + describe() + ")");
            }
        }
    }

    /** The cartesian product of the axes' values, first axis slowest (as nested loops in axis order). */
    public List<List<String>> combinations() {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (Axis a : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String v : a.values()) {
                    List<String> p = new ArrayList<>(prefix);
                    p.add(v);
                    next.add(List.copyOf(p));
                }
            }
            result = next;
        }
        return result;
    }

    /** {@code programming.nMsp x4, chip.adc.bits x3}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Axis a : axes) {
            parts.add(a.key() + " x" + (a.isRange() ? rangeCount(a) : a.values().size()));
        }
        return String.join(", ", parts);
    }
}
