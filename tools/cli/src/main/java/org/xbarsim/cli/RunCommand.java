package org.xbarsim.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.output.OutputNames;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.engine.trace.Recording;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xbarsim run SCENARIO}: program the scenario's weights and summarise. */
@Command(name = "run", description = "Run a scenario: program its weights into crossbar tiles, print a summary "
        + "and write DIR/summary.json.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--set", paramLabel = "path=value", description = "Override a scenario key (repeatable), "
            + "e.g. --set chip.adc.bits=8.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default runs/<name>).")
    Path outDir;

    @Option(names = "--force", description = "Overwrite an existing result in the result directory.")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default: all cores). "
            + "Results do not depend on it.")
    Integer threads;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of plugin jars.")
    Path pluginDir;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--plugin-timeout", paramLabel = "TIME", description = "A plugin call during which the run makes "
            + "no progress for this long is named and the run stopped, exit status 1 (default 5min).")
    String pluginTimeout = Plugins.DEFAULT_TIMEOUT;

    @Option(names = "--record", paramLabel = "FILE", description = "Record the programming run's events in an "
            + "Avro trace (replay it with 'xbarsim replay FILE').")
    Path record;

    @Option(names = "--trace-level", paramLabel = "LEVEL", description = "summary (a record per row), row (every "
            + "row operation and its outcome; default) or full (row plus each row's targets).")
    String traceLevel = "row";

    @Option(names = "--trace-compression", paramLabel = "CODEC", description = "none (default: the cheapest to "
            + "write) or deflate (about half the size; the trace writer then limits the run's speed).")
    String traceCompression = "none";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (seed != null && seed < 0) {
            throw new InputError("--seed", "", "expected a whole number >= 0, got " + seed);
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || threadCount > 1024) {
            throw new InputError("--threads", "", "expected 1..1024, got " + threadCount);
        }
        Plugins.timeout(pluginTimeout); // checked before anything is claimed
        TraceFormat.Level level;
        try {
            level = TraceFormat.Level.of(traceLevel);
        } catch (IllegalArgumentException e) {
            throw new InputError("--trace-level", "", e.getMessage());
        }
        TraceWriter.Compression compression;
        try {
            compression = TraceWriter.Compression.of(traceCompression);
        } catch (IllegalArgumentException e) {
            throw new InputError("--trace-compression", "", e.getMessage());
        }
        try (PluginCatalog catalog = Plugins.load(pluginDir)) {
            Scenario scenario = new ScenarioLoader(catalog).load(scenarioFile, overrides, seed);
            // The scenario's name is input: it names a directory under runs/, never a path.
            Path dir = outDir != null ? outDir : OutputNames.under(Path.of("runs"), scenario.name());
            try (ResultClaim claim = ResultClaim.directory(dir, "--out");
                 ResultClaim traceClaim = record == null ? null : ResultClaim.file(record, "--record")) {
                run(out, catalog, scenario, dir, traceClaim, threadCount, level, compression);
            }
        }
        out.flush();
        return 0;
    }

    /** The run, once its result directory (and trace) are claimed: nothing else can write them meanwhile. */
    private void run(PrintWriter out, PluginCatalog catalog, Scenario scenario, Path dir, ResultClaim traceClaim,
                     int threadCount, TraceFormat.Level level, TraceWriter.Compression compression) {
        Path summaryFile = dir.resolve("summary.json");
        if (Files.exists(summaryFile) && !force) {
            throw new InputError("--out", "", "expected a directory without a result, but " + dir
                    + " already holds one (summary.json); pass --force to overwrite it or --out for another "
                    + "directory");
        }
        if (traceClaim != null && traceClaim.existedBefore() && !force) {
            throw new InputError("--record", "", record + " already exists; pass --force to overwrite it or "
                    + "name another file");
        }
        Simulator simulator = Plugins.watched(new Simulator(catalog), Plugins.timeout(pluginTimeout),
                spec.commandLine().getErr());
        Simulator.Prepared prepared = simulator.prepare(scenario);
        JsonObject summary;
        TraceWriter trace = record == null ? null
                : new TraceWriter(record, Traces.metadata(scenario, prepared, catalog, level), compression);
        try (Progress progress = new Progress(prepared.rows(), !quiet && System.console() != null)) {
            summary = simulator.run(prepared, threadCount, progress,
                    trace == null ? null : new Recording(level, trace::record));
        } catch (RuntimeException | Error e) {
            if (trace == null) {
                throw e;
            }
            try {
                trace.abort(); // kept, but not marked complete: the run did not finish
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
                throw e;
            }
            // The one line that reports the failure also says what became of the trace.
            String kept = "; trace " + record + " kept up to the failure (" + trace.events()
                    + " events, marked incomplete)";
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PluginFailure failure) {
                    throw new PluginFailure(failure.getMessage() + kept, failure);
                }
            }
            throw e;
        }
        if (trace != null) {
            trace.close();
        }
        ResultFiles.writeString(summaryFile, summary.encodePrettily() + "\n");
        Path plot = dir.resolve("error-histogram.png");
        try {
            Plots.errorHistogram(summary, plot);
        } catch (IOException | RuntimeException e) {
            // The summary is the result; a plot that cannot be drawn must not fail the run.
            spec.commandLine().getErr().println("xbarsim: could not draw " + plot + ": " + e.getMessage());
        }
        printSummary(out, scenario, prepared, summary, summaryFile);
    }

    private static void printSummary(PrintWriter out, Scenario s, Simulator.Prepared prepared, JsonObject summary,
                                     Path file) {
        JsonObject p = summary.getJsonObject("programming");
        JsonObject run = summary.getJsonObject("run");
        int tiles = prepared.jobs().size();
        out.printf(Locale.ROOT, "%s (seed %d): %,d weights on %d tile%s of %dx%d%n", s.name(), s.seed(),
                p.getLong("weights"), tiles, tiles == 1 ? "" : "s", s.chip().tileRows(), s.chip().tileCols());
        out.printf(Locale.ROOT, "  %s on %s%s, F=%s, ADC %d bits x %d column%s%n", s.policy().id(), s.device().id(),
                s.devicePreset() == null ? "" : "/" + s.devicePreset(), fmt(s.chip().significanceF()),
                s.chip().adcBits(), s.chip().columnsPerAdc(), s.chip().columnsPerAdc() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "  success %.2f%%  Pfail %.2f%%  mean |error| %.3f uS%n",
                100 * p.getDouble("successFraction"), 100 * p.getDouble("pfail"),
                p.getDouble("meanAbsErrorMicroSiemens"));
        out.printf(Locale.ROOT, "  per row: %.1f pulse ops (%.1f SET, %.1f RESET), %.1f reads%n",
                p.getDouble("pulseOpsPerRow"), p.getDouble("setOpsPerRow"), p.getDouble("resetOpsPerRow"),
                p.getDouble("readOpsPerRow"));
        out.printf(Locale.ROOT, "  simulated programming time %s, energy %s%n", seconds(p.getDouble("timeSeconds")),
                joules(p.getDouble("energyJoules")));
        JsonObject inference = summary.getJsonObject("inference");
        if (inference != null) {
            if (inference.getValue("softwareAccuracy") != null) {
                out.printf(Locale.ROOT, "  inference at %s: accuracy %.2f%% analog vs %.2f%% software on %,d samples%n",
                        inference.getString("time"), 100 * inference.getDouble("analogAccuracy"),
                        100 * inference.getDouble("softwareAccuracy"), inference.getLong("samples"));
            }
            if (inference.getValue("softwareBitsPerChar") != null) {
                out.printf(Locale.ROOT, "  inference at %s: %.3f bits/char analog vs %.3f software on %,d characters%n",
                        inference.getString("time"), inference.getDouble("analogBitsPerChar"),
                        inference.getDouble("softwareBitsPerChar"), inference.getLong("samples"));
            }
            out.printf(Locale.ROOT, "  per sample: %s, %s (simulated)%n", seconds(inference.getDouble("timeSecondsPerSample")),
                    joules(inference.getDouble("energyJoulesPerSample")));
        }
        Double share = run.getDouble("busShare");
        Double pauses = run.getDouble("pauseShare");
        out.printf(Locale.ROOT, "  wall %.2f s, %,.0f weights/s on %d thread%s; %,d bus events%s%n",
                run.getDouble("wallSeconds"), run.getDouble("weightsPerWallSecond"), run.getInteger("threads"),
                run.getInteger("threads") == 1 ? "" : "s", run.getLong("busEvents"),
                share == null ? "" : String.format(Locale.ROOT, " (event loops: %.1f%% bus delivery, %.1f%% JVM pauses)",
                        100 * share, 100 * pauses));
        out.println("  summary: " + file + " (plot: " + file.resolveSibling("error-histogram.png") + ")");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    static String seconds(double s) {
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        if (s >= 1e-3) {
            return String.format(Locale.ROOT, "%.3f ms", s * 1e3);
        }
        if (s >= 1e-6) {
            return String.format(Locale.ROOT, "%.3f us", s * 1e6);
        }
        return String.format(Locale.ROOT, "%.1f ns", s * 1e9);
    }

    static String joules(double j) {
        if (j >= 1e-3) {
            return String.format(Locale.ROOT, "%.3f mJ", j * 1e3);
        }
        if (j >= 1e-6) {
            return String.format(Locale.ROOT, "%.3f uJ", j * 1e6);
        }
        if (j >= 1e-9) {
            return String.format(Locale.ROOT, "%.3f nJ", j * 1e9);
        }
        return String.format(Locale.ROOT, "%.3f pJ", j * 1e12);
    }

    /**
     * Progress bars fed from the run: rows programmed (from the event bus), then samples evaluated;
     * silent when not on a terminal.
     */
    private static final class Progress implements RunListener, AutoCloseable {
        private final boolean show;
        private final ProgressBar bar;
        private final AtomicLong rows = new AtomicLong();
        private ProgressBar inference;

        Progress(long totalRows, boolean show) {
            this.show = show;
            this.bar = show ? bar("programming", totalRows, " rows") : null;
        }

        private static ProgressBar bar(String task, long max, String unit) {
            return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }

        @Override
        public void rowFinished(org.xbarsim.api.event.RowFinished row) {
            long n = rows.incrementAndGet();
            if (bar != null) {
                bar.stepTo(n);
            }
        }

        @Override
        public void inferenceProgress(long done, long total) {
            if (!show) {
                return;
            }
            if (inference == null) {
                bar.close();
                inference = bar("inference", total, " samples");
            }
            inference.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
            if (inference != null) {
                inference.close();
            }
        }
    }
}
