package org.xbarsim.explore.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.xbarsim.engine.life.LifecyclePlots;
import org.xbarsim.engine.life.LifecycleResult;
import org.xbarsim.engine.life.LifecycleText;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.files.ResultFiles;

/**
 * A run's result directory, as {@code xbarsim run} leaves it: {@code summary.json}, the error histogram
 * and, when the scenario had a working life, the life's plots; with the lines that describe them
 * ({@link SummaryText}, then the life's lines and plots).
 */
public final class RunReport {
    /** The summary's file name in the directory. */
    public static final String SUMMARY = "summary.json";
    /** The error histogram's file name in the directory. */
    public static final String HISTOGRAM = "error-histogram.png";

    private RunReport() {
    }

    /**
     * Writes the files of {@code summary}, a run of {@code s} on {@code tiles} tiles, into {@code dir}
     * and returns its lines (a run of several chips as their mean ± sd). A plot that cannot be drawn is
     * told to {@code problems} in one line and does not fail the run: the summary is the result.
     */
    public static List<String> write(Scenario s, int tiles, RunSummary summary, Path dir, Consumer<String> problems) {
        Path file = dir.resolve(SUMMARY);
        ResultFiles.writeString(file, summary.toJson());
        boolean chips = summary.chips() != null;
        Path plot = dir.resolve(HISTOGRAM);
        try {
            ErrorHistogramChart.write(summary, plot);
        } catch (IOException | RuntimeException e) {
            problems.accept("could not draw " + (chips ? "the error histogram in " + dir : plot) + ": "
                    + e.getMessage());
        }
        List<String> lines = new ArrayList<>(chips ? SummaryText.chips(s, tiles, summary, file)
                : SummaryText.run(s, tiles, summary, file));
        if (summary.lifecycle() != null) {
            lifecycle(s, summary, dir, lines, problems);
        }
        return lines;
    }

    /** A working life's lines and plots. */
    private static void lifecycle(Scenario s, RunSummary summary, Path dir, List<String> lines,
                                  Consumer<String> problems) {
        LifecycleResult life = new LifecycleResult(summary.lifecycle().life(), summary.lifecycle().withoutRefresh());
        lines.addAll(LifecycleText.lines(life));
        try {
            lines.add("  plots: " + String.join(", ", LifecyclePlots.write(s.name(), life, dir).stream()
                    .map(Path::toString).toList()));
        } catch (IOException | RuntimeException e) {
            problems.accept("could not draw the working life's plots in " + dir + ": " + e.getMessage());
        }
    }
}
