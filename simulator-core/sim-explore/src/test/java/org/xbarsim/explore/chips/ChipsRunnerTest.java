package org.xbarsim.explore.chips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.Fixtures;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.runner.LocalRunner;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.runner.PointResult;
import org.xbarsim.explore.runner.PointRunner;
import org.xbarsim.explore.sweep.SweepPlan;
import org.xbarsim.explore.sweep.SweepTable;

/**
 * Points on several chips: each point's seeds are its own seed on, the listener hears a point start
 * and finish once, results come in point order with the chips' seeds, one chip is the plain runner.
 */
class ChipsRunnerTest {
    @TempDir
    Path dir;

    private final SimulatorHost host = Fixtures.host();

    @AfterEach
    void closeHost() {
        host.close();
    }

    /** What a listener heard: starts and finishes by point index, rows of every chip. */
    private static final class Heard implements PointListener {
        final Map<Integer, Long> started = Collections.synchronizedMap(new TreeMap<>());
        final List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        final List<RowFinished> rows = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void started(Point point, long rowsOfPoint) {
            assertNull(started.put(point.index(), rowsOfPoint), "point " + point.index() + " started twice");
        }

        @Override
        public void finished(PointResult r) {
            finished.add(r.point().index());
        }

        @Override
        public void rowFinished(RowFinished row) {
            rows.add(row);
        }
    }

    @Test
    void eachPointRunsOnItsChipsAndIsHeardOnce() {
        List<Point> points = List.of(new Point(0, Fixtures.scenario(dir), "first"),
                new Point(1, Fixtures.scenario(dir).withSeed(10).with("programming.budget", 3), "second"));
        Heard heard = new Heard();
        List<PointResult> results;
        try (ChipsRunner runner = new ChipsRunner(host.localRunner(2, 1), 3, host.loader())) {
            results = runner.run(points, heard);
            assertEquals("2 workers x 1 thread, 3 chips a point", runner.describe());
        }
        assertEquals(points, results.stream().map(PointResult::point).toList());
        assertEquals(List.of(1L, 2L, 3L), results.get(0).summary().chips().seeds(), "the scenario's seed 1 on");
        assertEquals(List.of(10L, 11L, 12L), results.get(1).summary().chips().seeds(), "the point's seed 10 on");
        assertEquals(1L, results.get(0).summary().scenario().seed(), "the figures beside the means are the first chip's");
        assertEquals(3, results.get(0).summary().chips().spread("programming.pfail").n());
        // The 12x10 matrix on 8x8 tiles: four tiles of 8, 4, 8 and 4 rows, 24 a chip, 72 for three.
        assertEquals(Map.of(0, 72L, 1, 72L), heard.started);
        assertEquals(List.of(0, 1), heard.finished.stream().sorted().toList());
        assertEquals(144, heard.rows.size(), "every chip's rows, told as they finish");
    }

    /** A real runner that also keeps what it was given and what it gave, and tells a few listener events first. */
    private static final class Recording implements PointRunner {
        final PointRunner inner;
        final List<Point> given = new ArrayList<>();
        final List<PointResult> gave = new ArrayList<>();
        boolean closed;

        Recording(PointRunner inner) {
            this.inner = inner;
        }

        @Override
        public List<PointResult> run(List<Point> points, PointListener listener) {
            given.addAll(points);
            listener.inferenceStarted();
            listener.inferenceProgress(1, 2);
            listener.lifeProgress(3, 4);
            listener.note("a note");
            List<PointResult> r = inner.run(points, listener);
            gave.addAll(r);
            return r;
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() {
            closed = true;
            inner.close();
        }
    }

    @Test
    void theChipsAreThePointsSeedsOnAndEveryEventIsPassedOn() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        PointListener listener = new PointListener() {
            @Override
            public void inferenceStarted() {
                events.add("inferenceStarted");
            }

            @Override
            public void inferenceProgress(long done, long total) {
                events.add("inference " + done + "/" + total);
            }

            @Override
            public void lifeProgress(double seconds, double duration) {
                events.add("life " + seconds + "/" + duration);
            }

            @Override
            public void note(String line) {
                events.add(line);
            }
        };
        Recording recording = new Recording(host.localRunner(1, 1));
        PointResult r;
        try (ChipsRunner runner = new ChipsRunner(recording, 3, host.loader())) {
            r = runner.run(List.of(new Point(0, Fixtures.scenario(dir).withSeed(10), "p"),
                    new Point(1, Fixtures.scenario(dir), "")), listener).get(0);
        }
        assertTrue(recording.closed, "closing the chips' runner closes the one it wraps");
        assertEquals(List.of(10L, 11L, 12L, 1L, 2L, 3L), recording.given.stream().map(p -> p.scenario().seed()).toList());
        assertEquals(List.of("p seed=10", "p seed=11", "p seed=12", "seed=1", "seed=2", "seed=3"),
                recording.given.stream().map(Point::label).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), recording.given.stream().map(Point::index).toList());
        assertEquals(recording.gave.get(0).wallSeconds() + recording.gave.get(1).wallSeconds()
                + recording.gave.get(2).wallSeconds(), r.wallSeconds(), 1e-12, "the wall time of every chip's run");
        assertEquals(List.of("inferenceStarted", "inference 1/2", "life 3.0/4.0", "a note"), events);
    }

    @Test
    void oneChipIsTheRunnerItWraps() {
        List<Point> points = List.of(new Point(0, Fixtures.scenario(dir), "only"));
        try (LocalRunner inner = host.localRunner(1, 1)) {
            ChipsRunner one = new ChipsRunner(inner, 1, host.loader());
            PointResult r = one.run(points, PointListener.NONE).get(0);
            assertNull(r.summary().chips());
            assertEquals(points.get(0), r.point());
            assertEquals("1 worker x 1 thread", one.describe());
            assertEquals(1, one.chips());
        }
    }

    @Test
    void theCountOfChipsIsChecked() {
        PointRunner inner = host.localRunner(1, 1);
        assertThrows(InputError.class, () -> new ChipsRunner(inner, 0, host.loader()));
        assertThrows(InputError.class, () -> new ChipsRunner(inner, ChipsRunner.MAX_CHIPS + 1, host.loader()));
        assertEquals(ChipsRunner.MAX_CHIPS, new ChipsRunner(inner, ChipsRunner.MAX_CHIPS, host.loader()).chips());
        assertEquals(1, ChipsRunner.checked(1));
    }

    @Test
    void aSweepOnChipsHasEachMetricsSpreadAfterItsMean() {
        SweepPlan plan = SweepPlan.of(Fixtures.scenario(dir)).grid("programming.budget", "2", "5").chips(2);
        assertEquals(2, plan.chips());
        SweepTable table;
        try (LocalRunner runner = host.localRunner(2, 1)) {
            table = plan.run(host.loader(), runner, PointListener.NONE).table();
            assertSame(runner, SweepPlan.of(Fixtures.scenario(dir)).runner(runner, host.loader()),
                    "one chip a point: the runner itself");
        }
        List<String> c = table.columns();
        int pfail = c.indexOf("programming.pfail");
        assertEquals(List.of("programming.pfail:sd", "programming.pfail:min", "programming.pfail:max"),
                c.subList(pfail + 1, pfail + 4));
        assertTrue(c.contains("run.wallSeconds") && !c.contains("run.wallSeconds:sd"));
        SweepTable.Row row = table.rows().get(0);
        // The ideal device and step policy ignore the seed: both chips agree, so no spread.
        assertEquals(0.0, row.metrics().get("programming.pfail:sd"));
        assertEquals(row.metrics().get("programming.pfail"), row.metrics().get("programming.pfail:min"));
        assertEquals(row.metrics().get("programming.pfail"), row.metrics().get("programming.pfail:max"));
        assertEquals(0.0, row.sd(org.xbarsim.explore.metric.Metrics.PFAIL));
        assertThrows(InputError.class, () -> SweepPlan.of(Fixtures.scenario(dir)).grid("seed", "1", "2").chips(2));
        assertThrows(InputError.class, () -> SweepPlan.of(Fixtures.scenario(dir)).chips(2).grid("seed", "1", "2"));
    }

    @Test
    void chipsRunSideBySideAsCoresAndMemoryAllow() {
        assertEquals(2, ChipParallelism.workers(5, 2, 1L << 40, 1L << 20), "cores");
        assertEquals(3, ChipParallelism.workers(3, 8, 1L << 40, 1L << 20), "chips");
        assertEquals(4, ChipParallelism.workers(8, 8, 4L << 30, 1L << 30), "memory: four chips of 1 GiB in 4 GiB");
        assertEquals(1, ChipParallelism.workers(8, 8, 1L << 20, 1L << 30), "at least one");
        assertEquals(8, ChipParallelism.workers(8, 8, 1L << 20, 0), "a chip of no known size");
        assertTrue(ChipParallelism.freeBytes() > 0);
        assertTrue(ChipParallelism.freeBytes() <= Runtime.getRuntime().maxMemory());
        // The fixture's 12x10 matrix on four 8x8 tiles of 4-device cells, 70 bytes a device.
        assertEquals(4L * 8 * 8 * 4 * 70, ChipParallelism.bytesPerChip(host.simulator().prepare(
                host.load(Fixtures.scenario(dir)))));
    }
}
