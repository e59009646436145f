package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.options.OutputOptions;
import org.xbarsim.cli.options.PluginOptions;
import org.xbarsim.cli.options.ScenarioOptions;
import org.xbarsim.cli.progress.RunProgress;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.TracedRun;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.engine.life.LifecyclePlots;
import org.xbarsim.engine.life.LifecycleResult;
import org.xbarsim.engine.life.LifecycleText;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceWriter;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.files.ResultFiles;
import org.xbarsim.explore.report.ErrorHistogramChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xbarsim run SCENARIO}: program the scenario's weights and summarise. */
@Command(name = "run", description = "Run a scenario: program its weights into crossbar tiles, print a summary "
        + "and write DIR/summary.json.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    OutputOptions output;

    @Mixin
    PluginOptions plugins;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default: all cores). "
            + "Results do not depend on it.")
    Integer threads;

    @Option(names = "--chips", paramLabel = "N", description = "Run N chips (seeds seed..seed+N-1, side by side "
            + "as cores and memory allow): the summary's figures are their means, with every metric's mean, sd, min "
            + "and max under \"chips\"; prints mean ± sd (default 1).")
    int chips = 1;

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
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || threadCount > 1024) {
            throw new InputError("--threads", "", "expected 1..1024, got " + threadCount);
        }
        if (chips != 1 && record != null) {
            throw new InputError("--record", "", "expected one chip to record (a trace is one run), got --chips " + chips);
        }
        TraceFormat.Level level = level(); // options checked before anything is claimed
        TraceWriter.Compression compression = compression();
        try (SimulatorHost host = plugins.open(spec.commandLine().getErr())) {
            Scenario s = host.load(scenario.spec());
            Path dir = output.dir(s.name(), "");
            // Claimed before anything in them is checked: a second run on either is refused, not raced.
            try (ResultClaim claim = output.claim(dir);
                 ResultClaim traceClaim = record == null ? null : ResultClaim.file(record, "--record")) {
                output.refuseOverwrite(dir, "summary.json");
                if (traceClaim != null && traceClaim.existedBefore() && !output.force) {
                    throw new InputError("--record", "", record + " already exists; pass --force to overwrite it "
                            + "or name another file");
                }
                runClaimed(out, host, s, dir, threadCount, level, compression);
            }
        }
        out.flush();
        return 0;
    }

    private void runClaimed(PrintWriter out, SimulatorHost host, Scenario s, Path dir, int threadCount,
                            TraceFormat.Level level, TraceWriter.Compression compression) {
        Simulator.Prepared prepared = host.simulator().prepare(s);
        if (chips != 1) {
            runChips(host, s, prepared, dir, out);
            return;
        }
        RunSummary summary;
        try (RunProgress progress = new RunProgress(prepared.rows(), output.progress())) {
            summary = record == null ? host.simulator().run(prepared, threadCount, progress)
                    : TracedRun.run(host.simulator(), prepared, threadCount, progress, record, level, compression);
        }
        Path summaryFile = dir.resolve("summary.json");
        ResultFiles.writeString(summaryFile, summary.toJson());
        Path plot = dir.resolve("error-histogram.png");
        try {
            ErrorHistogramChart.write(summary, plot);
        } catch (IOException | RuntimeException e) {
            // The summary is the result; a plot that cannot be drawn must not fail the run.
            spec.commandLine().getErr().println("xbarsim: could not draw " + plot + ": " + e.getMessage());
        }
        SummaryText.print(out, s, prepared, summary, summaryFile);
        printLifecycle(out, s, summary, dir);
    }

    /** {@code --chips N}: the chips' means and spreads, written and printed as mean ± sd. */
    private int runChips(SimulatorHost host, Scenario s, Simulator.Prepared prepared, Path dir, PrintWriter out) {
        RunSummary summary;
        try (RunProgress progress = new RunProgress(prepared.rows() * chips, output.progress())) {
            summary = host.runChips(scenario.spec(), chips, threads, progress);
        }
        Path summaryFile = dir.resolve("summary.json");
        ResultFiles.writeString(summaryFile, summary.toJson());
        try {
            ErrorHistogramChart.write(summary, dir.resolve("error-histogram.png"));
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("xbarsim: could not draw the error histogram in " + dir + ": "
                    + e.getMessage());
        }
        SummaryText.printChips(out, s, prepared, summary, summaryFile);
        printLifecycle(out, s, summary, dir);
        out.flush();
        return 0;
    }

    /** A working life's lines and plots, when the scenario had one. */
    private void printLifecycle(PrintWriter out, Scenario s, RunSummary summary, Path dir) {
        if (summary.lifecycle() == null) {
            return;
        }
        LifecycleResult life = new LifecycleResult(summary.lifecycle().life(), summary.lifecycle().withoutRefresh());
        LifecycleText.lines(life).forEach(out::println);
        try {
            out.println("  plots: " + String.join(", ", LifecyclePlots.write(s.name(), life, dir).stream()
                    .map(Path::toString).toList()));
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("xbarsim: could not draw the working life's plots in " + dir + ": "
                    + e.getMessage());
        }
    }

    private TraceFormat.Level level() {
        try {
            return TraceFormat.Level.of(traceLevel);
        } catch (IllegalArgumentException e) {
            throw new InputError("--trace-level", "", e.getMessage());
        }
    }

    private TraceWriter.Compression compression() {
        try {
            return TraceWriter.Compression.of(traceCompression);
        } catch (IllegalArgumentException e) {
            throw new InputError("--trace-compression", "", e.getMessage());
        }
    }
}
