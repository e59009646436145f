package org.xbarsim.engine.life;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.CompensationRead;
import org.xbarsim.api.event.Evaluated;
import org.xbarsim.api.event.NetworkLoaded;
import org.xbarsim.api.event.Refreshed;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.fixtures.DriftingDevices;
import org.xbarsim.engine.fixtures.ProductWorkload;
import org.xbarsim.engine.fixtures.TopUpPolicy;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.trace.EventPrints;
import org.xbarsim.engine.trace.Recording;
import org.xbarsim.engine.trace.TraceFormat;

/**
 * A working life against hand calculations. The chip: 1 GHz, 8x8 tiles, SET 200 cycles, RESET 50 a
 * line, integration 100, a 10-bit SAR ADC at a cycle a bit (a verified SET: 310 cycles, a read: 110).
 * The network ({@link ProductWorkload}): 16x8 weights w = (i + o) mod 6 on two tiles, targets 9 w uS; the
 * devices ({@link DriftingDevices}) step exactly 1 uS of GP (3 uS of W) a pulse and drift as
 * (t / 20 s)^-0.05, all alike; the policy ({@link TopUpPolicy}) RESETs, then pulses GP until each read is
 * within 1.5 uS of its target, 3 w pulses for weight w (every row has a 5: 15 verified SETs a row).
 */
class ChipLifeTest {
    private static final double DAY = 86_400;
    /** What one day does to every device. */
    private static final double D = Math.pow(DAY / 20, -0.05);
    /** A row programmed from RESET, and a tile of 8 of them, in cycles. */
    private static final long ROW = 4 * 50 + 15 * 310;
    private static final long TILE = 8 * ROW;
    /** A compensation read: 8 rows of a tile, each integrated and converted (tiles in parallel). */
    private static final long READ = 8 * 110;

    @TempDir
    Path dir;

    private final PluginCatalog catalog = PluginCatalog.of(List.of(new DriftingDevices()),
            List.of(new TopUpPolicy()), List.of(new ProductWorkload()));

    private static final String BASE = """
            seed: 3
            chip:
              tile:
                rows: 8
                cols: 8
            device:
              impl: drifting
            programming:
              impl: top-up
            workload:
              impl: product
            inference:
              batch: 4
            lifecycle:
              requestRate: 100Hz
              evaluation:
                samples: 16
            """;

    private RunSummary run(int threads, String... overrides) throws IOException {
        return run(threads, null, overrides);
    }

    private RunSummary run(int threads, Recording recording, String... overrides) throws IOException {
        return run(threads, recording, RunListener.NONE, overrides);
    }

    private RunSummary run(int threads, Recording recording, RunListener listener, String... overrides)
            throws IOException {
        Path file = dir.resolve("life.yaml");
        Files.writeString(file, BASE);
        Simulator simulator = new Simulator(catalog);
        return simulator.run(simulator.prepare(new ScenarioLoader(catalog).load(file, List.of(overrides), null)),
                threads, listener, recording);
    }

    private static LifecycleResult.Life life(RunSummary summary) {
        return summary.lifecycle().life();
    }

    /** Sum of the weights w, and how many are not 0. */
    private static int[] weights() {
        int sum = 0;
        int nonzero = 0;
        for (double w : ProductWorkload.weights("shift0")) {
            sum += (int) w;
            nonzero += w != 0 ? 1 : 0;
        }
        return new int[] {sum, nonzero};
    }

    /**
     * Without compensation until the first read: exact at 10 s (no drift before t0 = 20 s), every sample
     * wrong at 22 min (every weight down to 0.81 of itself, 19% off where 5% of the largest weight passes),
     * right again at 2 d once the read of day 1 has measured the drift: the factor in force is 1 / D(1 d),
     * and a day more of drift takes only 2^-0.05 = 0.966 of it away (the life ends at 2 d: no read then).
     */
    @Test
    void compensationReadsBringTheDriftedNetworkBack() throws IOException {
        RunSummary s = run(2, "lifecycle.duration=2d", "lifecycle.evaluation.points=3", "lifecycle.evaluation.first=10s",
                "lifecycle.compensation.every=1d");
        LifecycleResult.Life life = life(s);
        List<LifecycleResult.Evaluation> e = life.evaluations();
        assertEquals(10, e.get(0).seconds());
        assertEquals(Math.sqrt(10 * 2 * DAY), e.get(1).seconds(), 1e-6, "log-spaced: the geometric mean");
        assertEquals(2 * DAY, e.get(2).seconds());
        assertEquals(1.0, e.get(0).accuracy());
        assertEquals(0.0, e.get(1).accuracy());
        assertEquals(1.0, e.get(2).accuracy());
        assertEquals(List.of(1.0, 1.0), List.of(e.get(0).compensation().get(0), e.get(1).compensation().get(0)));
        assertEquals(1 / D, e.get(2).compensation().get(0), 1e-12);
        assertEquals(1, life.activities().compensations());
        assertEquals(0, life.activities().refreshes());
        assertNull(s.inference(), "a life replaces the single reading");
    }

    /**
     * Down time and energy: the first programming takes its tiles' 8 rows of RESET and 15 verified SETs
     * (in parallel); the compensation read of day 1 8 rows of 110 cycles. Serving: 100 requests a second at the
     * flat model's 68.8 pJ a sample (per tile 4 x 64 device reads at 0.1 pJ, 8 conversions at 1 pJ, 8
     * rows driven at 0.1 pJ), for the time online. A read costs 16 rows of 32 device reads, 8
     * conversions and a drive: 11.3 pJ a row.
     */
    @Test
    void availabilityAndEnergyAreTheActivitiesTimesAndCosts() throws IOException {
        LifecycleResult.Life life = life(run(2, "lifecycle.duration=2d", "lifecycle.evaluation.points=2",
                "lifecycle.compensation.every=1d"));
        LifecycleResult.Availability a = life.availability();
        assertEquals(TILE * 1e-9, a.firstProgrammingSeconds(), 1e-18);
        assertEquals(READ * 1e-9, a.compensationSeconds(), 1e-18);
        assertEquals(READ * 1e-9, a.downSeconds(), 1e-18);
        assertEquals(1 - READ * 1e-9 / (2 * DAY), a.availability(), 1e-15);
        assertEquals(100 * READ * 1e-9, a.requestsMissed(), 1e-12);
        double sample = 2 * (4 * 64 * 0.1 + 8 * 1 + 8 * 0.1) * 1e-12;
        for (LifecycleResult.Evaluation e : life.evaluations()) {
            assertEquals(sample, e.energyJoulesPerSample(), 1e-24);
            assertEquals(255 + 100 + 10, e.latencySeconds() * 1e9, 1e-6, "one 8-bit pulse-width multiply");
        }
        assertEquals(100 * (2 * DAY - READ * 1e-9) * sample, life.energy().servingJoules(), 1e-15);
        assertEquals(16 * (32 * 0.1 + 8 + 0.1) * 1e-12, life.energy().compensationJoules(), 1e-24);
        int[] w = weights();
        // The first programming: 512 devices RESET at 50 pJ, GP pulsed 3 w times at 10 pJ; 16 rows read 15 times.
        assertEquals((512 * 50 + 3.0 * w[0] * 10 + 16 * 15 * 11.3) * 1e-12, life.energy().firstProgrammingJoules(),
                1e-21);
        assertEquals(512, life.endurance().devices());
        assertEquals((512 + 3.0 * w[0]) / 512, life.endurance().meanPulses(), 1e-12);
        assertEquals(16, life.endurance().maxPulses());
    }

    /**
     * A refresh a day in: every weight but the zeros has lost 1 - D = 34% and is out of tolerance; the
     * policy tops weight w up with exactly w pulses (ceil((9 w (1 - D) - 1.5) / 3) = w for w = 1..5), rows
     * of a host read, the policy's read and 5 verified SETs. The read right after measures
     * 9 / (9 D + 3) (the refreshed weights are 9 w D + 3 w, fresh), which makes every weight exact again
     * (read 10 s later, before the fresh devices drift).
     */
    @Test
    void aRefreshTopsUpTheWeightsThatLeftToleranceAndTheReadAfterItRescales() throws IOException {
        LifecycleResult.Life life = life(run(2, "lifecycle.duration=86410s", "lifecycle.evaluation.points=2",
                "lifecycle.compensation.every=1d", "lifecycle.refresh.every=1d"));
        int[] w = weights();
        assertEquals(1, life.activities().refreshes());
        assertEquals(w[1], life.activities().weightsRefreshed());
        assertEquals(8 * (110 + 110 + 5 * 310) * 1e-9, life.availability().refreshSeconds(), 1e-18);
        assertEquals((512 + 4.0 * w[0]) / 512, life.endurance().meanPulses(), 1e-12);
        assertEquals(1 + 4 * 5, life.endurance().maxPulses());
        LifecycleResult.Evaluation end = life.evaluations().get(1);
        assertEquals(9 / (9 * D + 3), end.compensation().get(0), 1e-12);
        assertEquals(1.0, end.accuracy());
        assertTrue(life.refreshes());
    }

    /** A policy that pulses a column the refresh did not give it fails the run, named. */
    @Test
    void aRefreshThatPulsesAnotherColumnIsRefused() {
        PluginFailure f = assertThrows(PluginFailure.class, () -> run(1, "lifecycle.duration=2d",
                "lifecycle.refresh.every=1d", "programming.stray=yes"));
        assertTrue(f.getMessage().contains("top-up"), f.getMessage());
    }

    /**
     * A new network a day in, programmed from RESET as the first was (15 verified SETs a row: the shifted
     * weights still have a 5 in every row): offline for one first programming's time; read 10 s after
     * (before drift starts), it is the new network, exact; every device has taken both programmings'
     * pulses, GP 3 w of each network's w.
     */
    @Test
    void aNewNetworkIsLoadedOverTheOld() throws IOException {
        LifecycleResult.Life life = life(run(2, "lifecycle.duration=86410s", "lifecycle.evaluation.points=2",
                "lifecycle.evaluation.first=10s", "lifecycle.compensation.every=0s", "lifecycle.swap.at=1d",
                "lifecycle.swap.model=shift1"));
        assertEquals(TILE * 1e-9, life.availability().swapSeconds(), 1e-18);
        assertEquals(1, life.activities().swaps());
        assertEquals(DAY, life.swapSeconds());
        assertEquals(List.of(0, 1), life.evaluations().stream().map(LifecycleResult.Evaluation::network).toList());
        assertEquals(List.of(1.0, 1.0), life.evaluations().stream().map(LifecycleResult.Evaluation::accuracy).toList());
        double shifted = 0;
        for (double w : ProductWorkload.weights("shift1")) {
            shifted += w;
        }
        assertEquals((2 * 512 + 3.0 * weights()[0] + 3 * shifted) / 512, life.endurance().meanPulses(), 1e-12);
    }

    /** The same summary on one thread and on two, a recorded life replays event by event. */
    @Test
    void aLifeIsTheSameOnOneAndTwoThreadsAndRecordsItsEvents() throws IOException {
        String[] life = {"lifecycle.duration=2d", "lifecycle.evaluation.points=3", "lifecycle.compensation.every=1d",
            "lifecycle.refresh.every=1d", "lifecycle.refresh.baseline=on", "lifecycle.swap.at=36h"};
        EventPrints first = new EventPrints();
        List<SpecificRecord> timeline = new ArrayList<>();
        RunSummary one = run(1, new Recording(TraceFormat.Level.ROW, e -> {
            first.accept(e);
            if (e instanceof Evaluated || e instanceof CompensationRead || e instanceof Refreshed
                    || e instanceof NetworkLoaded) {
                synchronized (timeline) {
                    timeline.add(e);
                }
            }
        }), life);
        EventPrints second = new EventPrints();
        RunSummary two = run(2, new Recording(TraceFormat.Level.ROW, second), life);
        assertEquals(one.withoutWallClock().toJson(), two.withoutWallClock().toJson());
        assertNull(EventPrints.firstDivergence(first, second));
        // Evaluations at 1 s, 416 s and 2 d; at 1 d a refresh, then a read; the swap at 36 h.
        assertEquals(List.of("Evaluated", "Evaluated", "Refreshed", "CompensationRead", "NetworkLoaded", "Evaluated"),
                timeline.stream().map(e -> e.getSchema().getName()).toList());
        assertNotNull(one.lifecycle().withoutRefresh());
    }

    /**
     * A refresh on a trigger: the read of day 1 finds every weight but the zeros out of tolerance (a third
     * lost), a share nonzero / 128 of them; a trigger below that share refreshes right after the read, and
     * reads again after the refresh (two reads, the last one measuring 9 / (9 D + 3) as above); a trigger
     * at that share exactly, or above it, does not.
     */
    @Test
    void aCompensationReadThatFindsTooManyWeightsOutOfToleranceTriggersARefresh() throws IOException {
        int[] w = weights();
        String[] life = {"lifecycle.duration=86410s", "lifecycle.evaluation.points=2", "lifecycle.compensation.every=1d"};
        LifecycleResult.Life triggered = life(run(2, concat(life, "lifecycle.refresh.trigger=" + (w[1] - 1) / 128.0)));
        assertEquals(1, triggered.activities().refreshes());
        assertEquals(2, triggered.activities().compensations());
        assertEquals(w[1], triggered.activities().weightsRefreshed());
        assertEquals(9 / (9 * D + 3), triggered.evaluations().get(1).compensation().get(0), 1e-12);
        assertEquals(1.0, triggered.evaluations().get(1).accuracy());
        LifecycleResult.Life atTheShare = life(run(2, concat(life, "lifecycle.refresh.trigger=" + w[1] / 128.0)));
        assertEquals(0, atTheShare.activities().refreshes());
        assertEquals(1, atTheShare.activities().compensations());
        assertEquals(1 / D, atTheShare.evaluations().get(1).compensation().get(0), 1e-12);
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }

    /**
     * The life's progress is told at each activity, in time order, against the life's length: evaluations at
     * 10 s, sqrt(10 s x 2 d) and 2 d, the compensation read at 1 d.
     */
    @Test
    void theLifesProgressIsToldAtEachActivity() throws IOException {
        List<double[]> told = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void rowFinished(org.xbarsim.api.event.RowFinished row) {
            }

            @Override
            public void lifeProgress(double seconds, double duration) {
                told.add(new double[] {seconds, duration});
            }
        };
        run(1, null, listener, "lifecycle.duration=2d", "lifecycle.evaluation.points=3",
                "lifecycle.evaluation.first=10s", "lifecycle.compensation.every=1d");
        double[] expected = {10, Math.sqrt(10 * 2 * DAY), DAY, 2 * DAY};
        assertEquals(expected.length, told.size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], told.get(k)[0], 1e-6, "activity " + k);
            assertEquals(2 * DAY, told.get(k)[1]);
        }
    }

    /**
     * A refresh 30 s in: drift has taken 1 - (30 / 20)^-0.05 = 2% of each weight, at most 0.9 uS of 45 uS,
     * within the 1.5 uS tolerance: every row is read (8 host reads of 110 cycles a tile, the tiles in
     * parallel) and nothing is programmed; no device takes another pulse.
     */
    @Test
    void aRefreshThatFindsEveryWeightWithinToleranceOnlyReads() throws IOException {
        String[] without = {"lifecycle.duration=40s", "lifecycle.evaluation.points=1", "lifecycle.evaluation.first=35s",
            "lifecycle.compensation.every=0s"};
        java.util.Map<String, Integer> before = new java.util.TreeMap<>();
        java.util.Map<String, Integer> after = new java.util.TreeMap<>();
        run(1, new Recording(TraceFormat.Level.ROW, e -> count(before, e)), without);
        LifecycleResult.Life life = life(run(1, new Recording(TraceFormat.Level.ROW, e -> count(after, e)),
                concat(without, "lifecycle.refresh.every=30s")));
        // A trace of the refresh holds its 16 reads, each with its outcome.
        assertEquals(before.get("RowOp") + 16, after.get("RowOp"));
        assertEquals(before.get("RowResult") + 16, after.get("RowResult"));
        assertEquals(1, life.activities().refreshes());
        assertEquals(0, life.activities().weightsRefreshed());
        assertEquals(8 * 110 * 1e-9, life.availability().refreshSeconds(), 1e-18);
        assertEquals((512 + 3.0 * weights()[0]) / 512, life.endurance().meanPulses(), 1e-12);
        assertEquals(1.0, life.evaluations().get(0).accuracy());
    }

    /**
     * A trace tells the life's activities as the summary sums them: each event's cycles and energy are
     * the offline time and energy the section reports for that activity, the refreshed weights its count.
     */
    @Test
    void theEventsOfALifeCarryTheTimesAndEnergiesTheSummarySums() throws IOException {
        List<SpecificRecord> events = new ArrayList<>();
        RunSummary s = run(1, new Recording(TraceFormat.Level.SUMMARY, e -> {
            synchronized (events) {
                events.add(e);
            }
        }), "lifecycle.duration=2d", "lifecycle.evaluation.points=2", "lifecycle.compensation.every=1d",
                "lifecycle.refresh.every=1d", "lifecycle.swap.at=36h");
        LifecycleResult.Life life = life(s);
        double readCycles = 0;
        double readEnergy = 0;
        double refreshCycles = 0;
        double refreshEnergy = 0;
        long refreshed = 0;
        List<NetworkLoaded> loads = new ArrayList<>();
        for (SpecificRecord e : events) {
            if (e instanceof CompensationRead c) {
                readCycles += c.getCycles();
                readEnergy += c.getEnergyPicojoules();
            } else if (e instanceof Refreshed r) {
                refreshCycles += r.getCycles();
                refreshEnergy += r.getEnergyPicojoules();
                refreshed += r.getWeights();
            } else if (e instanceof NetworkLoaded n) {
                loads.add(n);
            }
        }
        assertEquals(life.availability().compensationSeconds(), readCycles * 1e-9, 1e-18);
        assertEquals(life.energy().compensationJoules(), readEnergy * 1e-12, 1e-24);
        assertEquals(life.availability().refreshSeconds(), refreshCycles * 1e-9, 1e-18);
        assertEquals(life.energy().refreshJoules(), refreshEnergy * 1e-12, 1e-24);
        assertEquals(life.activities().weightsRefreshed(), refreshed);
        assertEquals(1, loads.size());
        assertEquals(1, loads.get(0).getNetwork());
        assertEquals(TILE, loads.get(0).getCycles(), "a new network programmed from RESET as the first");
        assertEquals(life.energy().swapJoules(), loads.get(0).getEnergyPicojoules() * 1e-12, 1e-24);
        assertTrue(life.energy().swapJoules() > 0);
    }

    /**
     * After a new network is loaded, a compensation read compares with the new network's fresh sums: a day
     * after the swap, every device it programmed has drifted by D, so the factor is 1 / D (to the 9 us the
     * swap took, a part in 10^10 of the day).
     */
    @Test
    void aCompensationReadAfterASwapComparesWithTheNewNetwork() throws IOException {
        LifecycleResult.Life life = life(run(2, "lifecycle.duration=172810s", "lifecycle.evaluation.points=2",
                "lifecycle.compensation.every=1d", "lifecycle.swap.at=1d", "lifecycle.swap.model=shift1"));
        LifecycleResult.Evaluation end = life.evaluations().get(1);
        assertEquals(1, end.network());
        assertEquals(1 / D, end.compensation().get(0), 1e-6);
        assertEquals(1.0, end.accuracy());
    }

    /**
     * The factors of the read before a swap were the old network's: the new one starts uncompensated, and
     * an evaluation 4 h after the swap (before the next read) sees factor 1.
     */
    @Test
    void aNewNetworkStartsWithoutTheOldOnesCompensation() throws IOException {
        LifecycleResult.Life life = life(run(2, "lifecycle.duration=40h", "lifecycle.evaluation.points=2",
                "lifecycle.compensation.every=1d", "lifecycle.swap.at=36h"));
        assertEquals(1, life.activities().compensations());
        LifecycleResult.Evaluation end = life.evaluations().get(1);
        assertEquals(1, end.network());
        assertEquals(List.of(1.0), end.compensation());
    }

    private static void count(java.util.Map<String, Integer> kinds, SpecificRecord e) {
        synchronized (kinds) {
            kinds.merge(e.getSchema().getName(), 1, Integer::sum);
        }
    }
}
