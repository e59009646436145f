package org.xbarsim.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.trace.Recording;
import org.xbarsim.engine.trace.Trace;
import org.xbarsim.engine.trace.TraceFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim replay FILE}: runs the recorded scenario again from the trace's header and compares
 * the new event stream with the recorded one, tile by tile and event by event (tiles run in parallel,
 * so only each tile's own order is fixed). Exit 0 when identical, 1 at the first divergence.
 */
@Command(name = "replay", description = "Re-run a recorded trace and compare its events with the recording, event "
        + "by event: prints 'identical (N events)' or the first divergence; exit 0 or 1.")
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A trace from 'xbarsim run --record FILE'.")
    Path file;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default: all cores).")
    Integer threads;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of plugin jars.")
    Path pluginDir;

    @Option(names = "--device", paramLabel = "ID", description = "Apply the recorded pulses, open loop, to devices "
            + "of this plugin instead (needs a full-level trace) and write the weights and Pfail that result.")
    String device;

    @Option(names = "--set", paramLabel = "path=value", description = "With --device: override a scenario key "
            + "(e.g. device.c2c=0.8).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "With --device: fabricate the chip from another seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "With --device: result directory (default "
            + "runs/<name>-on-<device>).")
    Path outDir;

    @Option(names = "--force", description = "With --device: overwrite an existing result.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Trace trace = Trace.read(file);
        if (!trace.complete()) {
            throw new InputError(file.toString(), "", "expected a complete trace, got one cut short (the run was "
                    + "stopped); 'xbarsim inspect' reads what it holds");
        }
        Map<String, String> m = trace.metadata();
        if (device != null) {
            return onAnotherDevice(trace, out);
        }
        TraceFormat.Level level = TraceFormat.Level.of(require(m, TraceFormat.LEVEL));
        String source = require(m, TraceFormat.SCENARIO_SOURCE);
        Path location = Path.of(require(m, TraceFormat.SCENARIO_DIR)).resolve(
                Path.of(source).getFileName() == null ? "scenario.yaml" : Path.of(source).getFileName().toString());
        Map<Integer, List<SpecificRecord>> replayed = new ConcurrentHashMap<>();
        try (PluginCatalog catalog = Plugins.load(pluginDir)) {
            Scenario scenario = new ScenarioLoader(catalog).loadText(require(m, TraceFormat.SCENARIO),
                    file + " (recorded scenario)", location, List.of(), Long.parseLong(require(m, TraceFormat.SEED)));
            Simulator simulator = new Simulator(catalog);
            simulator.run(simulator.prepare(scenario), threads == null ? Runtime.getRuntime().availableProcessors()
                    : threads, RunListener.NONE, new Recording(level, e -> replayed
                    .computeIfAbsent(Trace.tileOf(e), t -> new ArrayList<>()).add(e)));
        }
        Map<Integer, List<SpecificRecord>> recorded = trace.byTile();
        TreeSet<Integer> tiles = new TreeSet<>(recorded.keySet());
        tiles.addAll(replayed.keySet());
        long total = 0;
        for (int tile : tiles) {
            List<SpecificRecord> a = recorded.getOrDefault(tile, List.of());
            List<SpecificRecord> b = replayed.getOrDefault(tile, List.of());
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                if (i >= a.size() || i >= b.size()) {
                    out.printf("diverged at tile %d, event %d: the recording has %d events for this tile, the replay %d%n",
                            tile, i, a.size(), b.size());
                    out.flush();
                    return 1;
                }
                String difference = difference(a.get(i), b.get(i));
                if (difference != null) {
                    out.printf("diverged at tile %d, event %d (%s): %s%n", tile, i,
                            a.get(i).getSchema().getName(), difference);
                    out.flush();
                    return 1;
                }
            }
            total += a.size();
        }
        out.printf("identical (%,d events, %d tiles, level %s)%n", total, tiles.size(), level.id());
        out.flush();
        return 0;
    }

    /** {@code --device}: the recorded pulses applied open loop to another chip; writes a summary. */
    private int onAnotherDevice(Trace trace, PrintWriter out) {
        Map<String, String> m = trace.metadata();
        String recordedDevice = null;
        StringBuilder text = new StringBuilder();
        for (String line : require(m, TraceFormat.SCENARIO).split("\n")) {
            if (line.startsWith("device.impl:")) {
                recordedDevice = line.substring("device.impl:".length()).trim();
            }
            if (!line.startsWith("device.")) {
                text.append(line).append('\n');
            }
        }
        // Another plugin's parameters do not apply; the same plugin keeps the recorded ones.
        if (device.equals(recordedDevice)) {
            text.setLength(0);
            text.append(require(m, TraceFormat.SCENARIO));
        } else {
            text.append("device.impl: ").append(device).append('\n');
        }
        String source = require(m, TraceFormat.SCENARIO_SOURCE);
        Path location = Path.of(require(m, TraceFormat.SCENARIO_DIR)).resolve(
                Path.of(source).getFileName() == null ? "scenario.yaml" : Path.of(source).getFileName().toString());
        try (PluginCatalog catalog = Plugins.load(pluginDir)) {
            Scenario s = new ScenarioLoader(catalog).loadText(text.toString(), file + " (recorded scenario)", location,
                    overrides, seed != null ? seed : Long.parseLong(require(m, TraceFormat.SEED)));
            Path dir = outDir != null ? outDir : Path.of("runs", s.name() + "-on-" + device);
            Path summaryFile = dir.resolve("summary.json");
            if (java.nio.file.Files.exists(summaryFile) && !force) {
                throw new InputError("--out", "", "expected a directory without a result, but " + dir + " already "
                        + "holds one (summary.json); pass --force to overwrite it or --out for another directory");
            }
            double tolerance = s.policyParameters().number(org.xbarsim.api.programming.ProgrammingPolicy.TOLERANCE);
            org.xbarsim.engine.run.RunPlan plan = new org.xbarsim.engine.run.RunPlan(s.chip(), s.device(),
                    s.deviceParameters(), s.policy(), s.policyParameters(),
                    new org.xbarsim.api.random.RandomStreams(s.seed()), tolerance);
            List<org.xbarsim.engine.run.TileJob> jobs = org.xbarsim.engine.trace.OpenLoopReplay.jobs(
                    new io.vertx.core.json.JsonArray(require(m, TraceFormat.TILES)));
            org.xbarsim.engine.run.RunResult result = org.xbarsim.engine.trace.OpenLoopReplay.run(trace, plan, jobs,
                    file.toString());
            Map<String, String> plugins = new java.util.LinkedHashMap<>();
            plugins.put("device", s.device().id() + " (" + catalog.originOf(s.device()) + ")");
            plugins.put("replayed", file.toString());
            io.vertx.core.json.JsonObject summary = org.xbarsim.engine.stats.Summary.build(s.name(), file.toString(),
                    s.seed(), s.effective(), plugins, jobs, result, tolerance, Simulator.VERSION);
            try {
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.writeString(summaryFile, summary.encodePrettily() + "\n");
            } catch (java.io.IOException e) {
                throw new InputError(dir.toString(), "", "cannot write the result: " + e.getMessage());
            }
            io.vertx.core.json.JsonObject p = summary.getJsonObject("programming");
            out.printf(java.util.Locale.ROOT, "%s's recorded pulses, open loop, on %s (seed %d): %,d weights%n",
                    s.name(), device, s.seed(), p.getLong("weights"));
            out.printf(java.util.Locale.ROOT, "  success %.2f%%  Pfail %.2f%%  mean |error| %.3f uS%n",
                    100 * p.getDouble("successFraction"), 100 * p.getDouble("pfail"),
                    p.getDouble("meanAbsErrorMicroSiemens"));
            out.println("  summary: " + summaryFile);
            out.flush();
        }
        return 0;
    }

    private String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new InputError(file.toString(), key, "expected this key in the trace header, found none");
        }
        return v;
    }

    /** The first field in which two events differ, described, or null when they are equal. */
    static String difference(SpecificRecord recorded, SpecificRecord replayed) {
        if (!recorded.getSchema().getFullName().equals(replayed.getSchema().getFullName())) {
            return "event type: recorded " + recorded.getSchema().getName() + ", new "
                    + replayed.getSchema().getName();
        }
        for (Schema.Field f : recorded.getSchema().getFields()) {
            Object x = recorded.get(f.pos());
            Object y = replayed.get(f.pos());
            if (!Objects.equals(x, y)) {
                return "field " + f.name() + ": recorded " + show(x, y) + ", new " + show(y, x);
            }
        }
        return null;
    }

    /** A value for a divergence message; for bytes, where they first differ. */
    private static String show(Object v, Object other) {
        if (v instanceof ByteBuffer b && other instanceof ByteBuffer o) {
            int n = Math.min(b.remaining(), o.remaining());
            int at = 0;
            while (at < n && b.get(b.position() + at) == o.get(o.position() + at)) {
                at++;
            }
            return at < b.remaining() ? String.format("byte %d = 0x%02x (of %d)", at, b.get(b.position() + at) & 0xff,
                    b.remaining()) : "ends at byte " + b.remaining();
        }
        return String.valueOf(v);
    }
}
