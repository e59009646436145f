package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.engine.trace.TraceCsv;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceHeader;
import org.xbarsim.engine.trace.TraceInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim inspect FILE [--export csv DIR]}: what a trace holds, without running anything;
 * optionally every event as CSV, one file per event type.
 */
@Command(name = "inspect", description = "Describe a recorded trace (header, completeness, event counts, simulated "
        + "time, per-row pulse statistics); --export csv DIR writes every field of every event: rows.csv "
        + "(RowFinished), ops.csv (RowOp, with its masks), results.csv (RowResult, with the verify read's ADC codes) "
        + "and targets.csv (RowTargets), each with an event index and times in cycles and seconds.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A trace from 'xbarsim run --record FILE'.")
    Path file;

    @Option(names = "--export", arity = "2", paramLabel = "FORMAT DIR",
            description = "Export the events: 'csv DIR' writes rows.csv, ops.csv, results.csv, targets.csv.")
    List<String> export;

    @Option(names = "--force", description = "Overwrite existing CSV files.")
    boolean force;

    @Option(names = "--plugins", paramLabel = "DIR", hidden = true,
            description = "Accepted for symmetry with the other commands; inspect loads no plugins.")
    Path pluginDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path exportDir = exportDir();
        TraceInspection t = TraceInspection.of(file);
        print(out, t);
        if (exportDir != null) {
            TraceCsv.export(file, exportDir);
            out.printf("  exported %s to %s%n", String.join(", ", TraceCsv.FILES), exportDir);
        }
        out.flush();
        return 0;
    }

    private Path exportDir() {
        if (export == null) {
            return null;
        }
        if (!"csv".equals(export.get(0))) {
            throw new InputError("--export", "", "expected the format csv, got '" + export.get(0) + "'");
        }
        Path dir = Path.of(export.get(1));
        for (String name : TraceCsv.FILES) {
            if (!force && Files.exists(dir.resolve(name))) {
                throw new InputError("--export", "", dir.resolve(name) + " already exists; pass --force to overwrite "
                        + "it or name another directory");
            }
        }
        return dir;
    }

    private void print(PrintWriter out, TraceInspection t) {
        var m = t.metadata();
        long bytes = size(file);
        out.printf("trace %s (%,d bytes)%n", file, bytes);
        TraceHeader h = t.header();
        out.printf("  xbarsim %s, event schema %s, level %s%n", h.version(),
                m.getOrDefault(TraceFormat.SCHEMA_VERSION, "?"), h.level().id());
        out.printf("  scenario %s, seed %d%n", h.scenarioSource(), h.seed());
        out.printf("  plugins: %s%n", plugins(h.plugins()));
        out.printf("  tiles: %s%n", tiles(h.tiles()));
        out.println(t.complete() ? "  complete (ends with its end marker)" : "  incomplete: read up to its last "
                + "complete block");
        StringBuilder line = new StringBuilder();
        t.counts().forEach((type, n) -> line.append(line.length() == 0 ? "" : ", ").append(String.format("%s %,d",
                type, n)));
        out.printf("  events: %,d (%s)%n", t.events(), line);
        long operations = t.counts().get("RowOp");
        if (operations > 0) {
            out.printf("  size: %,.0f bytes per row operation (with its result)%n", (double) bytes / operations);
        }
        if (t.endCycle() == null) {
            // The chip's timeline records when programming ended (event schema 2); older traces do not.
            out.println(t.finishedRows() == 0 ? "  simulated time: no finished rows"
                    : "  simulated time: not recorded (the end of programming is recorded from event schema 2 on)");
        } else {
            out.printf("  simulated time: %s (%,d cycles%s, on the chip's timeline)%n", t.clockHertz() == null
                    ? "unknown clock" : Quantity.TIME.format(t.endCycle() / t.clockHertz()), t.endCycle(),
                    t.clockHertz() == null ? "" : " at " + Quantity.FREQUENCY.format(t.clockHertz()));
        }
        if (t.finishedRows() == 0) {
            return;
        }
        out.printf("  per row (%,d rows): SET %s, RESET %s, read %s%n", t.finishedRows(), spread(t.setOps()),
                spread(t.resetOps()), spread(t.readOps()));
    }

    private static String spread(TraceInspection.Spread s) {
        return String.format("mean %.1f min %d max %d", s.mean(), s.min(), s.max());
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String plugins(Map<String, String> plugins) {
        if (plugins.isEmpty()) {
            return "?";
        }
        StringBuilder b = new StringBuilder();
        plugins.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }

    /** "3 of 256x256", or "3" when the tiles differ in size. */
    private static String tiles(List<TraceHeader.Tile> tiles) {
        TraceHeader.Tile t = tiles.get(0);
        boolean same = tiles.stream().allMatch(u -> u.rows() == t.rows() && u.cols() == t.cols());
        return tiles.size() + (same ? " of " + t.rows() + "x" + t.cols() : "");
    }
}
