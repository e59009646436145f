package org.xbarsim.explore.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.explore.files.ResultFiles;
import org.xbarsim.explore.search.FrontCheck;
import org.xbarsim.explore.search.SearchFiles;
import org.xbarsim.explore.search.SearchResult;

/**
 * A search's result directory, as {@code xbarsim optimize} leaves it: every run, the fronts and the
 * best run ({@link SearchFiles}), the search plot and, after a front check, each front's
 * {@code front-check.csv} and {@code front-check.png}; with the lines that describe them ({@link SearchText}).
 */
public final class SearchReport {
    /** The front check's plot in the search's directory. */
    public static final String CHECK_PLOT = "front-check.png";
    /** A front check's table in each search's directory. */
    public static final String CHECK_CSV = "front-check.csv";

    private SearchReport() {
    }

    /**
     * Writes {@code result}, the search of {@code base}, into {@code files} and returns its lines;
     * {@code wallSeconds} is how long it took. A plot that cannot be drawn is told to {@code problems}
     * in one line and fails nothing: the tables are the result.
     */
    public static List<String> write(Scenario base, SearchResult result, SearchFiles files, double wallSeconds,
                                     Consumer<String> problems) throws IOException {
        files.write(result);
        try {
            SearchChart.write(base.name(), result, files.plot());
        } catch (IOException | RuntimeException e) {
            problems.accept("could not draw " + files.plot() + ": " + e.getMessage());
        }
        return SearchText.result(base, result, files, wallSeconds);
    }

    /** Writes a front check of {@code result} beside it and returns its lines (plot problems as {@link #write}). */
    public static List<String> writeCheck(Scenario base, SearchResult result, FrontCheck check, SearchFiles files,
                                          Consumer<String> problems) {
        List<String> names = new ArrayList<>();
        result.searches().forEach(s -> names.add(s.setup().value() == null ? base.name() : s.setup().value()));
        for (FrontCheck.Checked c : check.searches()) {
            ResultFiles.writeString(files.of(c.search()).resolve(CHECK_CSV), FrontCheck.csv(c));
        }
        Path plot = files.dir().resolve(CHECK_PLOT);
        try {
            FrontCheckChart.write(base.name() + ": Pareto fronts on unseen chips " + check.firstSeed() + ".."
                    + (check.firstSeed() + check.chips() - 1), check, names, plot);
        } catch (IOException | RuntimeException e) {
            problems.accept("could not draw " + plot + ": " + e.getMessage());
        }
        return SearchText.check(check, names, plot);
    }
}
