package org.xbarsim.explore.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.explore.files.ResultFiles;

/**
 * The result directory of a search: per search (a subdirectory per value of the plan's {@code each}
 * key), every run ({@link #EVALUATIONS}), the front ({@link #PARETO}) and the best run's summary per
 * goal ({@link #BEST}, then {@code best@LIMIT.summary.json}); the plot of all searches
 * ({@link #PLOT}, drawn by {@link org.xbarsim.explore.report.SearchChart}) beside them.
 */
public final class SearchFiles {
    public static final String EVALUATIONS = "evaluations.csv";
    public static final String PARETO = "pareto.csv";
    public static final String PLOT = "pareto.png";
    public static final String BEST = "best.summary.json";

    private final Path dir;
    private final SearchPlan plan;

    public SearchFiles(Path dir, SearchPlan plan) {
        this.dir = dir;
        this.plan = plan;
    }

    public Path dir() {
        return dir;
    }

    /** Where a search's files go: the directory, or its subdirectory for a value of {@code each}. */
    public Path of(Searched s) {
        return s.setup().value() == null ? dir : dir.resolve(s.setup().directoryName());
    }

    /**
     * Refuses, in one line on {@code --out}, a directory (or a value's subdirectory) that holds a
     * search's results already: before the first run, so that nothing is lost or computed for nothing.
     */
    public void refuseOverwrite() {
        List<Path> places = new ArrayList<>(List.of(dir));
        for (String value : plan.eachValues()) {
            if (value != null) {
                places.add(dir.resolve(value.replaceAll("[^A-Za-z0-9._-]", "_")));
            }
        }
        for (Path place : places) {
            for (String name : List.of(EVALUATIONS, PARETO, BEST, PLOT)) {
                ResultClaim.refuseResult(place, name);
            }
        }
    }

    /** Writes every search's tables and best summaries, each file atomically. */
    public void write(SearchResult result) throws IOException {
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
        }
        Files.createDirectories(dir);
    }

    /** The PNG of every search's front, in the directory. */
    public Path plot() {
        return dir.resolve(PLOT);
    }
}
