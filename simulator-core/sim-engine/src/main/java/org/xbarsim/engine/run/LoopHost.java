package org.xbarsim.engine.run;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Map;

/**
 * What one event loop runs: the tiles it fabricates and the shards of rows it programs. Fabrications
 * are separate tasks, one tile at a time, queued behind the messages of the shards already running,
 * so programming starts as soon as the first tile exists (and the hot loop gets compiled early)
 * instead of after every tile is made.
 */
final class LoopHost extends VerticleBase {
    private final List<Integer> fabricate;
    private final List<RowShard> shards;
    private final List<Integer> shardJobs;
    private final ChipTiles tiles;
    private final Map<Long, LoopClock> clocks;
    private final TimelineFeed feed;
    private LoopClock clock;

    /**
     * @param fabricate the jobs whose tiles this loop makes
     * @param shards    the shards it programs, with {@code shardJobs} the job of each
     */
    LoopHost(List<Integer> fabricate, List<RowShard> shards, List<Integer> shardJobs, ChipTiles tiles,
             Map<Long, LoopClock> clocks, TimelineFeed feed) {
        this.fabricate = fabricate;
        this.shards = shards;
        this.shardJobs = shardJobs;
        this.tiles = tiles;
        this.clocks = clocks;
        this.feed = feed;
    }

    @Override
    public Future<?> start() {
        clock = clocks.computeIfAbsent(Thread.currentThread().getId(), id -> new LoopClock());
        for (int i = 0; i < shards.size(); i++) {
            RowShard shard = shards.get(i);
            int job = shardJobs.get(i);
            tiles.ready(job).onComplete(made -> {
                if (made.failed()) {
                    feed.fail(made.cause());
                } else {
                    // The tile may have been made on another loop: the shard runs on this one.
                    context.runOnContext(v -> shard.start(vertx, context, made.result(), tiles.adcs(job), clock));
                }
            });
        }
        fabricateNext(0);
        return Future.succeededFuture();
    }

    private void fabricateNext(int i) {
        if (i == fabricate.size() || feed.stopped()) {
            return;
        }
        context.runOnContext(v -> {
            clock.enter();
            tiles.fabricate(fabricate.get(i));
            // Making devices is neither simulation work nor bus delivery: left out of both shares.
            clock.leave(clock.setAside());
            fabricateNext(i + 1);
        });
    }
}
