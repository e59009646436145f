package org.xbarsim.engine.run;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiles one event loop runs. One host per loop, its tiles chosen by {@link #balance} so that the
 * loops finish together: Vert.x gives verticles their loops in turn, which for tiles of unequal size
 * (a layer's last tile, a small output layer) leaves one loop with most of the work.
 */
final class LoopHost extends VerticleBase {
    private final List<TileProgramming> tiles;

    LoopHost(List<TileProgramming> tiles) {
        this.tiles = tiles;
    }

    @Override
    public Future<?> start() {
        for (TileProgramming tile : tiles) {
            tile.start(vertx, context);
        }
        return Future.succeededFuture();
    }

    /**
     * Longest-processing-time-first: tiles in order of decreasing work (rows times columns; ties by
     * tile index), each to the host with the least work so far (ties to the lower host). Deterministic,
     * and results do not depend on it anyway: each tile draws only from its own random streams.
     */
    static List<List<TileJob>> balance(List<TileJob> jobs, int hosts) {
        List<List<TileJob>> assigned = new ArrayList<>();
        long[] load = new long[hosts];
        for (int h = 0; h < hosts; h++) {
            assigned.add(new ArrayList<>());
        }
        List<TileJob> order = new ArrayList<>(jobs);
        order.sort((a, b) -> a.rows() * (long) a.cols() != b.rows() * (long) b.cols()
                ? Long.compare(b.rows() * (long) b.cols(), a.rows() * (long) a.cols())
                : Integer.compare(a.tile(), b.tile()));
        for (TileJob job : order) {
            int least = 0;
            for (int h = 1; h < hosts; h++) {
                if (load[h] < load[least]) {
                    least = h;
                }
            }
            assigned.get(least).add(job);
            load[least] += job.rows() * (long) job.cols();
        }
        return assigned;
    }
}
