package org.xbarsim.engine;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.xbarsim.api.inference.AnalogLayer;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.api.inference.InferenceWorkload;
import org.xbarsim.api.io.FileAccess;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.engine.footprint.ScenarioFootprint;
import org.xbarsim.engine.infer.AnalogNetwork;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.plugin.PluginGuard;
import org.xbarsim.engine.plugin.PluginWatchdog;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.run.ProgrammingRun;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;
import org.xbarsim.engine.scenario.FileKeys;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.stats.Summary;
import org.xbarsim.engine.trace.Recording;

/**
 * Runs a loaded scenario: asks the workload for its layers, maps them onto tiles, programs them on
 * the event bus, and summarises. The one entry point the command line and the tests share.
 */
public final class Simulator {
    public static final String VERSION = "0.1.0";

    private final PluginCatalog catalog;
    private final FileAccess access;
    private final PluginGuard guard;

    /** A simulator for the user's own scenarios: any file, downloads allowed. */
    public Simulator(PluginCatalog catalog) {
        this(catalog, FileAccess.unrestricted());
    }

    /**
     * A simulator for scenarios from elsewhere (a cluster peer's points, a trace's recorded scenario):
     * their file keys are checked against {@code access} before anything is prepared, and workloads
     * see it (no downloads unless it allows them).
     */
    public Simulator(PluginCatalog catalog, FileAccess access) {
        this(catalog, access, PluginGuard.unwatched(catalog));
    }

    private Simulator(PluginCatalog catalog, FileAccess access, PluginGuard guard) {
        this.catalog = catalog;
        this.access = access;
        this.guard = guard;
    }

    /**
     * The same simulator with its runs watched: when no progress comes for {@code limit} while a
     * plugin's code runs, {@code onHang} is told which plugin (see {@link PluginWatchdog}).
     */
    public Simulator watchingPlugins(Duration limit, Consumer<PluginWatchdog.Hang> onHang) {
        return new Simulator(catalog, access, new PluginGuard(catalog, limit, onHang));
    }

    /** Layers and tile jobs of a scenario, before anything runs (also for progress totals). */
    public record Prepared(Scenario scenario, List<WeightLayer> layers, List<TileJob> jobs) {
        public long rows() {
            return jobs.stream().mapToLong(TileJob::rows).sum();
        }

        public long weights() {
            return jobs.stream().mapToLong(j -> (long) j.rows() * j.cols()).sum();
        }
    }

    public Prepared prepare(Scenario scenario) {
        return guard.call(() -> prepareGuarded(scenario));
    }

    private Prepared prepareGuarded(Scenario scenario) {
        FileKeys.check(scenario, access);
        // Twice before anything large exists: from the keys, before the workload makes its matrix; from
        // its layers, before targets are mapped and tiles fabricated.
        ScenarioFootprint footprint = ScenarioFootprint.of(scenario);
        footprint.checkDeclared();
        RandomStreams streams = new RandomStreams(scenario.seed());
        List<WeightLayer> layers;
        try {
            layers = scenario.workload().layers(new WorkloadContext(scenario.workloadParameters(),
                    streams.child("workload"), scenario.source(), scenario.baseDir(), access));
        } catch (InputError e) {
            throw e; // the user's file, named by the workload: status 2, not a plugin failure
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw PluginFailure.of("workload " + scenario.workload().id() + " failed preparing its weights", e);
        }
        footprint.checkLayers(layers);
        List<TileJob> jobs = WeightMapper.map(layers, scenario.chip().tileRows(), scenario.chip().tileCols(),
                scenario.chip().significanceF(),
                scenario.policyParameters().number(ProgrammingPolicy.G_TARGET_MAX));
        return new Prepared(scenario, layers, jobs);
    }

    public JsonObject run(Prepared prepared, int threads, RunListener listener) {
        return run(prepared, threads, listener, null);
    }

    /** As above, recording the programming run's events when {@code recording} is not null. */
    public JsonObject run(Prepared prepared, int threads, RunListener listener, Recording recording) {
        return guard.call(listener, watched -> runGuarded(prepared, threads, watched, recording));
    }

    private JsonObject runGuarded(Prepared prepared, int threads, RunListener listener, Recording recording) {
        Scenario s = prepared.scenario();
        double tolerance = s.policyParameters().number(ProgrammingPolicy.TOLERANCE);
        RunPlan plan = new RunPlan(s.chip(), s.device(), s.deviceParameters(), s.policy(), s.policyParameters(),
                new RandomStreams(s.seed()), tolerance);
        RunResult result = ProgrammingRun.execute(plan, prepared.jobs(), threads, listener, recording);
        JsonObject inference = null;
        if (s.workload() instanceof InferenceWorkload network) {
            inference = infer(s, network, prepared, result, threads, listener);
        }
        Map<String, String> plugins = new LinkedHashMap<>();
        plugins.put("device", s.device().id() + " (" + catalog.originOf(s.device()) + ")");
        plugins.put("programming", s.policy().id() + " (" + catalog.originOf(s.policy()) + ")");
        plugins.put("workload", s.workload().id() + " (" + catalog.originOf(s.workload()) + ")");
        plugins.put("cost", s.cost().id() + " (" + catalog.originOf(s.cost()) + ")");
        JsonObject summary = Summary.build(s.name(), s.source(), s.seed(), s.effective(), plugins, prepared.jobs(),
                result, tolerance, VERSION);
        if (inference != null) {
            JsonObject run = summary.getJsonObject("run");
            summary.remove("run");
            summary.put("inference", inference).put("run", run);
        }
        return summary;
    }

    /** Runs the workload's network through the programmed tiles; returns the summary's inference section. */
    private JsonObject infer(Scenario s, InferenceWorkload network, Prepared prepared, RunResult programmed,
                             int threads, RunListener listener) {
        RandomStreams streams = new RandomStreams(s.seed());
        try (AnalogNetwork chip = AnalogNetwork.start(s.chip(), prepared.jobs(), programmed.programmed(), s.inference(),
                s.policyParameters().number(ProgrammingPolicy.G_TARGET_MAX), streams, threads)) {
            WorkloadContext workloadContext = new WorkloadContext(s.workloadParameters(), streams.child("workload"),
                    s.source(), s.baseDir(), access);
            long start = System.nanoTime();
            InferenceResult r;
            try {
                r = evaluate(network, chip, workloadContext, s, listener);
            } catch (InputError | PluginFailure e) {
                throw e;
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw PluginFailure.of("workload " + network.id() + " failed during inference", e);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long samples = Math.max(1, r.samples());
            JsonObject section = new JsonObject()
                    .put("time", s.effective().get("inference.time"))
                    .put("samples", r.samples())
                    .put("softwareAccuracy", finite(r.softwareAccuracy()))
                    .put("analogAccuracy", finite(r.analogAccuracy()))
                    .put("softwareBitsPerChar", finite(r.softwareBitsPerChar()))
                    .put("analogBitsPerChar", finite(r.analogBitsPerChar()))
                    .put("timeSecondsPerSample", s.chip().seconds(chip.cycles()) / samples)
                    .put("energyJoulesPerSample", chip.energyPicojoules() * 1e-12 / samples);
            return InferenceFigures.add(section, chip, s.chip(), prepared.jobs().size(), samples)
                    .put("wallSeconds", wall);
        }
    }

    private static InferenceResult evaluate(InferenceWorkload network, AnalogNetwork chip,
                                            WorkloadContext workloadContext, Scenario s, RunListener listener) {
        return network.evaluate(new InferenceContext() {
            @Override
            public WorkloadContext workload() {
                return workloadContext;
            }

            @Override
            public int layerCount() {
                return chip.layerCount();
            }

            @Override
            public AnalogLayer layer(int index) {
                return chip.layer(index);
            }

            @Override
            public int batch() {
                return s.inference().integer("batch");
            }

            @Override
            public long samples() {
                return (long) s.inference().number("samples");
            }

            @Override
            public void progress(long done, long total) {
                listener.inferenceProgress(done, total);
            }
        });
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
