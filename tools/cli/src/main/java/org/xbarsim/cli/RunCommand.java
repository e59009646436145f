package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.options.OutputOptions;
import org.xbarsim.cli.options.PluginOptions;
import org.xbarsim.cli.options.ScenarioOptions;
import org.xbarsim.cli.progress.RunProgress;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.life.LifecyclePlots;
import org.xbarsim.engine.life.LifecycleResult;
import org.xbarsim.engine.life.LifecycleText;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.trace.Recording;
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
        try (SimulatorHost host = plugins.open(spec.commandLine().getErr())) {
            Scenario s = host.load(scenario.spec());
            Path dir = output.dir(s.name(), "");
            output.refuseOverwrite(dir, "summary.json");
            Simulator.Prepared prepared = host.simulator().prepare(s);
            if (chips != 1) {
                return runChips(host, s, prepared, dir, out);
            }
            RunSummary summary = run(host, prepared, threadCount);
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
        out.flush();
        return 0;
    }

    /** {@code --chips N}: the chips' means and spreads, written and printed as mean ± sd. */
    private int runChips(SimulatorHost host, Scenario s, Simulator.Prepared prepared, Path dir, PrintWriter out) {
        if (record != null) {
            throw new InputError("--record", "", "expected one chip to record (a trace is one run), got --chips " + chips);
        }
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

    private RunSummary run(SimulatorHost host, Simulator.Prepared prepared, int threadCount) {
        TraceWriter trace = trace(host, prepared);
        try (RunProgress progress = new RunProgress(prepared.rows(), output.progress())) {
            RunSummary summary = host.simulator().run(prepared, threadCount, progress,
                    trace == null ? null : new Recording(TraceFormat.Level.of(traceLevel), trace::record));
            if (trace != null) {
                trace.close();
            }
            return summary;
        } catch (RuntimeException | Error e) {
            if (trace != null) {
                keptUpToTheFailure(trace, e);
            }
            throw e;
        }
    }

    /** The trace writer of {@code --record}, or null. */
    private TraceWriter trace(SimulatorHost host, Simulator.Prepared prepared) {
        TraceFormat.Level level;
        TraceWriter.Compression compression;
        try {
            level = TraceFormat.Level.of(traceLevel);
        } catch (IllegalArgumentException e) {
            throw new InputError("--trace-level", "", e.getMessage());
        }
        try {
            compression = TraceWriter.Compression.of(traceCompression);
        } catch (IllegalArgumentException e) {
            throw new InputError("--trace-compression", "", e.getMessage());
        }
        if (record == null) {
            return null;
        }
        if (Files.exists(record) && !output.force) {
            throw new InputError("--record", "", record + " already exists; pass --force to overwrite it or "
                    + "name another file");
        }
        return new TraceWriter(record, Traces.metadata(prepared.scenario(), prepared, host.catalog(), level),
                compression);
    }

    /**
     * A failed run's trace is kept, marked incomplete; the one line that reports a plugin's failure says
     * so (thrown from here), any other failure goes on as it was.
     */
    private void keptUpToTheFailure(TraceWriter trace, Throwable e) {
        try {
            trace.abort();
        } catch (RuntimeException closing) {
            e.addSuppressed(closing);
            return;
        }
        String kept = "; trace " + record + " kept up to the failure (" + trace.events() + " events, marked "
                + "incomplete)";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PluginFailure failure) {
                throw new PluginFailure(failure.getMessage() + kept, failure);
            }
        }
    }
}
