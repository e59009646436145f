package org.xbarsim.explore.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryCheck;
import org.xbarsim.explore.files.ResultFiles;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointResult;

/**
 * The result directory of a sweep as its points finish, in whatever order the local pool or the
 * cluster's workers finish them: {@code points/<i>/summary.json} per point, and {@code sweep.csv}
 * with the finished points in index order, rewritten after each. A point is recorded once: a second
 * result for it (a worker that was thought lost and answered late) is ignored, so the files on disk
 * never change under a reader once written. Thread-safe.
 */
public final class SweepDirectory {
    public static final String CSV = "sweep.csv";

    private final Path dir;
    private final List<Axis> axes;
    private final List<Point> points;
    private final Map<Integer, PointResult> done = new TreeMap<>();

    /** {@code points}: every point of the sweep, by index. */
    public SweepDirectory(Path dir, List<Axis> axes, List<Point> points) {
        this.dir = dir;
        this.axes = List.copyOf(axes);
        this.points = List.copyOf(points);
    }

    public int points() {
        return points.size();
    }

    public static Path summaryFile(Path dir, int index) {
        return dir.resolve("points").resolve(Integer.toString(index)).resolve("summary.json");
    }

    /**
     * Takes the points a previous run of the same sweep finished (a killed sweep or coordinator
     * resumed): every summary.json of a point index of this sweep that is the summary of that point
     * ({@link SummaryCheck}). Summaries are written atomically, so one that does not read, is too large
     * or does not fit was not written by xbarsim for this point, and is run again.
     */
    public synchronized int loadFinished(ScenarioLoader loader) {
        for (int i = 0; i < points.size(); i++) {
            Path file = summaryFile(dir, i);
            if (Files.isRegularFile(file)) {
                try {
                    RunSummary s = RunSummary.read(file);
                    SummaryCheck.check(s, expected(loader, points.get(i)));
                    done.put(i, new PointResult(points.get(i), s, s.run() == null || s.run().wallSeconds() == null
                            ? 0 : s.run().wallSeconds(), 1, "earlier"));
                } catch (InputError | SummaryCheck.Problem e) {
                    // left to run again
                }
            }
        }
        return done.size();
    }

    /** What a point's summary must say: its scenario's name, seed and configuration. */
    private static SummaryCheck.Expected expected(ScenarioLoader loader, Point point) {
        Scenario s = point.scenario().load(loader);
        return new SummaryCheck.Expected(s.name(), s.seed(), s.effective());
    }

    public synchronized boolean isDone(int index) {
        return done.containsKey(index);
    }

    public synchronized int doneCount() {
        return done.size();
    }

    /** Writes the point's summary and the table; false, writing nothing, when the point already has a result. */
    public synchronized boolean record(PointResult result) {
        int index = result.point().index();
        if (done.containsKey(index)) {
            return false;
        }
        ResultFiles.writeString(summaryFile(dir, index), result.summary().toJson());
        done.put(index, result);
        writeTable();
        return true;
    }

    /**
     * Readies the directory for a sweep with these axes: a new sweep clears what a previous one left
     * (with {@code force}), a resumed one keeps the results of the same sweep. Writes the axes; returns
     * the number of points already done.
     */
    public synchronized int prepare(SweepAxes axes, ScenarioLoader loader, boolean resume, boolean force) {
        Path csv = dir.resolve(CSV);
        Path record = dir.resolve(SweepAxes.FILE);
        int before = -1;
        if (resume && Files.isRegularFile(record)) {
            SweepAxes there = SweepAxes.read(record);
            if (there.text().equals(axes.text())) {
                before = loadFinished(loader);
                writeTable();
            } else if (!force) {
                throw new InputError("--resume", "", "expected the same sweep in " + dir + ", but it holds another ("
                        + axes.firstDifference(there) + "); pass --force to start this one over it or --out for "
                        + "another directory");
            }
        } else if (resume && !force && (Files.exists(csv) || Files.isDirectory(dir.resolve("points")))) {
            // Results without the sweep's axes cannot be matched to points: keep them, do not guess.
            throw new InputError("--resume", "", "expected a sweep to resume in " + dir + ", but it has results "
                    + "without their " + SweepAxes.FILE + "; pass --force to start over it or --out for another "
                    + "directory");
        } else if (Files.exists(csv) && !force && !resume) {
            throw new InputError("--out", "", "expected a directory without a sweep, but " + dir + " already holds "
                    + "one (" + CSV + "); pass --force to overwrite it, --resume to finish it, or --out for another "
                    + "directory");
        }
        if (before < 0) {
            clearPrevious();
        }
        ResultFiles.writeString(record, axes.text());
        return Math.max(0, before);
    }

    /** With --force: the old table goes first (the new one is written point by point), stale points too. */
    private void clearPrevious() {
        try {
            Files.deleteIfExists(dir.resolve(CSV));
            Files.deleteIfExists(dir.resolve(SweepRecord.FILE));
            Path pointsDir = dir.resolve("points");
            if (!Files.isDirectory(pointsDir)) {
                return;
            }
            try (var list = Files.list(pointsDir)) {
                for (Path p : list.toList()) {
                    if (p.getFileName().toString().matches("\\d{1,9}")) {
                        // Every old point goes: a new sweep must not resume from another's results.
                        Files.deleteIfExists(p.resolve("summary.json"));
                        try (var rest = Files.list(p)) {
                            if (rest.findAny().isEmpty()) {
                                Files.delete(p);
                            }
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new InputError(dir.toString(), "", "cannot replace the previous sweep: " + e.getMessage());
        }
    }

    /** sweep.csv of the points finished so far; inference columns only when some point has them. */
    public synchronized void writeTable() {
        ResultFiles.writeString(dir.resolve(CSV), SweepTable.of(axes, new ArrayList<>(done.values())).csv());
    }
}
