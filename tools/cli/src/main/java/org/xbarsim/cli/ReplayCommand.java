package org.xbarsim.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.engine.output.OutputNames;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.trace.EventPrints;
import org.xbarsim.engine.scenario.FileKeys;
import org.xbarsim.engine.trace.RecordedScenario;
import org.xbarsim.engine.trace.Recording;
import org.xbarsim.engine.trace.Trace;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceHeader;
import org.xbarsim.engine.trace.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim replay FILE}: runs the recorded scenario again from the trace's header and compares
 * the new event stream with the recorded one, tile by tile and event by event (tiles run in parallel,
 * so only each tile's own order is fixed), by 128-bit fingerprints of every event. Exit 0 when
 * identical, 1 at the first divergence, which is described field by field.
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

    @Option(names = "--scenario-dir", paramLabel = "DIR", description = "Where the recorded scenario's relative "
            + "paths (.npy files, models) resolve; every file it names must be under DIR. Without it (or "
            + "--trust-recorded-paths) a recorded scenario may name no file.")
    Path scenarioDir;

    @Option(names = "--trust-recorded-paths", description = "Use the files the recorded scenario names as recorded "
            + "(the directory recorded, if it exists, else the recorded scenario's directory relative to the "
            + "current one): for your own traces.")
    boolean trustRecordedPaths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new InputError("--threads", "", "expected 1..1024, got " + threads);
        }
        if (device == null) {
            // An exact replay runs the recorded scenario as recorded: these would silently do nothing.
            String given = seed != null ? "--seed" : !overrides.isEmpty() ? "--set" : outDir != null ? "--out"
                    : force ? "--force" : null;
            if (given != null) {
                throw new InputError(given, "", "expected only with --device (an exact replay re-runs the recorded "
                        + "scenario and seed as they are)");
            }
        }
        TraceHeader h;
        try (TraceReader reader = TraceReader.open(file)) {
            h = TraceHeader.of(reader.metadata(), file.toString());
            if (!reader.endsWithMarker()) {
                throw cutShort(); // before running anything: a killed run's trace is refused at once
            }
        }
        if (scenarioDir != null && trustRecordedPaths) {
            throw new InputError("--trust-recorded-paths", "", "expected either it or --scenario-dir, not both");
        }
        RecordedScenario recordedScenario = RecordedScenario.of(h, scenarioDir, trustRecordedPaths);
        if (device != null) {
            Trace trace = Trace.read(file);
            if (!trace.complete()) {
                throw cutShort();
            }
            return onAnotherDevice(trace, h, recordedScenario, out);
        }
        return replayExactly(h, recordedScenario, out);
    }

    /** The recorded scenario run again and its events compared with the recording's: 0 identical, 1 not. */
    private int replayExactly(TraceHeader h, RecordedScenario recordedScenario, PrintWriter out) {
        TraceFormat.Level level = h.level();
        // The recording streams from its file on a thread of its own while the replay runs; both
        // sides keep only fingerprints, so a trace of any size replays in little memory.
        EventPrints recorded = new EventPrints();
        FutureTask<Boolean> reading = new FutureTask<>(() -> readPrints(recorded));
        Thread reader = new Thread(reading, "xbarsim-trace-reader");
        reader.setDaemon(true);
        reader.start();
        try (PluginCatalog catalog = Plugins.load(pluginDir)) {
            Scenario scenario = new ScenarioLoader(catalog).loadText(h.scenarioText(),
                    file + " (recorded scenario)", recordedScenario.location(), List.of(), h.seed());
            Simulator simulator = new Simulator(catalog, recordedScenario.access());
            EventPrints replayed = new EventPrints();
            try {
                Simulator.Prepared prepared = simulator.prepare(scenario);
                h.checkLayout(prepared.jobs(), file.toString());
                rerun(simulator, prepared, level, replayed);
            } catch (RuntimeException e) {
                // A trace cut short is refused as such, whatever its truncated scenario does when re-run.
                if (!Futures.get(reading)) {
                    throw cutShort();
                }
                throw e;
            }
            if (!Futures.get(reading)) {
                throw cutShort();
            }
            EventPrints.Divergence d = EventPrints.firstDivergence(recorded, replayed);
            if (d == null) {
                out.printf("identical (%,d events, %d tiles, level %s)%n", recorded.events(), recorded.tiles(),
                        level.id());
                out.flush();
                return 0;
            }
            describe(d, simulator, scenario, level, out);
            out.flush();
            return 1;
        } finally {
            reader.interrupt();
        }
    }

    /** Where a replay diverged, field by field when the events can be read again. */
    private void describe(EventPrints.Divergence d, Simulator simulator, Scenario scenario, TraceFormat.Level level,
                          PrintWriter out) {
        if (d.lengthOnly()) {
            out.printf("diverged at tile %d, event %d: the recording has %d events for this tile, the replay %d%n",
                    d.tile(), d.index(), d.recordedEvents(), d.replayedEvents());
            return;
        }
        // Read the two events that differ in full, to say where: the recorded one from the file,
        // the new one from a second run (runs are deterministic, so it is the same event).
        SpecificRecord a = recordedEvent(d.tile(), d.index());
        SpecificRecord[] b = new SpecificRecord[1];
        int[] seen = new int[1];
        rerun(simulator, simulator.prepare(scenario), level, e -> {
            if (Trace.tileOf(e) == d.tile() && seen[0]++ == d.index()) {
                b[0] = e;
            }
        });
        String difference = a == null || b[0] == null ? null : difference(a, b[0]);
        out.printf("diverged at tile %d, event %d (%s): %s%n", d.tile(), d.index(),
                a == null ? "?" : a.getSchema().getName(),
                difference == null ? "the events differ between runs of the same scenario (the run is not "
                        + "deterministic)" : difference);
    }

    private void rerun(Simulator simulator, Simulator.Prepared prepared, TraceFormat.Level level,
                       java.util.function.Consumer<SpecificRecord> sink) {
        simulator.run(prepared, threads == null ? Runtime.getRuntime().availableProcessors()
                : threads, RunListener.NONE, new Recording(level, sink));
    }

    /** Reads the recording's fingerprints; returns whether the trace is complete. */
    private boolean readPrints(EventPrints prints) {
        try (TraceReader r = TraceReader.open(file)) {
            for (SpecificRecord e = r.next(); e != null; e = r.next()) {
                prints.accept(e);
            }
            return r.complete();
        }
    }

    private SpecificRecord recordedEvent(int tile, int index) {
        try (TraceReader r = TraceReader.open(file)) {
            int seen = 0;
            for (SpecificRecord e = r.next(); e != null; e = r.next()) {
                if (Trace.tileOf(e) == tile && seen++ == index) {
                    return e;
                }
            }
            return null;
        }
    }

    private InputError cutShort() {
        return new InputError(file.toString(), "", "expected a complete trace, got one cut short (the run was "
                + "stopped); 'xbarsim inspect' reads what it holds");
    }

    /** {@code --device}: the recorded pulses applied open loop to another chip; writes a summary. */
    private int onAnotherDevice(Trace trace, TraceHeader h, RecordedScenario recorded, PrintWriter out) {
        String recordedDevice = null;
        StringBuilder text = new StringBuilder();
        for (String line : h.scenarioText().split("\n")) {
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
            text.append(h.scenarioText());
        } else {
            text.append("device.impl: ").append(device).append('\n');
        }
        try (PluginCatalog catalog = Plugins.load(pluginDir)) {
            Scenario s = new ScenarioLoader(catalog).loadText(text.toString(), file + " (recorded scenario)",
                    recorded.location(), overrides, seed != null ? seed : h.seed());
            FileKeys.check(s, recorded.access());
            h.checkFits(s.chip().tileRows(), s.chip().tileCols(), file.toString());
            h.checkEvents(trace.byTile(), file.toString());
            // The recorded name is the trace's, not the user's: one safe directory name under runs/.
            Path dir = outDir != null ? outDir : OutputNames.under(Path.of("runs"), s.name() + "-on-" + device);
            try (ResultClaim claim = ResultClaim.directory(dir, "--out")) {
                replayOnDevice(trace, h, s, catalog, dir, out);
            }
        }
        return 0;
    }

    /** The open-loop replay into its claimed result directory. */
    private void replayOnDevice(Trace trace, TraceHeader h, Scenario s, PluginCatalog catalog, Path dir,
                                PrintWriter out) {
        Path summaryFile = dir.resolve("summary.json");
        if (java.nio.file.Files.exists(summaryFile) && !force) {
            throw new InputError("--out", "", "expected a directory without a result, but " + dir + " already "
                    + "holds one (summary.json); pass --force to overwrite it or --out for another directory");
        }
        double tolerance = s.policyParameters().number(org.xbarsim.api.programming.ProgrammingPolicy.TOLERANCE);
        org.xbarsim.engine.run.RunPlan plan = new org.xbarsim.engine.run.RunPlan(s.chip(), s.device(),
                s.deviceParameters(), s.policy(), s.policyParameters(),
                new org.xbarsim.api.random.RandomStreams(s.seed()), tolerance);
        List<org.xbarsim.engine.run.TileJob> jobs = h.jobs();
        org.xbarsim.engine.run.RunResult result = org.xbarsim.engine.trace.OpenLoopReplay.run(trace, plan, jobs,
                file.toString());
        Map<String, String> plugins = new java.util.LinkedHashMap<>();
        plugins.put("device", s.device().id() + " (" + catalog.originOf(s.device()) + ")");
        plugins.put("replayed", file.toString());
        io.vertx.core.json.JsonObject summary = org.xbarsim.engine.stats.Summary.build(s.name(), file.toString(),
                s.seed(), s.effective(), plugins, jobs, result, tolerance, Simulator.VERSION);
        ResultFiles.writeString(summaryFile, summary.encodePrettily() + "\n");
        io.vertx.core.json.JsonObject p = summary.getJsonObject("programming");
        out.printf(java.util.Locale.ROOT, "%s's recorded pulses, open loop, on %s (seed %d): %,d weights%n",
                s.name(), device, s.seed(), p.getLong("weights"));
        out.printf(java.util.Locale.ROOT, "  success %.2f%%  Pfail %.2f%%  mean |error| %.3f uS%n",
                100 * p.getDouble("successFraction"), 100 * p.getDouble("pfail"),
                p.getDouble("meanAbsErrorMicroSiemens"));
        out.println("  summary: " + summaryFile);
        out.flush();
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
