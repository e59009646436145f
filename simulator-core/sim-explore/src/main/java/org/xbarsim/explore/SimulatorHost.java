package org.xbarsim.explore;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.plugin.PluginWatchdog;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.trace.Recording;
import org.xbarsim.explore.chips.ChipParallelism;
import org.xbarsim.explore.chips.ChipsRunner;
import org.xbarsim.explore.runner.LocalRunner;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.Forwarding;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * What a process that explores holds once: the plugin catalog (PF4J, the plugin jars of one
 * directory), the scenario loader and simulator bound to it, and one Vert.x instance. Open one per
 * process, run scenarios and make runners from it, close it at the end.
 *
 * <pre>{@code
 * try (SimulatorHost host = SimulatorHost.open(Path.of("tools/cli/target/xbarsim/plugins"))) {
 *     RunSummary s = host.run(host.scenario(Path.of("scenarios/tile-rowwise.yaml")).with("chip.adc.bits", 8));
 *     System.out.println(s.programming().pfail());
 * }
 * }</pre>
 *
 * <p>Every run deploys its tiles on the host's one Vert.x instance ({@link #vertx()}: an event loop
 * per core, made on first use) and takes them away after, so a sweep's points share its event loops
 * rather than each starting and stopping its own; a cluster member {@linkplain #adopt adopts} its
 * clustered instance instead before the first run.
 */
public final class SimulatorHost implements AutoCloseable {
    private final PluginCatalog catalog;
    private final boolean ownsCatalog;
    private final ScenarioLoader loader;
    private Simulator simulator;
    private Vertx vertx;
    private Duration pluginLimit;
    private Consumer<PluginWatchdog.Hang> onHang;

    private SimulatorHost(PluginCatalog catalog, boolean ownsCatalog) {
        this.catalog = catalog;
        this.ownsCatalog = ownsCatalog;
        this.loader = new ScenarioLoader(catalog);
    }

    /**
     * Loads the plugin jars of {@code pluginDir}. Jars that cannot be loaded are left out and listed
     * by {@link #pluginProblems()}; a directory that is not one is an {@link InputError}.
     */
    public static SimulatorHost open(Path pluginDir) {
        Logging.configure();
        if (!Files.isDirectory(pluginDir)) {
            throw new InputError("--plugins", "", "expected a directory of plugin jars, got " + pluginDir);
        }
        return new SimulatorHost(PluginCatalog.load(pluginDir), true);
    }

    /** A host over a catalog the caller made (and closes). */
    public static SimulatorHost of(PluginCatalog catalog) {
        Logging.configure();
        return new SimulatorHost(catalog, false);
    }

    public PluginCatalog catalog() {
        return catalog;
    }

    /** Jars of the plugin directory left out, one line each ("bad.jar: why"). */
    public List<String> pluginProblems() {
        return catalog.problems();
    }

    public ScenarioLoader loader() {
        return loader;
    }

    /** The simulator whose runs deploy on this host's Vert.x. */
    public synchronized Simulator simulator() {
        if (simulator == null) {
            Simulator plain = new Simulator(catalog, vertx());
            simulator = pluginLimit == null ? plain : plain.watchingPlugins(pluginLimit, onHang);
        }
        return simulator;
    }

    /**
     * Watches every run of this host's simulator (before its first run): when a plugin's code runs
     * for {@code limit} without the run making progress, {@code onHang} is told which plugin
     * ({@link PluginWatchdog}; its thread cannot be stopped, so a command line ends the process).
     */
    public synchronized void watchPlugins(Duration limit, Consumer<PluginWatchdog.Hang> onHang) {
        if (simulator != null) {
            throw new IllegalStateException("watch the plugins before the first run");
        }
        this.pluginLimit = limit;
        this.onHang = onHang;
    }

    /** A scenario file as a spec to vary. */
    public ScenarioSpec scenario(Path file) {
        return ScenarioSpec.read(file);
    }

    /** Loads and validates a spec. */
    public Scenario load(ScenarioSpec spec) {
        return spec.load(loader);
    }

    /** Runs a scenario on every core and returns its summary. */
    public RunSummary run(ScenarioSpec spec) {
        return run(spec, Runtime.getRuntime().availableProcessors(), RunListener.NONE, null);
    }

    /**
     * Runs a scenario with {@code threads} event loops (results do not depend on it), telling
     * {@code listener} as rows finish and recording the events when {@code recording} is not null.
     */
    public RunSummary run(ScenarioSpec spec, int threads, RunListener listener, Recording recording) {
        Simulator sim = simulator();
        return sim.run(sim.prepare(load(spec)), threads, listener, recording);
    }

    /** Programs the chip once and reads it at each time ({@code "1s", "1h", "1d", "1y"}): one summary each. */
    public List<RunSummary> runAtTimes(ScenarioSpec spec, List<String> inferenceTimes) {
        Simulator sim = simulator();
        return sim.runAtTimes(sim.prepare(load(spec)), Runtime.getRuntime().availableProcessors(), RunListener.NONE,
                inferenceTimes);
    }

    /**
     * Runs a scenario on {@code chips} chips, the seeds from the spec's (or the scenario's) on: the chips
     * side by side as far as the cores and memory allow ({@link ChipParallelism}), their rows and
     * inference told to {@code listener}. The summary's figures are the means over the chips and its
     * {@code chips} section every metric's spread (mean, sd, min, max); one chip is the plain run. The
     * result is the same on any number of threads.
     *
     * @param threads event loops of each chip's run, or null for cores / chips side by side
     */
    public RunSummary runChips(ScenarioSpec spec, int chips, Integer threads, RunListener listener) {
        ChipsRunner.checked(chips);
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = ChipParallelism.workers(chips, cores, ChipParallelism.freeBytes(),
                ChipParallelism.bytesPerChip(simulator().prepare(load(spec))));
        try (ChipsRunner runner = new ChipsRunner(localRunner(workers, threads), chips, loader)) {
            return runner.run(List.of(new Point(0, spec, "")), new Forwarding(listener)).get(0).summary();
        }
    }

    /** A runner of {@code workers} points at a time, each on cores / workers event loops. */
    public LocalRunner localRunner(int workers) {
        return localRunner(workers, null);
    }

    /** A runner of {@code workers} points at a time, each on {@code threadsPerPoint} event loops (null: cores / workers). */
    public LocalRunner localRunner(int workers, Integer threadsPerPoint) {
        return new LocalRunner(loader, simulator(), workers, threadsPerPoint);
    }

    /**
     * The process's Vert.x instance, made on first use: an event loop per core, and no warning about a
     * handler that holds its loop for less than a minute (fabricating a large tile is one handler).
     */
    public synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors())
                    .setMaxEventLoopExecuteTime(60).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
        }
        return vertx;
    }

    /**
     * Adopts a Vert.x instance made elsewhere (a clustered one) as this process's, before the first
     * run; closed with the host.
     */
    public synchronized void adopt(Vertx instance) {
        if (vertx != null && vertx != instance) {
            throw new IllegalStateException("this host already has its Vert.x instance");
        }
        vertx = instance;
    }

    @Override
    public synchronized void close() {
        if (vertx != null) {
            org.xbarsim.engine.bus.Futures.await(vertx.close());
            vertx = null;
        }
        if (ownsCatalog) {
            catalog.close();
        }
    }
}
