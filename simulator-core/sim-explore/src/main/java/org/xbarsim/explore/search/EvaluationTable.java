package org.xbarsim.explore.search;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.engine.summary.SummaryMetrics;
import org.xbarsim.explore.files.Csv;
import org.xbarsim.explore.metric.Metric;
import org.xbarsim.explore.metric.Metrics;

/**
 * A search's runs as a table ({@code evaluations.csv}, and {@code pareto.csv} for its front): the run's
 * index and phase, its knob values (and the tolerance when it follows F G_T), every metric some run
 * has (but the host's: wall times, threads), whether it keeps each goal's limits, and whether it is on the Pareto front of Pfail against
 * programming time.
 */
public final class EvaluationTable {
    private EvaluationTable() {
    }

    /** Every run of a search, in evaluation order. */
    public static String evaluations(Searched s, List<Goal> goals) {
        return text(s, goals, s.runs());
    }

    /** The runs of a search's Pareto front, fastest first. */
    public static String pareto(Searched s, List<Goal> goals) {
        return text(s, goals, s.front());
    }

    private static String text(Searched s, List<Goal> goals, List<Evaluation> rows) {
        List<Metric> metrics = new ArrayList<>();
        for (String path : SummaryMetrics.PATHS) {
            Metric m = Metrics.of(path);
            // The host's figures (wall times, threads) would make the table differ between runs of one search.
            if (!SummaryMetrics.HOST.contains(path) && s.runs().stream().anyMatch(e -> e.metric(m) != null)) {
                metrics.add(m);
            }
        }
        List<String> header = new ArrayList<>(List.of("run", "phase"));
        s.setup().knobs().forEach(k -> header.add(k.path()));
        if (s.setup().tolerance() != null) {
            header.add(ToleranceRule.TOL);
        }
        metrics.forEach(m -> header.add(m.path()));
        for (Goal g : goals) {
            header.add("feasible" + (goals.size() == 1 ? "" : "@" + g.lastLimit()));
        }
        header.add("pareto");
        List<Evaluation> front = s.front();
        List<List<String>> lines = new ArrayList<>();
        for (Evaluation e : rows) {
            lines.add(row(s.setup(), goals, metrics, e, front.contains(e)));
        }
        return Csv.text(header, lines);
    }

    private static List<String> row(Setup setup, List<Goal> goals, List<Metric> metrics, Evaluation e,
                                    boolean onFront) {
        List<String> cells = new ArrayList<>(List.of(Integer.toString(e.index()), e.phase()));
        for (int i = 0; i < setup.knobs().size(); i++) {
            cells.add(setup.knobs().get(i).written(e.values()[i]));
        }
        if (setup.tolerance() != null) {
            cells.add(setup.tolerance().value(e.values()));
        }
        metrics.forEach(m -> cells.add(e.cell(m)));
        goals.forEach(g -> cells.add(Boolean.toString(g.feasible(e))));
        cells.add(Boolean.toString(onFront));
        return cells;
    }
}
