package org.xbarsim.cli.optimize;

import java.util.List;

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
}
