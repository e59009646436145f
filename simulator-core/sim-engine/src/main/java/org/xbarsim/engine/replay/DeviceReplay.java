package org.xbarsim.engine.replay;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.scenario.FileKeys;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryBuilder;
import org.xbarsim.engine.trace.RecordedScenario;
import org.xbarsim.engine.trace.Trace;
import org.xbarsim.engine.trace.TraceHeader;

/**
 * A full-level trace's recorded pulses applied open loop to the devices of another plugin (or the
 * same one with other parameters or seed), summarised as a run is ({@link OpenLoopReplay}). The
 * trace is input: its header's tiles must fit the chip and match its events before any tile is
 * built, and its scenario's files are only those the user allowed.
 *
 * @param scenario the recorded scenario with the device swapped and the user's overrides
 */
public record DeviceReplay(Path file, Trace trace, TraceHeader header, Scenario scenario) {
    /**
     * Reads the trace whole and builds the scenario to replay it on: the recorded one with
     * {@code device.impl: device} (another plugin's parameters do not apply; the same plugin keeps the
     * recorded ones), then {@code overrides} and {@code seed} (null: the recorded seed).
     */
    public static DeviceReplay prepare(TraceHeader h, Path file, String device, ScenarioLoader loader,
                                       RecordedScenario where, List<String> overrides, Long seed) {
        Trace trace = Trace.read(file);
        if (!trace.complete()) {
            throw TraceHeader.cutShort(file);
        }
        Scenario s = loader.loadText(onDevice(h.scenarioText(), device), file + " (recorded scenario)",
                where.location(), overrides, seed != null ? seed : h.seed());
        FileKeys.check(s, where.access());
        h.checkFits(s.chip().tileRows(), s.chip().tileCols(), file.toString());
        h.checkEvents(trace.byTile(), file.toString());
        return new DeviceReplay(file, trace, h, s);
    }

    /** The recorded scenario text on {@code device}: its own device lines, or none and the new impl. */
    static String onDevice(String recorded, String device) {
        String recordedDevice = null;
        StringBuilder text = new StringBuilder();
        for (String line : recorded.split("\n")) {
            if (line.startsWith("device.impl:")) {
                recordedDevice = line.substring("device.impl:".length()).trim();
            }
            if (!line.startsWith("device.")) {
                text.append(line).append('\n');
            }
        }
        return device.equals(recordedDevice) ? recorded : text.append("device.impl: ").append(device).append('\n')
                .toString();
    }

    /** Replays the pulses on a freshly fabricated chip and summarises (the device named, the trace as source). */
    public RunSummary run(PluginCatalog catalog) {
        Scenario s = scenario;
        double tolerance = s.policyParameters().number(ProgrammingPolicy.TOLERANCE);
        RunPlan plan = new RunPlan(s.chip(), s.device(), s.deviceParameters(), s.policy(), s.policyParameters(),
                new RandomStreams(s.seed()), tolerance);
        List<TileJob> jobs = RecordedLayout.jobs(header);
        RunResult result = OpenLoopReplay.run(trace, plan, jobs, file.toString());
        Map<String, String> plugins = new LinkedHashMap<>();
        plugins.put("device", s.device().id() + " (" + catalog.originOf(s.device()) + ")");
        plugins.put("replayed", file.toString());
        return SummaryBuilder.build(new RunSummary.ScenarioRef(s.name(), file.toString(), s.seed()), s.effective(),
                plugins, jobs, result, tolerance, null, Simulator.VERSION);
    }
}
