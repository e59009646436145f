package org.xbarsim.explore.search;

import java.util.List;

/**
 * What one search found: every run in evaluation order, and the best run under each goal of the plan.
 */
public record Searched(Setup setup, List<Evaluation> runs, List<Evaluation> best) {
    public Searched {
        runs = List.copyOf(runs);
        best = List.copyOf(best);
    }

    /** The runs nothing beats on both Pfail and programming time, fastest first. */
    public List<Evaluation> front() {
        return ParetoFront.of(runs);
    }
}
