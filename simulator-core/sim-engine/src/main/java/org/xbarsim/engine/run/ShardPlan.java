package org.xbarsim.engine.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a run's rows are spread over the event loops. Each tile's rows are split into shards by
 * stride (shard k of s takes rows k, k + s, k + 2s, ...), so the shards of a tile progress through
 * its rows together and the timeline, which times a tile's rows in row order, finds them ready
 * roughly in that order; then shards go to loops longest first, each to the loop with the least work
 * so far (rows times columns). Deterministic, and results do not depend on it anyway: a row's
 * outcome depends only on its own random streams and targets.
 *
 * @param shards    every shard, ordered by tile then by k
 * @param byLoop    the shards each loop runs
 */
record ShardPlan(List<Shard> shards, List<List<Shard>> byLoop) {

    /**
     * Shard {@code k} of {@code of} of the tile of job {@code job} (its position in the job list).
     *
     * @param index position in {@link #shards}
     */
    record Shard(int index, int job, int k, int of, int tileRows, long work) {
        /** Rows of the tile this shard programs, in order: ceil((tileRows - k) / of), 0 past the tile's rows (k < of). */
        int rows() {
            return (tileRows - k + of - 1) / of;
        }

        /** The tile row of this shard's {@code i}-th row. */
        int row(int i) {
            return k + i * of;
        }
    }

    /**
     * @param shardsPerTile how many shards to cut each tile into; 0 to decide from the work: with
     *                      one loop, none (one shard a tile); with more, each tile into enough shards
     *                      that a shard holds at most half a loop's fair share of the work, so that
     *                      longest-first can even the loops out
     */
    static ShardPlan of(List<TileJob> jobs, int loops, int shardsPerTile) {
        if (loops < 1 || shardsPerTile < 0) {
            throw new IllegalArgumentException("loops " + loops + ", shards per tile " + shardsPerTile);
        }
        long total = 0;
        for (TileJob job : jobs) {
            total += work(job);
        }
        long target = Math.max(1, (total + 2L * loops - 1) / (2L * loops));
        List<Shard> shards = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            TileJob job = jobs.get(j);
            int of = shardsPerTile > 0 ? shardsPerTile : loops == 1 ? 1 : (int) Math.min(Integer.MAX_VALUE,
                    (work(job) + target - 1) / target);
            of = Math.max(1, Math.min(of, Math.max(1, job.rows())));
            for (int k = 0; k < of; k++) {
                Shard s = new Shard(shards.size(), j, k, of, job.rows(), 0);
                shards.add(new Shard(s.index(), j, k, of, job.rows(), (long) s.rows() * job.cols()));
            }
        }
        List<List<Shard>> byLoop = new ArrayList<>();
        for (int h = 0; h < loops; h++) {
            byLoop.add(new ArrayList<>());
        }
        long[] load = new long[loops];
        List<Shard> order = new ArrayList<>(shards);
        order.sort(Comparator.comparingLong(Shard::work).reversed().thenComparingInt(Shard::index));
        for (Shard s : order) {
            int least = 0;
            for (int h = 1; h < loops; h++) {
                if (load[h] < load[least]) {
                    least = h;
                }
            }
            byLoop.get(least).add(s);
            load[least] += s.work();
        }
        return new ShardPlan(List.copyOf(shards), byLoop);
    }

    /**
     * Whether a tile's rows depend on each other while they are programmed, so that each tile must be
     * programmed by one shard, in row order: with IR drop on the verify reads, a read of one row sees
     * the bit lines loaded by every other row's devices (the wires' model), so a row's outcome depends
     * on which rows were programmed before it. Tiles still run in parallel.
     */
    static boolean rowsCoupled(org.xbarsim.engine.hw.ChipConfig chip) {
        return chip.periphery().wires().present() && chip.periphery().wires().verifyReads();
    }

    private static long work(TileJob job) {
        return (long) job.rows() * job.cols();
    }
}
