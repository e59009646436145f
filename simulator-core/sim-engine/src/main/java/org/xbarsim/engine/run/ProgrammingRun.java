package org.xbarsim.engine.run;

import static org.xbarsim.engine.bus.Futures.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.engine.bus.SimulationBus;
import org.xbarsim.engine.stats.TileStatistics;
import org.xbarsim.engine.trace.Recording;

/**
 * Runs the programming of a set of tile jobs on a fresh Vert.x instance with {@code threads} event
 * loops: one verticle per tile, tiles spread over the loops, results gathered in tile order.
 */
public final class ProgrammingRun {
    private ProgrammingRun() {
    }

    public static RunResult execute(RunPlan plan, List<TileJob> jobs, int threads, RunListener listener) {
        return execute(plan, jobs, threads, listener, null);
    }

    /** As above, recording the run's events when {@code recording} is not null. */
    public static RunResult execute(RunPlan plan, List<TileJob> jobs, int threads, RunListener listener,
                                    Recording recording) {
        VertxOptions options = new VertxOptions()
                .setEventLoopPoolSize(threads)
                // A tile's fabrication is one handler; do not warn about it on large tiles.
                .setMaxEventLoopExecuteTime(60)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS);
        Vertx vertx = Vertx.builder().with(options).build();
        try {
            SimulationBus.registerCodecs(vertx);
            if (recording != null) {
                recording.attach(vertx);
            }
            MessageConsumer<RowFinished> observer = vertx.eventBus().localConsumer(SimulationBus.ROWS,
                    m -> listener.rowFinished(m.body()));
            await(observer.completion());

            long start = System.nanoTime();
            Map<Long, LoopClock> clocks = new java.util.concurrent.ConcurrentHashMap<>();
            Map<Integer, TileProgramming> byTile = new java.util.TreeMap<>();
            for (TileJob job : jobs) {
                byTile.put(job.tile(), new TileProgramming(job, plan, clocks, recording));
            }
            // An error no handler caught (out of memory on an event loop) ends the run with a failure
            // rather than leaving this thread waiting for tiles that will never finish.
            vertx.exceptionHandler(t -> byTile.values().forEach(tile -> tile.crash(t)));
            // Deploy every host before waiting for any: each builds its tiles on its own loop, in parallel.
            List<Future<String>> deployments = new ArrayList<>();
            for (List<TileJob> share : LoopHost.balance(jobs, Math.min(threads, Math.max(1, jobs.size())))) {
                List<TileProgramming> hosted = share.stream().map(j -> byTile.get(j.tile())).toList();
                deployments.add(vertx.deployVerticle(new LoopHost(hosted), new DeploymentOptions()));
            }
            for (Future<String> deployment : deployments) {
                await(deployment);
            }
            List<TileProgramming> tiles = jobs.stream().map(j -> byTile.get(j.tile())).toList();
            List<Future<TileStatistics>> outcomes = tiles.stream().map(TileProgramming::finished).toList();
            List<TileStatistics> stats = new ArrayList<>();
            for (Future<TileStatistics> outcome : outcomes) {
                stats.add(await(outcome));
            }
            double wall = (System.nanoTime() - start) / 1e9;

            long busEvents = 0;
            for (TileProgramming tile : tiles) {
                busEvents += tile.busEvents;
            }
            long work = 0;
            long busNanos = 0;
            long pauseNanos = 0;
            for (LoopClock clock : clocks.values()) {
                work += clock.workNanos;
                busNanos += clock.busNanos;
                pauseNanos += clock.pauseNanos;
            }
            double total = work + busNanos + pauseNanos;
            double busShare = total == 0 ? Double.NaN : busNanos / total;
            double pauseShare = total == 0 ? Double.NaN : pauseNanos / total;
            List<org.xbarsim.engine.hw.CrossbarTile> programmed = new ArrayList<>();
            for (TileProgramming tile : tiles) {
                programmed.add(tile.tile());
            }
            return new RunResult(plan.chip(), stats, wall, busEvents, busShare, pauseShare, threads, programmed);
        } finally {
            await(vertx.close());
        }
    }

}
