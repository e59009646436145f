package org.xbarsim.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPlanTest {
    private static TileJob job(int tile, int rows, int cols) {
        return new TileJob(tile, 0, "m", 0, 0, rows, cols, new double[rows * cols], 1);
    }

    private static long[] loads(ShardPlan plan) {
        long[] load = new long[plan.byLoop().size()];
        for (int h = 0; h < load.length; h++) {
            for (ShardPlan.Shard s : plan.byLoop().get(h)) {
                load[h] += s.work();
            }
        }
        return load;
    }

    @Test
    void oneTileOnTwoLoopsIsCutIntoFourStridedShardsTwoALoop() {
        ShardPlan plan = ShardPlan.of(List.of(job(0, 512, 512)), 2, 0);
        // Each shard at most half a loop's fair share: 512 x 512 / (2 x 2) weights.
        assertEquals(4, plan.shards().size());
        for (ShardPlan.Shard s : plan.shards()) {
            assertEquals(4, s.of());
            assertEquals(128, s.rows());
            assertEquals(128L * 512, s.work());
            assertEquals(s.k(), s.row(0));
            assertEquals(s.k() + 4 * 127, s.row(127));
        }
        assertEquals(2, plan.byLoop().get(0).size());
        assertEquals(2, plan.byLoop().get(1).size());
        long[] load = loads(plan);
        assertEquals(load[0], load[1]);
    }

    @Test
    void tilesThatAlreadyBalanceStayWhole() {
        List<TileJob> four = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            four.add(job(t, 512, 512));
        }
        ShardPlan plan = ShardPlan.of(four, 2, 0);
        assertEquals(4, plan.shards().size());
        plan.shards().forEach(s -> assertEquals(1, s.of()));
        long[] load = loads(plan);
        assertEquals(2L * 512 * 512, load[0]);
        assertEquals(2L * 512 * 512, load[1]);
        // Longest first, each to the least-loaded loop, ties to the lower loop and the lower shard.
        assertEquals(List.of(0, 2), plan.byLoop().get(0).stream().map(ShardPlan.Shard::job).toList());
        assertEquals(List.of(1, 3), plan.byLoop().get(1).stream().map(ShardPlan.Shard::job).toList());
    }

    @Test
    void threeEqualTilesOnTwoLoopsAreHalvedSoTheLoopsEvenOut() {
        List<TileJob> three = List.of(job(0, 64, 64), job(1, 64, 64), job(2, 64, 64));
        ShardPlan plan = ShardPlan.of(three, 2, 0);
        assertEquals(6, plan.shards().size());
        long[] load = loads(plan);
        assertEquals(3L * 64 * 64 / 2, load[0]);
        assertEquals(load[0], load[1]);
    }

    @Test
    void unequalTilesGoLargestFirstToTheLeastLoadedLoop() {
        // 100 rows and 10 rows of 10 columns on one loop each way; one loop: never cut.
        ShardPlan one = ShardPlan.of(List.of(job(0, 10, 10), job(1, 100, 10)), 1, 0);
        assertEquals(2, one.shards().size());
        assertEquals(List.of(1, 0), one.byLoop().get(0).stream().map(ShardPlan.Shard::job).toList());
        ShardPlan two = ShardPlan.of(List.of(job(0, 10, 10), job(1, 100, 10)), 2, 0);
        // Target 1100 / 4 = 275 weights a shard: the big tile in 4 shards of 25 rows, the small one whole.
        assertEquals(5, two.shards().size());
        long[] load = loads(two);
        assertEquals(1100, load[0] + load[1]);
        assertEquals(500, Math.min(load[0], load[1]));
    }

    @Test
    void anExplicitShardingIsTakenAsGivenUpToOneShardARow() {
        ShardPlan plan = ShardPlan.of(List.of(job(0, 5, 8)), 2, 3);
        assertEquals(3, plan.shards().size());
        assertEquals(List.of(2, 2, 1), plan.shards().stream().map(ShardPlan.Shard::rows).toList());
        assertEquals(List.of(0, 1, 2), plan.shards().stream().map(ShardPlan.Shard::index).toList());
        assertEquals(5, ShardPlan.of(List.of(job(0, 5, 8)), 2, 9).shards().size());
        assertEquals(0, new ShardPlan.Shard(0, 0, 3, 4, 2, 0).rows(), "a shard past the tile's rows has none");
        assertThrows(IllegalArgumentException.class, () -> ShardPlan.of(List.of(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ShardPlan.of(List.of(), 1, -1));
    }

    /**
     * Each shard at most ceil(total / (2 loops)) weights: 4 weights on two loops, a shard a row (1 weight);
     * 25 weights, at most 7 a shard: 4 shards of the 5 rows. Every loop gets a list, busy or not.
     */
    @Test
    void theShareOfAShardIsRoundedUp() {
        ShardPlan four = ShardPlan.of(List.of(job(0, 4, 1)), 2, 0);
        assertEquals(4, four.shards().size());
        assertEquals(4, ShardPlan.of(List.of(job(0, 5, 5)), 2, 0).shards().size());
        assertEquals(3, ShardPlan.of(List.of(job(0, 8, 8)), 3, 0).byLoop().size());
        assertEquals(List.of(), ShardPlan.of(List.of(job(0, 1, 8)), 3, 0).byLoop().get(2), "one row, three loops");
    }

    /** Rows are coupled only by wires with resistance that the verify reads see. */
    @Test
    void rowsAreCoupledByResistiveWiresOnTheVerifyReads() {
        org.xbarsim.engine.hw.ChipConfig chip = new org.xbarsim.engine.hw.ChipConfig(1e9, 8, 8, 3, 10, 1, 60, 200,
                50, 100, 1, 1, 10, 50, 0.1, 1, 0.1);
        assertEquals(false, ShardPlan.rowsCoupled(chip));
        assertEquals(true, ShardPlan.rowsCoupled(chip.withPeriphery(new org.xbarsim.engine.hw.PeripheryConfig("sar",
                10, org.xbarsim.engine.converter.AdcErrors.NONE, new org.xbarsim.engine.wire.Wires(200, 200, true)))));
        assertEquals(false, ShardPlan.rowsCoupled(chip.withPeriphery(new org.xbarsim.engine.hw.PeripheryConfig("sar",
                10, org.xbarsim.engine.converter.AdcErrors.NONE, new org.xbarsim.engine.wire.Wires(200, 200, false)))));
    }
}
