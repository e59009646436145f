package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.files.ResultFiles;
import org.xbarsim.explore.report.SearchChart;
import org.xbarsim.explore.search.EvaluationTable;
import org.xbarsim.explore.search.Goal;
import org.xbarsim.explore.search.SearchPlan;
import org.xbarsim.explore.search.SearchResult;
import org.xbarsim.explore.search.Searched;

/**
 * The result directory of {@code optimize}: per search (a subdirectory per value of {@code --each}),
 * every run ({@code evaluations.csv}), the front ({@code pareto.csv}) and the best run's summary per
 * goal; the plot of all searches beside them.
 */
final class SearchFiles {
    static final String EVALUATIONS = "evaluations.csv";
    static final String PARETO = "pareto.csv";
    static final String PLOT = "pareto.png";
    static final String BEST = "best.summary.json";

    private final Path dir;
    private final SearchPlan plan;

    SearchFiles(Path dir, SearchPlan plan) {
        this.dir = dir;
        this.plan = plan;
    }

    /** Where a search's files go: the directory, or its subdirectory for a value of {@code --each}. */
    Path of(Searched s) {
        return s.setup().value() == null ? dir : dir.resolve(s.setup().directoryName());
    }

    Path dir() {
        return dir;
    }

    /** Refuses a directory (or a value's subdirectory) that holds a search's results already. */
    void refuseOverwrite() {
        List<Path> places = new ArrayList<>(List.of(dir));
        for (String value : plan.eachValues()) {
            if (value != null) {
                places.add(dir.resolve(value.replaceAll("[^A-Za-z0-9._-]", "_")));
            }
        }
        for (Path place : places) {
            for (String name : List.of(EVALUATIONS, PARETO, BEST, PLOT)) {
                if (Files.exists(place.resolve(name))) {
                    throw new InputError("--out", "", "expected a directory without a result, but " + place
                            + " already holds one (" + name + "); pass --force to overwrite it or --out for "
                            + "another directory");
                }
            }
        }
    }

    /** Writes every search's files and the plot; returns the plot (a plot that fails is one line on {@code err}). */
    Path write(String name, SearchResult result, boolean noLimits, PrintWriter err) throws IOException {
        List<String> names = new ArrayList<>();
        for (Searched s : result.searches()) {
            Path where = of(s);
            Files.createDirectories(where);
            ResultFiles.writeString(where.resolve(EVALUATIONS), EvaluationTable.evaluations(s, result.goals()));
            ResultFiles.writeString(where.resolve(PARETO), EvaluationTable.pareto(s, result.goals()));
            ResultFiles.writeString(where.resolve(BEST), s.best().get(0).summary().toJson());
            for (int g = 1; g < result.goals().size(); g++) {
                ResultFiles.writeString(where.resolve("best@" + result.goals().get(g).lastLimit() + ".summary.json"),
                        s.best().get(g).summary().toJson());
            }
            names.add(s.setup().value() == null ? name : s.setup().value());
        }
        Files.createDirectories(dir);
        Path plot = dir.resolve(PLOT);
        Goal goal = result.goals().get(0);
        try {
            SearchChart.write(name + ": Pfail against programming time, " + goal.objective().path()
                    + (goal.maximise() ? " maximised" : " minimised") + (noLimits ? "" : " within the limits"), result,
                    names, plot);
        } catch (IOException | RuntimeException e) {
            err.println("xbarsim: could not draw " + plot + ": " + e.getMessage());
        }
        return plot;
    }
}
