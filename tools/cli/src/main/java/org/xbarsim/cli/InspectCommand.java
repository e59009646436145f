package org.xbarsim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.engine.trace.TraceReader;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim inspect FILE [--export csv DIR]}: what a trace holds, without running anything: its
 * header, whether it is complete, its events by type, the simulated time span and per-row pulse
 * statistics; optionally one CSV per event type. Reads traces cut short (a killed run) up to their
 * last complete block.
 */
@Command(name = "inspect", description = "Describe a recorded trace (header, completeness, event counts, simulated "
        + "time, per-row pulse statistics); --export csv DIR writes one CSV per event type.")
final class InspectCommand implements Callable<Integer> {
    static final String ROWS_CSV = "rows.csv";
    static final String OPS_CSV = "ops.csv";
    static final String RESULTS_CSV = "results.csv";
    static final String TARGETS_CSV = "targets.csv";

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
        // Read as a stream: a trace of any size is inspected in the memory its finished rows take.
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String type : List.of("RowOp", "RowResult", "RowFinished", "RowTargets")) {
            counts.put(type, 0L);
        }
        List<RowFinished> finished = new ArrayList<>();
        Map<Integer, Long> lastCycle = new TreeMap<>();
        long events = 0;
        Map<String, String> m;
        boolean complete;
        TraceHeader h;
        try (TraceReader trace = TraceReader.open(file)) {
            m = trace.metadata();
            h = TraceHeader.of(m, file.toString()); // every field checked before anything is shown
            for (SpecificRecord e = trace.next(); e != null; e = trace.next()) {
                events++;
                counts.merge(e.getSchema().getName(), 1L, Long::sum);
                if (e instanceof RowFinished r) {
                    finished.add(r);
                    lastCycle.merge(r.getTile(), r.getCycle(), Math::max);
                }
            }
            complete = trace.complete();
        }
        long bytes = size(file);
        printHeader(out, h, m.getOrDefault(TraceFormat.SCHEMA_VERSION, "?"), bytes);
        out.println(complete ? "  complete (ends with its end marker)"
                : "  incomplete: read up to its last complete block");
        StringBuilder line = new StringBuilder();
        counts.forEach((type, n) -> line.append(line.length() == 0 ? "" : ", ").append(String.format("%s %,d", type, n)));
        out.printf("  events: %,d (%s)%n", events, line);
        long operations = counts.get("RowOp");
        if (operations > 0) {
            out.printf("  size: %,.0f bytes per row operation (with its result)%n", (double) bytes / operations);
        }

        if (finished.isEmpty()) {
            out.println("  simulated time: no finished rows");
        } else {
            long cycles = lastCycle.values().stream().mapToLong(Long::longValue).max().orElse(0);
            Double clock = clock(h.scenarioText());
            out.printf("  simulated time: %s (%,d cycles%s; the slowest of %d tiles)%n",
                    clock == null ? "unknown clock" : Quantity.TIME.format(cycles / clock), cycles,
                    clock == null ? "" : " at " + Quantity.FREQUENCY.format(clock), lastCycle.size());
            out.printf("  per row (%,d rows): SET %s, RESET %s, read %s%n", finished.size(),
                    stats(finished, RowFinished::getSetOps), stats(finished, RowFinished::getResetOps),
                    stats(finished, RowFinished::getReadOps));
        }
        out.flush();
        if (exportDir != null) {
            exportCsv(exportDir);
            out.printf("  exported %s, %s, %s, %s to %s%n", ROWS_CSV, OPS_CSV, RESULTS_CSV, TARGETS_CSV, exportDir);
            out.flush();
        }
        return 0;
    }

    /** The export directory of --export csv DIR (checked), or null. */
    private Path exportDir() {
        if (export == null) {
            return null;
        }
        if (!"csv".equals(export.get(0))) {
            throw new InputError("--export", "", "expected the format csv, got '" + export.get(0) + "'");
        }
        Path dir = Path.of(export.get(1));
        if (!force) {
            refuseOverwrite(dir);
        }
        return dir;
    }

    private void printHeader(PrintWriter out, TraceHeader h, String schemaVersion, long bytes) {
        out.printf("trace %s (%,d bytes)%n", file, bytes);
        out.printf("  xbarsim %s, event schema %s, level %s%n", h.version(), schemaVersion, h.level().id());
        out.printf("  scenario %s, seed %d%n", h.scenarioSource(), h.seed());
        out.printf("  plugins: %s%n", plugins(h.plugins()));
        out.printf("  tiles: %s%n", tiles(h.tiles()));
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

    /** The chip clock in Hz from the recorded scenario's {@code chip.clock: ...} line, or null. */
    static Double clock(String scenarioText) {
        if (scenarioText == null) {
            return null;
        }
        for (String l : scenarioText.split("\\R")) {
            String t = l.strip();
            if (t.startsWith("chip.clock:")) {
                try {
                    return Quantity.FREQUENCY.parse(t.substring("chip.clock:".length()).strip());
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String stats(List<RowFinished> rows, java.util.function.ToIntFunction<RowFinished> f) {
        long sum = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (RowFinished r : rows) {
            int v = f.applyAsInt(r);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return String.format("mean %.1f min %d max %d", (double) sum / rows.size(), min, max);
    }

    private static void refuseOverwrite(Path dir) {
        for (String name : List.of(ROWS_CSV, OPS_CSV, RESULTS_CSV, TARGETS_CSV)) {
            Path p = dir.resolve(name);
            if (Files.exists(p)) {
                throw new InputError("--export", "", p + " already exists; pass --force to overwrite it or name "
                        + "another directory");
            }
        }
    }

    private void exportCsv(Path dir) {
        List<Path> targets = List.of(dir.resolve(ROWS_CSV), dir.resolve(OPS_CSV), dir.resolve(RESULTS_CSV),
                dir.resolve(TARGETS_CSV));
        try {
            Files.createDirectories(dir);
            try (TraceReader trace = TraceReader.open(file);
                 BufferedWriter rows = Files.newBufferedWriter(targets.get(0), StandardCharsets.UTF_8);
                 BufferedWriter ops = Files.newBufferedWriter(targets.get(1), StandardCharsets.UTF_8);
                 BufferedWriter results = Files.newBufferedWriter(targets.get(2), StandardCharsets.UTF_8);
                 BufferedWriter tgts = Files.newBufferedWriter(targets.get(3), StandardCharsets.UTF_8)) {
                rows.write("tile,row,cycle,cycles,weights,succeeded,setOps,resetOps,readOps,energyPicojoules,"
                        + "sumAbsErrorMicroSiemens\n");
                ops.write("tile,row,kind,strength,enabledDevices,readColumns\n");
                results.write("tile,row,cycle,operations,convertedColumns\n");
                tgts.write("tile,row,col,targetMicroSiemens\n");
                for (SpecificRecord e = trace.next(); e != null; e = trace.next()) {
                    if (e instanceof RowFinished r) {
                        rows.write(r.getTile() + "," + r.getRow() + "," + r.getCycle() + "," + r.getCycles() + ","
                                + r.getWeights() + "," + r.getSucceeded() + "," + r.getSetOps() + "," + r.getResetOps()
                                + "," + r.getReadOps() + "," + r.getEnergyPicojoules() + ","
                                + r.getSumAbsErrorMicroSiemens() + "\n");
                    } else if (e instanceof RowOp r) {
                        ops.write(r.getTile() + "," + r.getRow() + "," + r.getKind() + "," + r.getStrength() + ","
                                + popcount(r.getEnable()) + "," + popcount(r.getRead()) + "\n");
                    } else if (e instanceof RowResult r) {
                        results.write(r.getTile() + "," + r.getRow() + "," + r.getCycle() + "," + r.getOperations()
                                + "," + popcount(r.getConverted()) + "\n");
                    } else if (e instanceof RowTargets r) {
                        ByteBuffer b = r.getTargets().duplicate().order(ByteOrder.LITTLE_ENDIAN);
                        int n = Math.min(r.getColumns(), b.remaining() / Double.BYTES);
                        for (int c = 0; c < n; c++) {
                            tgts.write(r.getTile() + "," + r.getRow() + "," + c + ","
                                    + b.getDouble(b.position() + c * Double.BYTES) + "\n");
                        }
                    }
                }
            }
        } catch (IOException e) {
            // Where the user asked the files to go: theirs to fix (status 2), not a failure of xbarsim.
            throw new InputError("--export", "", "cannot write CSV files in " + dir + ": " + e.getMessage());
        }
    }

    static int popcount(ByteBuffer b) {
        if (b == null) {
            return 0;
        }
        int n = 0;
        for (int i = b.position(); i < b.limit(); i++) {
            n += Integer.bitCount(b.get(i) & 0xff);
        }
        return n;
    }
}
