package org.xbarsim.explore.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.xbarsim.explore.sweep.SweepDirectory;
import org.xbarsim.explore.sweep.SweepRecord;

/**
 * A sweep as text, the lines {@code xbarsim sweep} prints before and after its points (each point's
 * own line is {@link SummaryText#point}). Lines carry no line separators.
 */
public final class SweepText {
    private SweepText() {
    }

    /** The first line: {@code points} points of the sweep of {@code name} ({@code plan} in words) into {@code dir}. */
    public static String started(String name, int points, String plan, Path dir, int doneBefore) {
        return String.format(Locale.ROOT, "%s: sweep of %d point%s (%s) into %s%s", name, points,
                Figures.plural(points), plan, dir, doneBefore == 0 ? ""
                        : String.format(Locale.ROOT, "; resuming, %d done before", doneBefore));
    }

    /** The last lines: the wall time and who ran the points, then where the table and its record are. */
    public static List<String> finished(SweepRecord r, Path dir) {
        return List.of(String.format(Locale.ROOT, "  wall %.2f s for %d point%s (%s)", r.wallSeconds(), r.pointsRun(),
                Figures.plural(r.pointsRun()), r.mode().equals("cluster") ? r.workersSeen() + " cluster worker"
                        + Figures.plural(r.workersSeen()) : r.workers() + " worker" + Figures.plural(r.workers())
                        + " x " + r.threadsPerPoint() + " thread" + Figures.plural(r.threadsPerPoint())),
                String.format(Locale.ROOT, "  table: %s (plots: xbarsim report %s; wall time: %s)",
                        dir.resolve(SweepDirectory.CSV), dir, dir.resolve(SweepRecord.FILE)));
    }
}
