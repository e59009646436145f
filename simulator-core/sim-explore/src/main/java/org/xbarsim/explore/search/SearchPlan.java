package org.xbarsim.explore.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.scenario.Setting;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.chips.ChipsRunner;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.runner.PointResult;
import org.xbarsim.explore.runner.PointRunner;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * A search before it runs: the scenario, the knobs to vary between bounds, the goals, the budget of
 * runs, the chips each candidate is scored on, and optionally a key to search once per value of
 * ({@code programming.impl}: each policy with the knobs it has). Every search's knobs are checked
 * before the first run, so a typo fails in a second, not an hour in.
 *
 * <pre>{@code
 * SearchResult r = SearchPlan.of(spec).vary("programming.nMsp=5:40").vary("programming.sMsp=0.5:2")
 *         .goal(Goal.of(Metrics.PFAIL, Limit.parse("--limit", "time<=3ms"))).budget(40)
 *         .run(host.loader(), runner, PointListener.NONE, runs -> { });
 * }</pre>
 */
public final class SearchPlan {
    private final ScenarioSpec base;
    private final List<String> knobs;
    private final List<Goal> goals;
    private final int budget;
    private final Integer design;
    private final int chips;
    private final String eachKey;
    private final List<String> each;

    private SearchPlan(ScenarioSpec base, List<String> knobs, List<Goal> goals, int budget, Integer design,
                       int chips, String eachKey, List<String> each) {
        this.base = base;
        this.knobs = List.copyOf(knobs);
        this.goals = List.copyOf(goals);
        this.budget = budget;
        this.design = design;
        this.chips = chips;
        this.eachKey = eachKey;
        this.each = each == null ? null : List.copyOf(each);
    }

    /** A search of {@code base}: no knob yet, Pfail minimised, 60 runs, one chip. */
    public static SearchPlan of(ScenarioSpec base) {
        return new SearchPlan(base, List.of(), List.of(Goal.of(Metrics.PFAIL, List.of())), 60, null, 1, null, null);
    }

    /** Varies a numeric key between bounds: {@code path=lo:hi} with units as in a scenario ({@code programming.margin=0.2uS:2uS}). */
    public SearchPlan vary(String knob) {
        List<String> next = new ArrayList<>(knobs);
        next.add(knob);
        return new SearchPlan(base, next, goals, budget, design, chips, eachKey, each);
    }

    /** Searches for one goal. */
    public SearchPlan goal(Goal goal) {
        return goals(List.of(goal));
    }

    /** Searches for several goals that differ in one limit: the budget after the design is shared among them. */
    public SearchPlan goals(List<Goal> several) {
        if (several.isEmpty()) {
            throw new IllegalArgumentException("expected at least one goal");
        }
        return new SearchPlan(base, knobs, several, budget, design, chips, eachKey, each);
    }

    /** Runs per search, the design included: 2..10000. */
    public SearchPlan budget(int runs) {
        if (runs < 2 || runs > 10_000) {
            throw new InputError("--budget", "", "expected 2..10000 runs, got " + runs);
        }
        return new SearchPlan(base, knobs, goals, runs, design, chips, eachKey, each);
    }

    /** Quasi-random design runs before CMA-ES (default: half the budget). */
    public SearchPlan design(int runs) {
        return new SearchPlan(base, knobs, goals, budget, runs, chips, eachKey, each);
    }

    /** Scores each candidate by its means over this many chips, the seeds from the scenario's on: 1..64 ({@link ChipsRunner}). */
    public SearchPlan chips(int count) {
        ChipsRunner.checked(count);
        return new SearchPlan(base, knobs, goals, budget, design, count, eachKey, each);
    }

    /** Searches once for each value of a key ({@code programming.impl}: a, b). */
    public SearchPlan each(String key, List<String> values) {
        List<String> distinct = new ArrayList<>();
        for (String v : values) {
            if (v.isBlank()) {
                throw new InputError("--each", key, "expected a list of values without empty ones, got '"
                        + String.join(",", values) + "'");
            }
            if (distinct.contains(v.trim())) {
                throw new InputError("--each", key, "expected distinct values, got " + v.trim() + " twice");
            }
            distinct.add(v.trim());
        }
        return new SearchPlan(base, knobs, goals, budget, design, chips, key.trim(), distinct);
    }

    public List<Goal> goals() {
        return goals;
    }

    public int chips() {
        return chips;
    }

    public int budget() {
        return budget;
    }

    /** The value of each search (null for a single search without {@code each}). */
    public List<String> eachValues() {
        List<String> values = new ArrayList<>();
        if (each == null) {
            values.add(null);
        } else {
            values.addAll(each);
        }
        return values;
    }

    /** The key of {@code each}, or null. */
    public String eachKey() {
        return eachKey;
    }

    /** The searches this plan makes, each checked: its scenario loads and its knobs are keys it has. */
    public List<Setup> setups(ScenarioLoader loader) {
        int designs = design == null ? Math.max(1, budget / 2) : design;
        if (designs < 1 || designs > budget) {
            throw new InputError("--design", "", "expected 1.." + budget + " (at most the budget), got " + designs);
        }
        if (knobs.isEmpty()) {
            throw new InputError("--vary", "", "expected at least one knob to vary, got none");
        }
        List<Setup> setups = new ArrayList<>();
        for (String value : eachValues()) {
            setups.add(setup(loader, value));
        }
        return setups;
    }

    private Setup setup(ScenarioLoader loader, String value) {
        ScenarioSpec spec = value == null ? base : base.with(Setting.of(eachKey, value, "--each"));
        Scenario s = spec.load(loader);
        List<Knob> list = new ArrayList<>();
        for (String v : knobs) {
            String path = v.indexOf('=') > 0 ? v.substring(0, v.indexOf('=')).trim() : v;
            if (value != null && s.parameter(path) == null && knownElsewhere(loader, path)) {
                continue; // a knob of another policy or device of 'each': this one has no such key
            }
            list.add(Knob.parse(v, s::parameter));
        }
        if (list.isEmpty()) {
            throw new InputError("--vary", "", "expected at least one key that " + eachKey + "=" + value
                    + " has, got none of " + String.join(", ", knobs));
        }
        for (int i = 0; i < list.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (list.get(i).path().equals(list.get(j).path())) {
                    throw new InputError("--vary", list.get(i).path(), "expected each key once, got it twice");
                }
            }
        }
        return new Setup(value, spec, s.seed(), list, baseValues(s, list), ToleranceRule.of(s, list));
    }

    /** Whether another value of {@code each} has this key: then a value without it just does not vary it. */
    private boolean knownElsewhere(ScenarioLoader loader, String path) {
        for (String v : eachValues()) {
            if (base.with(Setting.of(eachKey, v, "--each")).load(loader).parameter(path) != null) {
                return true;
            }
        }
        return false;
    }

    /** The knobs' values in the scenario as written (with presets and defaults), canonical units. */
    private static double[] baseValues(Scenario s, List<Knob> knobs) {
        double[] v = new double[knobs.size()];
        for (int i = 0; i < v.length; i++) {
            String written = s.effective().get(knobs.get(i).path());
            ParameterSpec spec = s.parameter(knobs.get(i).path());
            if (written == null || spec == null) {
                return null;
            }
            v[i] = (Double) spec.parse(written);
        }
        return v;
    }

    /**
     * Runs every search through {@code runner}.
     *
     * @param listener told as runs start and finish
     * @param progress told the runs done so far, across searches, after every batch
     */
    public SearchResult run(ScenarioLoader loader, PointRunner runner, PointListener listener, IntConsumer progress) {
        List<Setup> setups = setups(loader);
        int designs = design == null ? Math.max(1, budget / 2) : design;
        List<Searched> searched = new ArrayList<>();
        int[] done = new int[1];
        for (Setup setup : setups) {
            int before = done[0];
            Search search = new Search(setup.knobs(), candidates -> evaluate(setup, candidates, runner, listener),
                    runs -> {
                        done[0] = before + runs;
                        progress.accept(done[0]);
                    });
            List<Evaluation> runs = search.run(setup.base(), designs, budget, setup.seed(), goals);
            searched.add(new Searched(setup, runs, goals.stream().map(search::best).toList()));
        }
        return new SearchResult(goals, chips, searched);
    }

    /** Runs a batch of candidates, each on every chip, all at once on the runner; the chip means in order. */
    private List<RunSummary> evaluate(Setup setup, List<double[]> candidates, PointRunner runner,
                                      PointListener listener) {
        List<Point> points = new ArrayList<>();
        for (double[] values : candidates) {
            points.add(setup.candidate(points.size(), values, setup.seed()));
        }
        // The runner is the caller's: only the chips' wrapper around it is this search's.
        return new ChipsRunner(runner, chips, null).run(points, listener).stream().map(PointResult::summary).toList();
    }
}
