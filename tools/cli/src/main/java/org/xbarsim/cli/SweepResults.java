package org.xbarsim.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.SweepFiles.Grid;
import org.xbarsim.engine.cluster.ClusterCoordinator;
import org.xbarsim.engine.stats.SummaryCheck;

/**
 * The result directory of a sweep as its points finish, in whatever order the local pool or the
 * cluster's workers finish them: {@code points/<i>/summary.json} per point, and {@code sweep.csv}
 * with the finished points in index order, rewritten after each. A point is recorded once: a second
 * result for it (a worker that was thought lost and answered late) is ignored, so the files on disk
 * never change under a reader once written. Thread-safe.
 */
final class SweepResults implements ClusterCoordinator.Results {
    private final Path dir;
    private final List<Grid> grids;
    private final List<List<String>> values;
    private final Map<Integer, JsonObject> done = new TreeMap<>();
    /** A point's summary is a few KiB (a network's layers and tiles included); anything this large is not one. */
    static final long MAX_SUMMARY_BYTES = 4 << 20;

    /** {@code values}: each point's grid values, one per grid, by point index. */
    SweepResults(Path dir, List<Grid> grids, List<List<String>> values) {
        this.dir = dir;
        this.grids = grids;
        this.values = values;
    }

    int points() {
        return values.size();
    }

    static Path summaryFile(Path dir, int index) {
        return dir.resolve("points").resolve(Integer.toString(index)).resolve("summary.json");
    }

    /**
     * Takes the points a previous run of the same sweep finished (a killed sweep or coordinator
     * resumed): every summary.json of a point index of this sweep that is the summary of that point
     * ({@link SummaryCheck}). Summaries are written atomically, so one that does not parse, is too
     * large or does not fit was not written by xbarsim for this point, and is run again.
     */
    synchronized int loadFinished(List<SummaryCheck.Expected> expected) {
        for (int i = 0; i < values.size(); i++) {
            Path file = summaryFile(dir, i);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                JsonObject summary = new JsonObject(BoundedFiles.readString(file, MAX_SUMMARY_BYTES,
                        "a point's summary", StandardCharsets.UTF_8));
                SummaryCheck.check(summary, expected.get(i));
                done.put(i, summary);
            } catch (IOException | DecodeException | InputError | SummaryCheck.Problem e) {
                // left to run again
            }
        }
        return done.size();
    }

    @Override
    public synchronized boolean isDone(int index) {
        return done.containsKey(index);
    }

    synchronized int doneCount() {
        return done.size();
    }

    /** Writes the point's summary and the table; false, writing nothing, when the point already has a result. */
    @Override
    public synchronized boolean record(int index, JsonObject summary) {
        if (done.containsKey(index)) {
            return false;
        }
        ResultFiles.writeString(summaryFile(dir, index), summary.encodePrettily() + "\n");
        done.put(index, summary);
        writeTable();
        return true;
    }

    /** sweep.csv of the points finished so far; inference columns only when some point has them. */
    synchronized void writeTable() {
        List<String> metrics = new ArrayList<>();
        for (String m : SweepFiles.METRICS) {
            boolean present = !m.startsWith("inference.")
                    || done.values().stream().anyMatch(s -> SweepFiles.metric(s, m) != null);
            if (present) {
                metrics.add(m);
            }
        }
        List<String> header = new ArrayList<>();
        grids.forEach(g -> header.add(g.key()));
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Integer, JsonObject> e : done.entrySet()) {
            List<String> row = new ArrayList<>(values.get(e.getKey()));
            for (String m : metrics) {
                row.add(SweepFiles.cell(SweepFiles.metric(e.getValue(), m)));
            }
            rows.add(row);
        }
        ResultFiles.writeString(dir.resolve(SweepFiles.CSV), SweepFiles.csvText(header, rows));
    }

    /** The line printed when a point finishes: its grid values and main figures. */
    @Override
    public String line(int index, JsonObject summary) {
        JsonObject p = summary.getJsonObject("programming");
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "  [%d/%d] %s: success %.2f%%  Pfail %.2f%%  %.1f pulse ops/row  programming %s, %s",
                index + 1, values.size(), label(grids, values.get(index)), 100 * p.getDouble("successFraction"),
                100 * p.getDouble("pfail"), p.getDouble("pulseOpsPerRow"),
                RunCommand.seconds(p.getDouble("timeSeconds")), RunCommand.joules(p.getDouble("energyJoules"))));
        JsonObject inference = summary.getJsonObject("inference");
        if (inference != null) {
            if (inference.getValue("analogAccuracy") != null) {
                b.append(String.format(Locale.ROOT, "  accuracy %.2f%% analog vs %.2f%% software",
                        100 * inference.getDouble("analogAccuracy"), 100 * inference.getDouble("softwareAccuracy")));
            }
            if (inference.getValue("analogBitsPerChar") != null) {
                b.append(String.format(Locale.ROOT, "  %.3f bits/char analog vs %.3f software",
                        inference.getDouble("analogBitsPerChar"), inference.getDouble("softwareBitsPerChar")));
            }
        }
        b.append(String.format(Locale.ROOT, "  (wall %.2f s)", summary.getJsonObject("run").getDouble("wallSeconds")));
        return b.toString();
    }

    static String label(List<Grid> grids, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            parts.add(grids.get(i).key() + "=" + values.get(i));
        }
        return String.join(" ", parts);
    }
}
