package org.xbarsim.explore.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.metric.Metric;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.sweep.SavedSweep;
import org.xbarsim.explore.sweep.SweepDirectory;

/**
 * The plots of a saved sweep beyond its metrics ({@link SweepReport}), as {@code xbarsim report} draws
 * them into the sweep's directory: inference loss compared with other sweeps, Pareto fronts by a key,
 * the simulator's cost against size; and the lines that list what was written.
 */
public final class SweepPlots {
    private SweepPlots() {
    }

    /** The metrics named (as {@code --metric}), each a column of the sweep's table or an InputError. */
    public static List<Metric> metrics(SavedSweep sweep, List<String> names) {
        List<Metric> list = new ArrayList<>();
        for (String name : names) {
            Metric m = Metrics.parse("--metric", name);
            if (!sweep.table().has(m)) {
                throw new InputError("--metric", name, "expected a column of " + sweep.dir().resolve(SweepDirectory.CSV)
                        + ", found none (the sweep's scenario has no such figure)");
            }
            list.add(m);
        }
        return list;
    }

    /** Inference loss against Pfail of {@code sweep} and the sweeps in {@code others}, in one plot; its file. */
    public static Path comparison(SavedSweep sweep, List<Path> others) throws IOException {
        List<LossChart.Named> sweeps = new ArrayList<>(List.of(new LossChart.Named(sweep.name(),
                sweep.dir().toString(), sweep.table())));
        for (Path other : others) {
            SavedSweep s = SavedSweep.read(other, "the sweep to compare with ");
            sweeps.add(new LossChart.Named(s.name(), other.toString(), s.table()));
        }
        return LossChart.compare(sweeps, sweep.dir().resolve(Charts.fileName("inferenceLoss-vs-pfail-comparison")));
    }

    /** The Pareto fronts of {@code sweep} (with the points of the sweeps in {@code include}) by {@code key}. */
    public static List<Path> fronts(SavedSweep sweep, String key, List<Path> include) throws IOException {
        FrontChart chart = new FrontChart(key).add(sweep.dir().resolve(SweepDirectory.CSV).toString(), sweep.table());
        for (Path other : include) {
            chart.add(other.resolve(SweepDirectory.CSV).toString(), SavedSweep.read(other, "").table());
        }
        return chart.write(sweep.dir(), sweep.name());
    }

    /** The lines that list the {@code written} files of {@code report}, or say why there were none. */
    public static List<String> lines(SavedSweep sweep, SweepReport report, List<Path> written) {
        if (written.isEmpty()) {
            return List.of("report: nothing to plot in " + sweep.dir() + (report.swept().isEmpty()
                    ? ": no grid key has more than one value" : ": no metric changes with the swept keys"));
        }
        List<String> lines = new ArrayList<>();
        long plots = written.stream().filter(p -> p.toString().endsWith(".png")).count();
        lines.add(String.format(Locale.ROOT, "report: %d plot%s of %s (%d point%s)", plots, Figures.plural(plots),
                sweep.name(), sweep.table().rows().size(), Figures.plural(sweep.table().rows().size())));
        written.forEach(p -> lines.add("  " + p));
        return lines;
    }
}
