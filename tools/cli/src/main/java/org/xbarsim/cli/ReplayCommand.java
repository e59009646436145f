package org.xbarsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.options.PluginOptions;
import org.xbarsim.engine.output.OutputNames;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.engine.replay.DeviceReplay;
import org.xbarsim.engine.run.EventLoops;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.trace.RecordedScenario;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.files.ResultFiles;
import org.xbarsim.explore.replay.ExactReplay;
import org.xbarsim.explore.report.SummaryText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim replay FILE}: runs the recorded scenario again and compares the events with the
 * recording ({@link ExactReplay}); with {@code --device}, applies the recorded pulses open loop to
 * other devices ({@link DeviceReplay}). A trace decides nothing about where files are read or written.
 */
@Command(name = "replay", description = "Re-run a recorded trace and compare its events with the recording, event "
        + "by event: prints 'identical (N events)' or the first divergence; exit 0 or 1.")
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A trace from 'xbarsim run --record FILE'.")
    Path file;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default: all cores).")
    Integer threads;

    @Mixin
    PluginOptions plugins;

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
        checkOptions();
        ExactReplay replay = ExactReplay.open(file); // the header checked before anything runs
        RecordedScenario where = RecordedScenario.of(replay.header(), scenarioDir, trustRecordedPaths);
        try (SimulatorHost host = plugins.open(spec.commandLine().getErr())) {
            if (device != null) {
                onAnotherDevice(DeviceReplay.prepare(replay.header(), file, device, host.loader(), where, overrides,
                        seed), host, out);
                return 0;
            }
            ExactReplay.Result r = replay.run(host.simulator(), host.loader(), where,
                    EventLoops.check("--threads", threads, EventLoops.cores()));
            if (r.identical()) {
                out.printf("identical (%,d events, %d tiles, level %s)%n", r.events(), r.tiles(), r.level().id());
            } else {
                out.println(r.divergence());
            }
            out.flush();
            return r.identical() ? 0 : 1;
        }
    }

    private void checkOptions() {
        EventLoops.check("--threads", threads, 0);
        if (device == null) {
            // An exact replay runs the recorded scenario as recorded: these would silently do nothing.
            String given = seed != null ? "--seed" : !overrides.isEmpty() ? "--set" : outDir != null ? "--out"
                    : force ? "--force" : null;
            if (given != null) {
                throw new InputError(given, "", "expected only with --device (an exact replay re-runs the recorded "
                        + "scenario and seed as they are)");
            }
        }
        if (scenarioDir != null && trustRecordedPaths) {
            throw new InputError("--trust-recorded-paths", "", "expected either it or --scenario-dir, not both");
        }
    }

    /** {@code --device}: the replay into its claimed result directory; writes a summary. */
    private void onAnotherDevice(DeviceReplay replay, SimulatorHost host, PrintWriter out) {
        String name = replay.scenario().name();
        // The recorded name is the trace's, not the user's: one safe directory name under runs/.
        Path dir = outDir != null ? outDir : OutputNames.under(Path.of("runs"), name + "-on-" + device);
        try (ResultClaim claim = ResultClaim.directory(dir, "--out")) {
            Path summaryFile = dir.resolve("summary.json");
            if (!force) {
                ResultClaim.refuseResult(dir, summaryFile.getFileName().toString());
            }
            RunSummary summary = replay.run(host.catalog());
            ResultFiles.writeString(summaryFile, summary.toJson());
            SummaryText.replayed(name, device, replay.scenario().seed(), summary, summaryFile).forEach(out::println);
            out.flush();
        }
    }
}
