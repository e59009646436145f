package org.xbarsim.cli.optimize;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.io.InputError;

/**
 * What the search is after: a metric to minimise, subject to upper limits on others. Runs are
 * compared by one number, the objective plus a penalty for exceeding limits: the objective is
 * scaled by its value in a reference run (Pfail is already a fraction), and each limit adds ten
 * times its relative excess, so any run within the limits beats one that is not by a clear margin.
 *
 * @param objective the metric to minimise
 * @param limits    upper limits, each met when the metric is at most its value
 */
public record Goal(Metric objective, List<Limit> limits) {
    private static final double PENALTY = 10;

    /** An upper limit on a metric. */
    public record Limit(Metric metric, double value) {
        public String describe() {
            return metric.path() + " <= " + metric.format(value);
        }
    }

    public boolean feasible(Evaluation e) {
        for (Limit l : limits) {
            if (l.metric().of(e.summary()) > l.value()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number the search minimises.
     *
     * @param reference the objective's value in a reference run, to scale time and energy by
     */
    public double score(Evaluation e, double reference) {
        double value = objective.of(e.summary());
        double score = objective == Metric.PFAIL || !(reference > 0) ? value : value / reference;
        for (Limit l : limits) {
            double excess = l.metric().of(e.summary()) / l.value() - 1;
            if (excess > 0) {
                score += PENALTY * (1 + excess);
            }
        }
        return score;
    }

    public String describe() {
        StringBuilder b = new StringBuilder("minimise " + objective.id());
        for (int i = 0; i < limits.size(); i++) {
            b.append(i == 0 ? " with " : " and ").append(limits.get(i).describe());
        }
        return b.toString();
    }

    /**
     * The goals of --limit options: one for each value of the one limit that lists several
     * (--limit programming.timeSeconds=1ms,2ms,3ms), each with the other limits as given.
     */
    public static List<Goal> parseAll(Metric goalMetric, List<String> limitSpecs) {
        List<Goal.Limit> fixed = new ArrayList<>();
        Metric swept = null;
        List<Double> values = new ArrayList<>();
        for (String l : limitSpecs) {
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new InputError("--limit", "", "expected metric=value, e.g. programming.timeSeconds=3ms, got '"
                        + l + "'");
            }
            Metric m = Metric.of("--limit", l.substring(0, eq).trim());
            if (m == goalMetric) {
                throw new InputError("--limit", m.path(), "expected a limit on another metric than the objective "
                        + "(" + goalMetric.id() + ")");
            }
            String[] parts = l.substring(eq + 1).split(",", -1);
            if (parts.length > 1) {
                if (swept != null) {
                    throw new InputError("--limit", m.path(), "expected several values for one limit only, got them "
                            + "for " + swept.path() + " too");
                }
                swept = m;
                for (String part : parts) {
                    double v = m.parseLimit("--limit", part);
                    if (values.contains(v)) {
                        throw new InputError("--limit", m.path(), "expected distinct values, got " + part.trim()
                                + " twice");
                    }
                    values.add(v);
                }
            } else {
                fixed.add(new Goal.Limit(m, m.parseLimit("--limit", parts[0])));
            }
        }
        if (swept == null) {
            return List.of(new Goal(goalMetric, fixed));
        }
        List<Goal> goals = new ArrayList<>();
        for (double v : values) {
            List<Goal.Limit> limits = new ArrayList<>(fixed);
            limits.add(new Goal.Limit(swept, v));
            goals.add(new Goal(goalMetric, limits));
        }
        return goals;
    }

    /** Several goals that differ in their last limit, in one line. */
    public static String describe(List<Goal> goals) {
        if (goals.size() == 1) {
            return goals.get(0).describe();
        }
        Goal.Limit last = goals.get(0).limits().get(goals.get(0).limits().size() - 1);
        StringBuilder values = new StringBuilder();
        for (Goal g : goals) {
            Goal.Limit l = g.limits().get(g.limits().size() - 1);
            values.append(values.length() == 0 ? "" : ", ").append(l.metric().format(l.value()));
        }
        return "minimise " + goals.get(0).objective().id() + " with " + last.metric().path() + " <= each of "
                + values;
    }

    /** The distinct values the goals limit a metric to. */
    public static List<Double> limitValues(List<Goal> goals, Metric m) {
        List<Double> out = new ArrayList<>();
        for (Goal g : goals) {
            for (Goal.Limit l : g.limits()) {
                if (l.metric() == m && !out.contains(l.value())) {
                    out.add(l.value());
                }
            }
        }
        return out;
    }

    /** The value of a goal's last limit, for names: 2.5ms, 1.00%. */
    public static String lastLimit(Goal g) {
        Goal.Limit l = g.limits().get(g.limits().size() - 1);
        return l.metric().format(l.value());
    }
}
