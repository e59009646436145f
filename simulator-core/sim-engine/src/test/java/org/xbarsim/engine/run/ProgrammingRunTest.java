package org.xbarsim.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.engine.fixtures.ForgetfulPolicy;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.SharedHardware;
import org.xbarsim.engine.stats.TileStatistics;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryBuilder;

/**
 * Whole programming runs of small matrices with the ideal test device and the step policy, whose every
 * operation a test can predict: unit SET steps of 3 uS of W (GP, F = 3) until a column's read is within
 * 1.5 uS of its target. The chip: 8x8 tiles, SET 200 cycles, RESET 50 cycles a line, integration 100
 * cycles, a 12-bit ADC at a cycle a bit: a verified SET takes 200 + 100 + 12 = 312 cycles.
 */
class ProgrammingRunTest {
    private static final ChipConfig CHIP = new ChipConfig(1e9, 8, 8, 3, 12, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1,
            0.1);
    private static final long VERIFIED_SET = 200 + 100 + 12;
    private static final long RESET_ROW = 4 * 50;

    private static Parameters defaults(List<ParameterSpec> specs, Map<String, String> overrides) {
        return Parameters.of(specs, overrides.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
    }

    /** The 20x12 matrix of w = (i % 7) - 1 over 8x8 tiles: a 3x2 grid with partial tiles at the edges. */
    private static List<TileJob> grid() {
        double[] w = new double[20 * 12];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 7) - 1;
        }
        return WeightMapper.map(List.of(new WeightLayer("m", 20, 12, w)), 8, 8, 3, 15);
    }

    /** A 16x8 matrix whose two 8x8 tiles hold the same weights. */
    private static List<TileJob> twins() {
        double[] w = new double[16 * 8];
        for (int i = 0; i < w.length; i++) {
            w[i] = ((i % 64) % 7) - 1;
        }
        return WeightMapper.map(List.of(new WeightLayer("twins", 16, 8, w)), 8, 8, 3, 15);
    }

    private record Outcome(RunResult result, List<Long> rowsHeard) {
    }

    private static Outcome run(ChipConfig chip, List<TileJob> jobs, ProgrammingPolicy policy, Map<String, String> knobs,
                               IdealDevices device, double readVariance, int threads, int shards, Vertx vertx) {
        RunPlan plan = new RunPlan(chip, device, defaults(device.parameters(),
                Map.of("readVariance", Double.toString(readVariance))), policy, defaults(policy.parameters(), knobs),
                new RandomStreams(1), 0.9);
        List<Long> rows = new ArrayList<>();
        RunResult r = ProgrammingRun.execute(vertx, plan, jobs, threads, shards, row -> {
            synchronized (rows) {
                rows.add((long) row.getRow());
            }
        }, null);
        return new Outcome(r, rows);
    }

    private static RunResult run(int threads, Map<String, String> policy) {
        return run(threads, policy, new IdealDevices());
    }

    private static RunResult run(int threads, Map<String, String> policy, IdealDevices device) {
        Outcome o = run(CHIP, grid(), new StepPolicy(), policy, device, 0, threads, 0, null);
        assertEquals(20 * 2, o.rowsHeard().size(), "one RowFinished event per tile row, all heard before the end");
        return o.result();
    }

    /**
     * The step policy's pulses for a target T: unit steps of 3 uS until the read is within 1.5 uS,
     * ceil((T - 1.5) / 3) of them (0 for T <= 1.5), as the noiseless 12-bit read sees it.
     */
    private static int pulses(double target) {
        return target <= 1.5 ? 0 : (int) Math.ceil((target - 1.5) / 3);
    }

    /** A row on its own: its RESET, then as many verified SETs as its slowest column needs. */
    private static long rowCycles(TileJob job, int row) {
        int most = 0;
        for (int c = 0; c < job.cols(); c++) {
            most = Math.max(most, pulses(job.targets()[row * job.cols() + c]));
        }
        return RESET_ROW + most * VERIFIED_SET;
    }

    private static long tileCycles(TileJob job) {
        long sum = 0;
        for (int r = 0; r < job.rows(); r++) {
            sum += rowCycles(job, r);
        }
        return sum;
    }

    @Test
    void splitsTheMatrixOverTilesAndProgramsEveryWeight() {
        RunResult r = run(2, Map.of());
        assertEquals(6, r.tiles().size());
        long weights = r.tiles().stream().mapToLong(t -> t.weights).sum();
        assertEquals(240, weights);
        // Targets are w * 45 / 5 = -9, 0, 9, ..., 45 uS. Ideal unit steps on GP (3 uS of W each) land
        // every non-negative target exactly; this policy never pulses GM, so the 35 weights with
        // w = -1 (i % 7 == 0) stay at 0 and miss by 9 uS.
        long succeeded = r.tiles().stream().mapToLong(t -> t.succeeded).sum();
        assertEquals(240 - 35, succeeded);
        assertTrue(r.busEvents() > 0);
    }

    @Test
    void withNothingSharedEachTileTakesTheSumOfItsRowsAsTheTileSequencerGaveBefore() {
        List<TileJob> jobs = grid();
        RunResult r = run(2, Map.of());
        // What the per-tile sequencer of xbarsim before the chip timeline reported for these tiles
        // (noiseless reads, so no random draw matters): each the sum of its rows.
        long[] before = {39040, 31552, 39040, 33424, 19520, 15776};
        long[] hand = new long[jobs.size()];
        for (int t = 0; t < jobs.size(); t++) {
            hand[t] = tileCycles(jobs.get(t));
            assertEquals(hand[t], r.tiles().get(t).cycles, "tile " + t);
        }
        assertArrayEquals(before, hand);
        assertArrayEquals(before, r.timeline().tileEnds());
        assertEquals(39040, r.timeline().endCycle());
        assertTrue(r.timeline().resources().isEmpty());
    }

    @Test
    void aSupplyForHalfARowsDevicesAddsExactlyItsSubPulses() {
        // A budget of 4 devices, half of a row's 8 on one line: each RESET line (8 devices) runs as two
        // sub-pulses, +50 cycles a line, and each SET that enables more than 4 columns as two, +200.
        List<TileJob> jobs = grid();
        ChipConfig half = CHIP.withShared(new SharedHardware(0, 1, 4, 1, SharedHardware.Overflow.QUEUE, 1));
        RunResult r = run(half, jobs, new StepPolicy(), Map.of(), new IdealDevices(), 0, 2, 0, null).result();
        for (int t = 0; t < jobs.size(); t++) {
            TileJob job = jobs.get(t);
            long extra = 0;
            for (int row = 0; row < job.rows(); row++) {
                extra += job.cols() > 4 ? 4 * 50 : 0;
                int[] need = new int[job.cols()];
                int most = 0;
                for (int c = 0; c < job.cols(); c++) {
                    need[c] = pulses(job.targets()[row * job.cols() + c]);
                    most = Math.max(most, need[c]);
                }
                for (int k = 1; k <= most; k++) {
                    int enabled = 0;
                    for (int n : need) {
                        enabled += n >= k ? 1 : 0;
                    }
                    extra += enabled > 4 ? 200 : 0;
                }
            }
            assertEquals(tileCycles(job) + extra, r.timeline().tileEnds()[t], "tile " + t);
        }
        assertEquals(jobs.size(), r.timeline().resources().size(), "a supply per tile");
    }

    @Test
    void anAdcBankSharedByTwoTilesDelaysTheSecondByOneConversion() {
        List<TileJob> jobs = twins();
        assertArrayEquals(jobs.get(0).targets(), jobs.get(1).targets());
        long alone = tileCycles(jobs.get(0));
        RunResult own = run(CHIP, jobs, new StepPolicy(), Map.of(), new IdealDevices(), 0, 2, 0, null).result();
        assertArrayEquals(new long[] {alone, alone}, own.timeline().tileEnds());
        // Sharing: both tiles' first verify reads want the bank together; tile 1's conversion (12 bits,
        // 12 cycles) waits for tile 0's, and from then on runs 12 cycles behind without waiting again.
        ChipConfig shared = CHIP.withShared(new SharedHardware(0, 1, 0, 1, SharedHardware.Overflow.QUEUE, 2));
        RunResult r = run(shared, jobs, new StepPolicy(), Map.of(), new IdealDevices(), 0, 2, 0, null).result();
        assertArrayEquals(new long[] {alone, alone + 12}, r.timeline().tileEnds());
        assertEquals(alone + 12, r.timeline().endCycle());
        assertEquals(12, r.timeline().resources().get(0).waitCycles());
    }

    @Test
    void withSharedHardwareResultsAreIdenticalOnOneAndTwoThreadsAndAnySharding() {
        ChipConfig busy = CHIP.withShared(new SharedHardware(7, 2, 6, 3, SharedHardware.Overflow.SPLIT, 2));
        Map<String, String> none = Map.of();
        RunSummary reference = summary(run(busy, grid(), new StepPolicy(), none,
                new IdealDevices(), 0.5, 1, 1, null).result()).withoutWallClock();
        assertTrue(reference.programming().resources().stream().anyMatch(r -> r.waited() > 0),
                "requests did wait: the sharing is in play");
        for (int[] threadsAndShards : new int[][] {{2, 0}, {2, 3}, {1, 0}, {2, 5}}) {
            RunSummary other = summary(run(busy, grid(), new StepPolicy(), none,
                    new IdealDevices(), 0.5, threadsAndShards[0], threadsAndShards[1], null).result()).withoutWallClock();
            assertEquals(reference.toJson(), other.toJson(),
                    threadsAndShards[0] + " threads, " + threadsAndShards[1] + " shards a tile");
        }
    }

    @Test
    void aTileProgrammedInDifferentShardingsHoldsTheSameBits() {
        // Read noise on, so every decision depends on the random streams: only per-row streams and
        // per-row policy state give the same conductances however the rows are shared out.
        List<long[]> bits = new ArrayList<>();
        for (int shards : new int[] {1, 2, 3, 8}) {
            bits.add(conductanceBits(run(CHIP, grid(), new StepPolicy(), Map.of(), new IdealDevices(), 0.5, 2, shards,
                    null).result()));
        }
        for (int i = 1; i < bits.size(); i++) {
            assertArrayEquals(bits.get(0), bits.get(i), "sharding " + i);
        }
    }

    @Test
    void aPolicyThatKeepsStateAcrossRowsIsToldApartBySharding() {
        long[] one = conductanceBits(run(CHIP, grid(), new ForgetfulPolicy(), Map.of(), new IdealDevices(), 0, 2, 1,
                null).result());
        long[] three = conductanceBits(run(CHIP, grid(), new ForgetfulPolicy(), Map.of(), new IdealDevices(), 0, 2, 3,
                null).result());
        assertFalse(java.util.Arrays.equals(one, three), "a budget that shrinks per row seen depends on the sharding");
    }

    private static long[] conductanceBits(RunResult r) {
        List<Long> bits = new ArrayList<>();
        for (CrossbarTile t : r.programmed()) {
            for (double g : t.devices().conductances()) {
                bits.add(Double.doubleToRawLongBits(g));
            }
        }
        return bits.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void runsOnTheCallersVertxAndLeavesItRunning() {
        Vertx vertx = Vertx.vertx();
        try {
            RunResult a = run(CHIP, grid(), new StepPolicy(), Map.of(), new IdealDevices(), 0.5, 2, 0, vertx).result();
            RunResult b = run(CHIP, grid(), new StepPolicy(), Map.of(), new IdealDevices(), 0.5, 2, 0, null).result();
            assertEquals(summary(b).withoutWallClock().toJson(), summary(a).withoutWallClock().toJson());
            assertTrue(vertx.deploymentIDs().isEmpty(), "the run takes its verticles away");
            // Still usable: a second run on the same instance, its addresses its own.
            RunResult c = run(CHIP, grid(), new StepPolicy(), Map.of(), new IdealDevices(), 0.5, 2, 0, vertx).result();
            assertEquals(summary(a).withoutWallClock().toJson(), summary(c).withoutWallClock().toJson());
        } finally {
            Futures.await(vertx.close());
        }
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        RunSummary one = summary(run(1, Map.of()));
        RunSummary two = summary(run(2, Map.of()));
        assertEquals(one.withoutWallClock().toJson(), two.withoutWallClock().toJson());
    }

    @Test
    void aPolicyThatThrowsStopsTheRunNamingThePolicyTileAndRow() {
        PluginFailure e = assertThrows(PluginFailure.class, () -> run(2, Map.of("failOnRow", "3")));
        assertTrue(e.getMessage().contains("policy step") && e.getMessage().contains("row 3"), e.getMessage());
    }

    @Test
    void anErrorThrownByAPolicyIsAPluginFailureToo() {
        // What a plugin jar missing a class raises: an Error, not an exception, and still the plugin's.
        PluginFailure e = assertThrows(PluginFailure.class, () -> run(2, Map.of("failOnRow", "2", "failWith",
                "error")));
        assertTrue(e.getMessage().contains("policy step") && e.getMessage().contains("row 2")
                && e.getMessage().contains("NoClassDefFoundError"), e.getMessage());
    }

    @Test
    void aDeviceThatThrowsWhileFabricatingStopsTheRunNamingTheDeviceAndTile() {
        IdealDevices broken = new IdealDevices() {
            @Override
            public org.xbarsim.api.device.DeviceArray fabricate(Parameters p, int count,
                                                                org.xbarsim.api.random.RandomStream r) {
                throw new IllegalArgumentException("no such preset file");
            }
        };
        PluginFailure e = assertThrows(PluginFailure.class, () -> run(2, Map.of(), broken));
        assertTrue(e.getMessage().startsWith("device ideal failed fabricating tile ")
                && e.getMessage().contains("no such preset file"), e.getMessage());
    }

    @Test
    void theTimelinePublishesEachRowsEndAndItsLengthInClockOrder() {
        List<TileJob> jobs = twins();
        List<org.xbarsim.api.event.RowFinished> heard = new ArrayList<>();
        RunPlan plan = new RunPlan(CHIP, new IdealDevices(), defaults(new IdealDevices().parameters(), Map.of()),
                new StepPolicy(), defaults(new StepPolicy().parameters(), Map.of()), new RandomStreams(1), 0.9);
        RunResult r = ProgrammingRun.execute(null, plan, jobs, 2, 0, row -> {
            synchronized (heard) {
                heard.add(row);
            }
        }, null);
        assertEquals(16, heard.size());
        long last = 0;
        long[] ends = new long[2];
        for (org.xbarsim.api.event.RowFinished f : heard) {
            assertTrue(f.getCycle() >= last, "clock order");
            last = f.getCycle();
            assertEquals(rowCycles(jobs.get(f.getTile()), f.getRow()), f.getCycles(), "row " + f.getRow());
            assertEquals(ends[f.getTile()] + f.getCycles(), f.getCycle(), "rows of a tile back to back");
            ends[f.getTile()] = f.getCycle();
            assertEquals(0, f.getWaitCycles());
            assertEquals(8, f.getWeights());
        }
        // A message per row operation (each row: a RESET, then its SETs), per finished row, and the end.
        long operations = 0;
        for (TileStatistics t : r.tiles()) {
            operations += t.rows + t.setOps;
        }
        assertEquals(operations + 16 + 1, r.busEvents());
        assertTrue(r.wallSeconds() > 0);
        assertTrue(r.busShare() >= 0 && r.busShare() <= 1, "bus share " + r.busShare());
        assertTrue(r.pauseShare() >= 0 && r.pauseShare() <= 1, "pause share " + r.pauseShare());
        assertEquals(2, r.threads());
    }

    @Test
    void statisticsAddUpRowByRow() {
        RunResult r = run(2, Map.of());
        TileStatistics t = r.tiles().get(0);
        assertEquals(8, t.rows);
        assertEquals(64, t.weights);
        // Every row: 4 RESET line operations, 15 SETs each with its read (the slowest column's 45 uS).
        assertEquals(8 * 4, t.resetOps);
        assertEquals(8 * 15, t.setOps);
        assertEquals(8 * 15, t.readOps);
        long histogram = java.util.Arrays.stream(t.histogram.counts()).sum() + t.histogram.below() + t.histogram.above();
        assertEquals(64, histogram, "every weight of the tile counted once, from every shard");
    }

    private static RunPlan plan(ChipConfig chip) {
        return new RunPlan(chip, new IdealDevices(), defaults(new IdealDevices().parameters(), Map.of()),
                new StepPolicy(), defaults(new StepPolicy().parameters(), Map.of()), new RandomStreams(1), 0.9);
    }

    /**
     * ADCs calibrated by the periphery: 32 reference conversions on each of a tile's 8 ADCs, 12 cycles
     * each (the ADCs in parallel: 384 cycles before the tile's first row) and 1 pJ each (256 pJ, charged
     * to row 0). A chip programmed again calibrates only when the run says so; its rows are otherwise alike.
     */
    @Test
    void aRunCalibratesItsAdcsFirstUnlessItProgramsTilesCalibratedBefore() {
        ChipConfig calibrating = CHIP.withPeriphery(new org.xbarsim.engine.hw.PeripheryConfig("sar", 12,
                new org.xbarsim.engine.converter.AdcErrors(0, 0, 0, 0, 0, true), org.xbarsim.engine.wire.Wires.NONE));
        List<TileJob> jobs = twins();
        RunResult[] again = new RunResult[2];
        for (int k = 0; k < 2; k++) {
            RunResult first = ProgrammingRun.execute(plan(calibrating), jobs, 1, RunListener.NONE);
            assertEquals(256, first.tiles().get(0).energy.calibration, 1e-9);
            assertEquals(384 + tileCycles(jobs.get(0)), first.timeline().tileEnds()[0]);
            again[k] = ProgrammingRun.execute(null, plan(calibrating), jobs, 1, 0, RunListener.NONE, null,
                    new Reprogramming(first.programmed(), "again", Double.NaN, k == 0));
        }
        assertEquals(256, again[0].tiles().get(1).energy.calibration, 1e-9);
        assertEquals(0, again[1].tiles().get(1).energy.calibration);
        assertEquals(256, again[0].tiles().get(1).energyPicojoules - again[1].tiles().get(1).energyPicojoules, 1e-6);
        assertEquals(384, again[0].timeline().endCycle() - again[1].timeline().endCycle());
    }

    /** The verify reads go through the tile's ADCs as built: offsets of 200 LSB (6 uS) change what the policy sees. */
    @Test
    void theVerifyReadsGoThroughTheTilesAdcs() {
        ChipConfig offset = CHIP.withPeriphery(new org.xbarsim.engine.hw.PeripheryConfig("sar", 12,
                new org.xbarsim.engine.converter.AdcErrors(200, 0, 0, 0, 0, false), org.xbarsim.engine.wire.Wires.NONE));
        long[] ideal = conductanceBits(ProgrammingRun.execute(plan(CHIP), twins(), 1, RunListener.NONE));
        long[] skewed = conductanceBits(ProgrammingRun.execute(plan(offset), twins(), 1, RunListener.NONE));
        assertFalse(java.util.Arrays.equals(ideal, skewed));
    }

    /**
     * What a recording gets at each level: the timeline's events (each row's end, then the end of programming
     * with the rows it counted), the row operations and their outcomes from the row level on, the targets at
     * the full level only. Taken off the caller's Vert.x after the run: a later run is not recorded.
     */
    @Test
    void aRecordingGetsWhatItsLevelAsksForAndOnlyDuringItsRun() {
        Vertx vertx = Vertx.vertx();
        try {
            for (org.xbarsim.engine.trace.TraceFormat.Level level : org.xbarsim.engine.trace.TraceFormat.Level.values()) {
                Map<String, Integer> kinds = new java.util.TreeMap<>();
                List<org.xbarsim.api.event.ProgrammingEnded> ends = new ArrayList<>();
                ProgrammingRun.execute(vertx, plan(CHIP), twins(), 2, 0, RunListener.NONE,
                        new org.xbarsim.engine.trace.Recording(level, e -> {
                            synchronized (kinds) {
                                kinds.merge(e.getSchema().getName(), 1, Integer::sum);
                                if (e instanceof org.xbarsim.api.event.ProgrammingEnded end) {
                                    ends.add(end);
                                }
                            }
                        }));
                assertEquals(16, kinds.get("RowFinished"), level.toString());
                assertEquals(1, ends.size());
                assertEquals(16, ends.get(0).getRows());
                boolean operations = level != org.xbarsim.engine.trace.TraceFormat.Level.SUMMARY;
                assertEquals(operations, kinds.containsKey("RowOp"), level.toString());
                assertEquals(operations, kinds.containsKey("RowResult"), level.toString());
                assertEquals(level == org.xbarsim.engine.trace.TraceFormat.Level.FULL ? Integer.valueOf(16) : null,
                        kinds.get("RowTargets"), level.toString());
                int heard = kinds.values().stream().mapToInt(Integer::intValue).sum();
                ProgrammingRun.execute(vertx, plan(CHIP), twins(), 2, 0, RunListener.NONE, null);
                assertEquals(heard, kinds.values().stream().mapToInt(Integer::intValue).sum(), "detached");
            }
        } finally {
            Futures.await(vertx.close());
        }
    }

    /** The wall time is the run's own, within the time the caller waited for it. */
    @Test
    void theWallTimeIsWithinTheCallersWait() {
        long start = System.nanoTime();
        RunResult r = ProgrammingRun.execute(plan(CHIP), twins(), 1, RunListener.NONE);
        double waited = (System.nanoTime() - start) / 1e9;
        assertTrue(r.wallSeconds() > 0 && r.wallSeconds() <= waited, r.wallSeconds() + " s of " + waited);
        assertTrue(r.busShare() + r.pauseShare() <= 1, "work, bus and pauses share the loops' time");
    }

    private static RunSummary summary(RunResult r) {
        return SummaryBuilder.build(new RunSummary.ScenarioRef("t", "t.yaml", 1), Map.of(), Map.of(),
                grid().size() == r.tiles().size() ? grid() : twins(), r, 0.9, null, "test");
    }
}
