package org.xbarsim.engine;

import static org.xbarsim.engine.bus.Futures.await;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xbarsim.api.event.Evaluated;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.api.inference.InferenceWorkload;
import org.xbarsim.api.io.FileAccess;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.engine.bus.SimulationBus;
import org.xbarsim.engine.footprint.ScenarioFootprint;
import org.xbarsim.engine.infer.AnalogNetwork;
import org.xbarsim.engine.infer.MappingReport;
import org.xbarsim.engine.infer.NetworkContext;
import org.xbarsim.engine.life.ChipLife;
import org.xbarsim.engine.life.LifeSetup;
import org.xbarsim.engine.life.LifecyclePlan;
import org.xbarsim.engine.life.LifecycleResult;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.plugin.PluginGuard;
import org.xbarsim.engine.plugin.PluginWatchdog;
import org.xbarsim.engine.replay.RecordedLayout;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.run.ProgrammingRun;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;
import org.xbarsim.engine.run.WeightSlicing;
import org.xbarsim.engine.scenario.FileKeys;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryBuilder;
import org.xbarsim.engine.timeline.InferenceTiming;
import org.xbarsim.engine.trace.Recording;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceHeader;

/**
 * Runs a loaded scenario: asks the workload for its layers, maps them onto tiles, programs them on
 * the event bus, and summarises. The one entry point the command line and the tests share.
 */
public final class Simulator {
    public static final String VERSION = "0.1.0";

    private final PluginCatalog catalog;
    /** The caller's Vert.x instance, or null for one of the engine's own per run. */
    private final Vertx vertx;
    private final FileAccess access;
    private final PluginGuard guard;

    public Simulator(PluginCatalog catalog) {
        this(catalog, null);
    }

    /**
     * A simulator whose runs deploy on {@code vertx} (a host that owns one instance per process) and
     * leave it running; with null, each run makes and closes an instance of its own. The user's own
     * scenarios: any file, downloads allowed.
     */
    public Simulator(PluginCatalog catalog, Vertx vertx) {
        this(catalog, vertx, FileAccess.unrestricted(), PluginGuard.unwatched(catalog));
    }

    private Simulator(PluginCatalog catalog, Vertx vertx, FileAccess access, PluginGuard guard) {
        this.catalog = catalog;
        this.vertx = vertx;
        this.access = access;
        this.guard = guard;
    }

    /**
     * The same simulator for scenarios from elsewhere (a cluster peer's points, a trace's recorded
     * scenario): their file keys are checked against {@code access} before anything is prepared, and
     * workloads see it (no downloads unless it allows them).
     */
    public Simulator restrictedTo(FileAccess access) {
        return new Simulator(catalog, vertx, access, guard);
    }

    /**
     * The same simulator with its runs watched: when no progress comes for {@code limit} while a
     * plugin's code runs, {@code onHang} is told which plugin (see {@link PluginWatchdog}).
     */
    public Simulator watchingPlugins(Duration limit, Consumer<PluginWatchdog.Hang> onHang) {
        return new Simulator(catalog, vertx, access, new PluginGuard(catalog, limit, onHang));
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
                scenario.chip().cell(),
                scenario.policyParameters().number(ProgrammingPolicy.G_TARGET_MAX),
                WeightSlicing.of(scenario.inference()));
        return new Prepared(scenario, layers, jobs);
    }

    /**
     * The header of a trace of {@code prepared}'s run at {@code level}: what a replay needs to run the
     * same scenario again and to check it.
     */
    public TraceHeader traceHeader(Prepared prepared, TraceFormat.Level level) {
        Scenario s = prepared.scenario();
        Map<String, String> plugins = new LinkedHashMap<>();
        plugins.put("device", s.device().id() + " " + catalog.originOf(s.device()));
        plugins.put("programming", s.policy().id() + " " + catalog.originOf(s.policy()));
        plugins.put("workload", s.workload().id() + " " + catalog.originOf(s.workload()));
        return new TraceHeader(VERSION, level, s.effectiveText(), s.source(), s.baseDir().toString(), s.seed(),
                plugins, RecordedLayout.tiles(prepared.jobs()));
    }

    /** Programs the scenario's weights and, for a network workload, runs inference; summarises. */
    public RunSummary run(Prepared prepared, int threads, RunListener listener) {
        return run(prepared, threads, listener, null);
    }

    /**
     * As above, recording the run's events when {@code recording} is not null. A scenario with a
     * {@code lifecycle:} section follows the programmed chip through its working life instead of reading it
     * once: the summary's {@code lifecycle} section replaces its {@code inference} section.
     */
    public RunSummary run(Prepared prepared, int threads, RunListener listener, Recording recording) {
        return guard.call(listener, watched -> {
            Scenario s = prepared.scenario();
            if (s.lifecycle() != null) {
                return live(prepared, plan(s), threads, watched, recording);
            }
            RunResult programmed = program(prepared, threads, watched, recording);
            return summarise(s, prepared, programmed, threads, watched, recording);
        });
    }

    /**
     * Programs the chip once and reads it at each of {@code inferenceTimes} ({@code 1s}, {@code 1h},
     * {@code 1y}, units as in a scenario): one summary per time, each the summary a run of the scenario
     * with that {@code inference.time} gives. The devices drift from the same programmed state, and
     * every read draws its noise from streams of the seed alone, so the figures are those of separate
     * runs at a fraction of the cost.
     */
    public List<RunSummary> runAtTimes(Prepared prepared, int threads, RunListener listener,
                                       List<String> inferenceTimes) {
        return guard.call(listener, watched -> runAtTimesGuarded(prepared, threads, watched, inferenceTimes));
    }

    private List<RunSummary> runAtTimesGuarded(Prepared prepared, int threads, RunListener listener,
                                               List<String> inferenceTimes) {
        Scenario s = prepared.scenario();
        if (s.lifecycle() != null) {
            throw new InputError(s.source(), "lifecycle", "a working life has its own evaluation times; "
                    + "read it at a list of times without a lifecycle section");
        }
        if (!(s.workload() instanceof InferenceWorkload)) {
            throw new InputError(s.source(), "inference.time", "workload '" + s.workload().id() + "' programs "
                    + "weights only and runs no inference; there is no time to read it at");
        }
        List<Scenario> readings = new ArrayList<>();
        for (String time : inferenceTimes) {
            readings.add(s.withInferenceTime(time));
        }
        RunResult programmed = program(prepared, threads, listener, null);
        List<RunSummary> summaries = new ArrayList<>();
        for (Scenario reading : readings) {
            summaries.add(summarise(reading, prepared, programmed, threads, listener, null));
        }
        return summaries;
    }

    private RunResult program(Prepared prepared, int threads, RunListener listener, Recording recording) {
        Scenario s = prepared.scenario();
        return ProgrammingRun.execute(vertx, plan(s), prepared.jobs(), threads, 0, listener, recording);
    }

    private static double tolerance(Scenario s) {
        return s.policyParameters().number(ProgrammingPolicy.TOLERANCE);
    }

    private static RunPlan plan(Scenario s) {
        return new RunPlan(s.chip(), s.device(), s.deviceParameters(), s.policy(), s.policyParameters(),
                new RandomStreams(s.seed()), tolerance(s));
    }

    /**
     * The first programming, then the working life the scenario's {@code lifecycle:} section describes, and
     * the same life without refreshes when {@code lifecycle.refresh.baseline} asks for it (not recorded).
     */
    private RunSummary live(Prepared prepared, RunPlan plan, int threads, RunListener listener, Recording recording) {
        Scenario s = prepared.scenario();
        long start = System.nanoTime();
        Vertx v = vertx != null ? vertx : Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(threads)
                .setMaxEventLoopExecuteTime(60).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS)).build();
        try {
            LifecyclePlan life = LifecyclePlan.of(s.lifecycle(), plan.tolerance());
            ChipLife.Outcome outcome = ChipLife.live(new LifeSetup(v, plan, s, prepared.jobs(), threads, listener,
                    recording, access), life);
            LifecycleResult.Life without = life.baseline() && life.refreshes()
                    ? ChipLife.live(new LifeSetup(v, plan, s, prepared.jobs(), threads, RunListener.NONE, null,
                    access), life.withoutRefresh()).life() : null;
            RunSummary.Lifecycle section = new RunSummary.Lifecycle(outcome.life(), without,
                    (System.nanoTime() - start) / 1e9);
            return summary(s, prepared, outcome.firstProgramming(), null).withLifecycle(section);
        } finally {
            if (vertx == null) {
                await(v.close());
            }
        }
    }

    /** The summary of a programmed chip read as {@code s} says (its inference time). */
    private RunSummary summarise(Scenario s, Prepared prepared, RunResult programmed, int threads,
                                 RunListener listener, Recording recording) {
        RunSummary.Inference inference = s.workload() instanceof InferenceWorkload network
                ? infer(s, network, prepared, programmed, threads, listener, recording) : null;
        return summary(s, prepared, programmed, inference);
    }

    private RunSummary summary(Scenario s, Prepared prepared, RunResult programmed, RunSummary.Inference inference) {
        Map<String, String> plugins = new LinkedHashMap<>();
        plugins.put("device", s.device().id() + " (" + catalog.originOf(s.device()) + ")");
        plugins.put("programming", s.policy().id() + " (" + catalog.originOf(s.policy()) + ")");
        plugins.put("workload", s.workload().id() + " (" + catalog.originOf(s.workload()) + ")");
        plugins.put("cost", s.cost().id() + " (" + catalog.originOf(s.cost()) + ")");
        return SummaryBuilder.build(new RunSummary.ScenarioRef(s.name(), s.source(), s.seed()), s.effective(),
                plugins, prepared.jobs(), programmed, tolerance(s), inference, VERSION);
    }

    /** Runs the workload's network through the programmed tiles; returns the summary's inference section. */
    private RunSummary.Inference infer(Scenario s, InferenceWorkload network, Prepared prepared,
                                       RunResult programmed, int threads, RunListener listener, Recording recording) {
        RandomStreams streams = new RandomStreams(s.seed());
        listener.inferenceStarted();
        try (AnalogNetwork chip = AnalogNetwork.start(vertx, s.chip(), prepared.jobs(), programmed.programmed(), s.inference(),
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
            MappingReport mapping = MappingReport.of(prepared.jobs(), s.chip().tileRows(), s.chip().tileCols(),
                    r.layers());
            InferenceTiming timing = chip.timing(mapping);
            if (recording != null) {
                record(recording, new Evaluated(0L, 0, r.samples(), r.analogAccuracy(), r.analogBitsPerChar(),
                        chip.energyPicojoules() / samples, timing.latencyCycles(),
                        timing.samplesPerCycle() * s.chip().clockHz(), chip.compensation()));
            }
            return InferenceFigures.of(s.effective().get("inference.time"), r, chip, timing, s.chip(),
                    prepared.jobs().size(), mapping, wall);
        }
    }

    private static InferenceResult evaluate(InferenceWorkload network, AnalogNetwork chip,
                                            WorkloadContext workloadContext, Scenario s, RunListener listener) {
        return network.evaluate(new NetworkContext(workloadContext, chip, s.inference().integer("batch"),
                (long) s.inference().number("samples"), listener::inferenceProgress));
    }

    /** Hands an evaluation to the recording as the bus carries it: published on a run's address it listens to. */
    private void record(Recording recording, Evaluated event) {
        Vertx v = vertx != null ? vertx : Vertx.vertx();
        try {
            SimulationBus.registerCodecs(v);
            SimulationBus.Addresses addresses = SimulationBus.newRun();
            Object interceptor = recording.attach(v, addresses);
            v.eventBus().publish(addresses.timeline(), event);
            recording.detach(v, interceptor);
        } finally {
            if (vertx == null) {
                await(v.close());
            }
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
