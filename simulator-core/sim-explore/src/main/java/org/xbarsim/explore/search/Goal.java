package org.xbarsim.explore.search;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.metric.Limit;
import org.xbarsim.explore.metric.Metric;
import org.xbarsim.explore.metric.Metrics;

/**
 * What a search is after: a metric to minimise (or maximise), subject to limits on others. Runs are
 * compared by one number, the objective plus a penalty for each limit a run breaks: the objective is
 * taken as it is when it is a fraction (Pfail, an accuracy) and scaled by its value in a reference run
 * otherwise (a time, an energy), and each broken limit adds ten times (1 + its relative excess), so any
 * run within the limits beats one that is not by a clear margin.
 *
 * @param objective the metric searched for
 * @param maximise  true to look for the largest value (an accuracy), false for the smallest
 * @param limits    the limits every good run keeps
 */
public record Goal(Metric objective, boolean maximise, List<Limit> limits) {
    private static final double PENALTY = 10;

    public Goal {
        limits = List.copyOf(limits);
        for (Limit l : limits) {
            if (l.metric().equals(objective)) {
                throw new InputError("--limit", objective.path(), "expected a limit on another metric than the "
                        + "objective (" + objective.path() + ")");
            }
        }
    }

    /** The metric's natural sense: accuracies maximised, everything else minimised. */
    public static Goal of(Metric objective, List<Limit> limits) {
        return new Goal(objective, objective.higherIsBetter(), limits);
    }

    public boolean feasible(Evaluation e) {
        return limits.stream().allMatch(l -> l.holds(e.metric(l.metric())));
    }

    /**
     * The number the search minimises.
     *
     * @param reference the objective's value in a reference run, to scale times and energies by
     */
    public double score(Evaluation e, double reference) {
        Double value = e.metric(objective);
        if (value == null) {
            throw new InputError("--objective", objective.path(), "expected a figure every run has, but run "
                    + e.index() + " has none (a weight-only workload runs no inference)");
        }
        boolean fraction = objective.unit() == Metric.Unit.FRACTION;
        double scaled = fraction || !(Math.abs(reference) > 0) ? value : value / Math.abs(reference);
        double score = maximise ? -scaled : scaled;
        for (Limit l : limits) {
            double excess = l.excess(e.metric(l.metric()));
            if (excess > 0) {
                score += PENALTY * (1 + Math.min(excess, 1e6));
            }
        }
        return score;
    }

    /** {@code minimise programming.pfail with programming.timeSeconds <= 3ms}. */
    public String describe() {
        StringBuilder b = new StringBuilder((maximise ? "maximise " : "minimise ") + objective.path());
        for (int i = 0; i < limits.size(); i++) {
            b.append(i == 0 ? " with " : " and ").append(limits.get(i).describe());
        }
        return b.toString();
    }

    /** The value of this goal's last limit, for names: 2.5ms, 1.00%. */
    public String lastLimit() {
        return limits.get(limits.size() - 1).valueText();
    }

    /**
     * The goals of a search's limits: one for each value of the one limit that lists several
     * ({@code time<=1ms,2ms,3ms}), each with the other limits as given.
     *
     * @param limits the limits of each option, in order
     */
    public static List<Goal> forEachValue(Metric objective, boolean maximise, List<List<Limit>> limits) {
        List<Limit> fixed = new ArrayList<>();
        List<Limit> swept = null;
        for (List<Limit> option : limits) {
            if (option.size() == 1) {
                fixed.add(option.get(0));
            } else if (swept != null) {
                throw new InputError("--limit", option.get(0).metric().path(), "expected several values for one "
                        + "limit only, got them for " + swept.get(0).metric().path() + " too");
            } else {
                swept = option;
            }
        }
        if (swept == null) {
            return List.of(new Goal(objective, maximise, fixed));
        }
        List<Goal> goals = new ArrayList<>();
        for (Limit v : swept) {
            List<Limit> all = new ArrayList<>(fixed);
            all.add(v);
            goals.add(new Goal(objective, maximise, all));
        }
        return goals;
    }

    /**
     * The goals written as on the command line: an objective {@code [min:|max:]METRIC} (accuracies are
     * maximised, the rest minimised, unless min: or max: says) and limits {@code METRIC<=VALUE} or
     * {@code METRIC>=VALUE}, one of which may list several values (a goal for each, as
     * {@link #forEachValue}). Bad text is an InputError on {@code --objective} or {@code --limit}.
     */
    public static List<Goal> parse(String objective, List<String> limits) {
        Metric metric = Metrics.parse("--objective", objective.replaceFirst("^(min|max):", ""));
        boolean maximise = objective.startsWith("max:") || (!objective.startsWith("min:") && metric.higherIsBetter());
        List<List<Limit>> parsed = new ArrayList<>();
        limits.forEach(l -> parsed.add(Limit.parse("--limit", l)));
        return forEachValue(metric, maximise, parsed);
    }

    /** Several goals that differ in their last limit, in one line. */
    public static String describe(List<Goal> goals) {
        if (goals.size() == 1) {
            return goals.get(0).describe();
        }
        Goal first = goals.get(0);
        Limit last = first.limits().get(first.limits().size() - 1);
        List<String> values = goals.stream().map(Goal::lastLimit).toList();
        return (first.maximise() ? "maximise " : "minimise ") + first.objective().path() + " with "
                + last.metric().path() + (last.atMost() ? " <= " : " >= ") + "each of " + String.join(", ", values);
    }

    /** The distinct values the goals limit a metric to. */
    public static List<Double> limitValues(List<Goal> goals, Metric m) {
        List<Double> out = new ArrayList<>();
        for (Goal g : goals) {
            for (Limit l : g.limits()) {
                if (l.metric().equals(m) && !out.contains(l.value())) {
                    out.add(l.value());
                }
            }
        }
        return out;
    }
}
