package org.xbarsim.engine.run;

import static org.xbarsim.engine.bus.Futures.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.ProgrammingEnded;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.engine.bus.SimulationBus;
import org.xbarsim.engine.hw.RowDemand;
import org.xbarsim.engine.stats.TileStatistics;
import org.xbarsim.engine.timeline.ChipTimeline;
import org.xbarsim.engine.timeline.TimelineResult;
import org.xbarsim.engine.trace.Recording;

/**
 * Programs a set of tile jobs: rows computed functionally on the Vert.x event loops, timed on the
 * chip's one timeline on the calling thread.
 *
 * <p>Each tile's rows are cut into shards spread over the loops ({@link ShardPlan}), so a single
 * tile keeps every core busy; each shard converses with its own programmer of the policy
 * ({@link RowShard}) and hands each finished row's log to this thread, which feeds the chip's
 * {@link ChipTimeline} as the logs arrive (it times rows as soon as they are computed, and buffers
 * only those that arrive before their turn). The timeline publishes each row's end as a
 * {@link RowFinished} on the run's timeline address, where statistics, progress and traces listen,
 * and a {@link ProgrammingEnded} when the last row has ended. Statistics are added row by row in row
 * order as the timeline ends the rows, so sums come out bit-identical however the rows were sharded.
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
        return execute(null, plan, jobs, threads, 0, listener, recording);
    }

    /**
     * Programs on {@code vertx} (its event loops; the run deploys its own verticles and takes them
     * away after), or on a Vert.x instance of its own with {@code threads} event loops when null.
     *
     * @param threads       loops to spread the rows over (shards are deployed round-robin on the instance's loops)
     * @param shardsPerTile how many shards to cut each tile's rows into; 0 to decide from the work
     */
    public static RunResult execute(Vertx vertx, RunPlan plan, List<TileJob> jobs, int threads, int shardsPerTile,
                                    RunListener listener, Recording recording) {
        return execute(vertx, plan, jobs, threads, shardsPerTile, listener, recording, null);
    }

    /**
     * As above, on tiles that exist already when {@code again} is not null: a chip programmed again in its
     * working life (a refresh in place, a new network), nothing fabricated.
     */
    public static RunResult execute(Vertx vertx, RunPlan plan, List<TileJob> jobs, int threads, int shardsPerTile,
                                    RunListener listener, Recording recording, Reprogramming again) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Vertx v = vertx != null ? vertx : Vertx.builder().with(new VertxOptions()
                .setEventLoopPoolSize(threads)
                // A tile's fabrication is one handler; do not warn about it on large tiles.
                .setMaxEventLoopExecuteTime(60)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS)).build();
        try {
            return new Run(v, vertx == null, plan, jobs, threads, shardsPerTile, listener, recording, again).execute();
        } finally {
            if (vertx == null) {
                await(v.close());
            }
        }
    }

    /** One run on one Vert.x instance. */
    private static final class Run {
        private final Vertx vertx;
        private final boolean ownVertx;
        private final RunPlan plan;
        private final List<TileJob> jobs;
        private final int threads;
        private final RunListener listener;
        private final Recording recording;
        private final Reprogramming again;
        private final SimulationBus.Addresses addresses = SimulationBus.newRun();
        private final TimelineFeed feed = new TimelineFeed();
        private final Map<Long, LoopClock> clocks = new ConcurrentHashMap<>();
        private final ShardPlan shardPlan;
        private final List<RowShard> shards = new ArrayList<>();
        private final TileStatistics[] stats;
        private final Promise<Void> heard = Promise.promise();
        private long timelineEvents;
        private long rows;

        Run(Vertx vertx, boolean ownVertx, RunPlan plan, List<TileJob> jobs, int threads, int shardsPerTile,
            RunListener listener, Recording recording, Reprogramming again) {
            this.vertx = vertx;
            this.ownVertx = ownVertx;
            this.plan = plan;
            this.jobs = jobs;
            this.threads = threads;
            this.listener = listener;
            this.recording = recording;
            this.again = again;
            // Rows coupled through the wires (IR drop on verify reads) are programmed one after another per tile.
            this.shardPlan = ShardPlan.of(jobs, threads, ShardPlan.rowsCoupled(plan.chip()) ? 1 : shardsPerTile);
            this.stats = new TileStatistics[jobs.size()];
            for (int j = 0; j < jobs.size(); j++) {
                stats[j] = new TileStatistics(jobs.get(j).tile(), jobs.get(j).layer(), 4 * plan.tolerance());
            }
        }

        RunResult execute() {
            SimulationBus.registerCodecs(vertx);
            Object interceptor = recording == null ? null : recording.attach(vertx, addresses);
            MessageConsumer<SpecificRecord> observer = vertx.eventBus().localConsumer(addresses.timeline(), m -> {
                if (m.body() instanceof RowFinished row) {
                    listener.rowFinished(row);
                } else {
                    heard.tryComplete(); // the end of programming comes last: every row has been heard
                }
            });
            List<String> deployed = new ArrayList<>();
            try {
                await(observer.completion());
                long start = System.nanoTime();
                ChipTiles tiles = again == null ? new ChipTiles(plan, jobs) : ChipTiles.existing(plan, jobs, again.tiles());
                for (Future<String> deployment : deploy(tiles)) {
                    deployed.add(await(deployment));
                }
                if (ownVertx) {
                    // An error no handler caught (out of memory on an event loop) ends the run with a failure
                    // rather than leaving this thread waiting for rows that will never come. A host that
                    // owns the instance owns this handler too.
                    vertx.exceptionHandler(feed::fail);
                }
                TimelineResult timeline = time();
                double wall = (System.nanoTime() - start) / 1e9;
                for (RowShard shard : shards) {
                    stats[shard.job()].histogram.addAll(shard.histogram());
                }
                timelineEvents++;
                vertx.eventBus().publish(addresses.timeline(), new ProgrammingEnded(timeline.endCycle(), rows));
                await(heard.future());
                return result(tiles, timeline, wall);
            } finally {
                feed.stop();
                feed.awaitQuiet(10_000);
                for (String id : deployed) {
                    await(vertx.undeploy(id));
                }
                await(observer.unregister());
                if (interceptor != null) {
                    recording.detach(vertx, interceptor);
                }
            }
        }

        /** One host per loop, each with the shards the plan gives it and the tiles of its shards' first rows. */
        private List<Future<String>> deploy(ChipTiles tiles) {
            List<Future<String>> deployments = new ArrayList<>();
            boolean wantsOps = recording != null && recording.wantsOperations();
            boolean wantsTargets = recording != null && recording.wantsTargets();
            for (List<ShardPlan.Shard> share : shardPlan.byLoop()) {
                List<RowShard> hosted = new ArrayList<>();
                List<Integer> hostedJobs = new ArrayList<>();
                List<Integer> fabricate = new ArrayList<>();
                for (ShardPlan.Shard s : share) {
                    RowShard shard = new RowShard(s, jobs.get(s.job()), plan, addresses.shardResults(s.index()), feed,
                            wantsOps ? recording.sink() : null, wantsTargets ? recording.sink() : null, again);
                    shards.add(shard);
                    hosted.add(shard);
                    hostedJobs.add(s.job());
                    if (s.k() == 0 && again == null) {
                        fabricate.add(s.job());
                    }
                }
                // Deploy every host before waiting for any: each makes its tiles on its own loop, in parallel.
                deployments.add(vertx.deployVerticle(new LoopHost(fabricate, hosted, hostedJobs, tiles, clocks, feed),
                        new DeploymentOptions()));
            }
            return deployments;
        }

        /** Feeds the timeline with rows as the loops finish them, until it has timed them all. */
        private TimelineResult time() {
            List<ChipTimeline.TimedTile> timed = new ArrayList<>();
            for (TileJob job : jobs) {
                timed.add(new ChipTimeline.TimedTile(job.tile(), job.layer(), job.rows()));
            }
            int[] slotOf = slots();
            ChipTimeline timeline = new ChipTimeline(plan.chip(), timed, (row, start, end, waited) -> {
                stats[slotOf[row.tile()]].addRow(row, end);
                rows++;
                timelineEvents++;
                vertx.eventBus().publish(addresses.timeline(), new RowFinished(row.tile(), row.row(), end, end - start,
                        row.weights, row.succeeded, row.setOps, row.resetOps, row.readOps, row.energyPicojoules,
                        row.sumAbsErrorMicroSiemens, waited));
            }, again == null || again.calibrates());
            while (!timeline.advance()) {
                Throwable failure = null;
                for (Object next = feed.next(true); next != null; next = feed.next(false)) {
                    if (next instanceof Throwable t) {
                        failure = failure == null ? t : failure;
                    } else {
                        timeline.offer((RowDemand) next);
                    }
                }
                if (failure != null) {
                    // The rows computed before the failure still end on the timeline (and reach a trace).
                    timeline.advance();
                    throw failure instanceof RuntimeException e ? e
                            : new IllegalStateException("the run stopped: " + failure, failure);
                }
            }
            return timeline.result();
        }

        /** Tile index to job position. */
        private int[] slots() {
            int most = jobs.stream().mapToInt(TileJob::tile).max().orElse(-1);
            int[] slot = new int[most + 1];
            for (int j = 0; j < jobs.size(); j++) {
                slot[jobs.get(j).tile()] = j;
            }
            return slot;
        }

        private RunResult result(ChipTiles tiles, TimelineResult timeline, double wall) {
            long busEvents = timelineEvents;
            for (RowShard shard : shards) {
                busEvents += shard.busEvents;
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
            return new RunResult(plan.chip(), List.of(stats), timeline, wall, busEvents, busShare, pauseShare, threads,
                    tiles.all(), ProcessMemory.peakResidentBytes());
        }
    }
}
