package org.xbarsim.explore.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.explore.Fixtures;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.scenario.ScenarioSpec;

/** The local pool: results in the order asked for whatever order they finish in; the first failure thrown. */
class LocalRunnerTest {
    @TempDir
    Path dir;

    private final SimulatorHost host = Fixtures.host();

    @AfterEach
    void closeHost() {
        host.close();
    }

    private List<Point> points(int n) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new Point(i, Fixtures.scenario(dir).with("programming.budget", i), "budget=" + i));
        }
        return points;
    }

    @Test
    void resultsComeInTheOrderOfThePointsOnAnyNumberOfWorkers() {
        List<Point> points = points(6);
        List<String> one;
        try (LocalRunner runner = host.localRunner(1, 1)) {
            one = runner.run(points, PointListener.NONE).stream().map(r -> r.summary().withoutWallClock().toJson())
                    .toList();
        }
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        try (LocalRunner runner = host.localRunner(3, 1)) {
            List<PointResult> three = runner.run(points, new PointListener() {
                @Override
                public void finished(PointResult r) {
                    finished.add(r.point().index());
                }
            });
            assertEquals(points, three.stream().map(PointResult::point).toList());
            assertEquals(one, three.stream().map(r -> r.summary().withoutWallClock().toJson()).toList());
            assertEquals("3 workers x 1 thread", runner.describe());
        }
        assertEquals(6, finished.size());
    }

    @Test
    void theFirstFailureStopsTheRunnerAndIsThrown() {
        List<Point> points = new ArrayList<>(points(4));
        points.set(1, new Point(1, Fixtures.scenario(dir).with("programming.failOnRow", 2), "fails"));
        try (LocalRunner runner = host.localRunner(1, 1)) {
            List<Integer> finished = new ArrayList<>();
            PluginFailure e = assertThrows(PluginFailure.class, () -> runner.run(points, new PointListener() {
                @Override
                public void finished(PointResult r) {
                    finished.add(r.point().index());
                }
            }));
            assertTrue(e.getMessage().contains("row 2"), e.getMessage());
            assertEquals(List.of(0), finished, "one worker: nothing after the failure started");
        }
        assertThrows(InputError.class, () -> host.localRunner(0, null));
        assertThrows(InputError.class, () -> host.localRunner(1, 2000));
    }

    @Test
    void pointsThatDifferOnlyInTheirInferenceTimeShareAChip() {
        ScenarioSpec base = Fixtures.scenario(dir);
        List<Point> points = List.of(new Point(0, base.with("inference.time", "1s"), "a"),
                new Point(1, base.with("programming.budget", 3), "b"), new Point(2, base.with("inference.time", "1y"), "c"));
        List<ChipJob> jobs = ChipJob.of(points);
        assertEquals(2, jobs.size());
        assertEquals(List.of(points.get(0), points.get(2)), jobs.get(0).points());
        assertEquals(base, jobs.get(0).chip(), "programmed without the time");
        assertEquals(List.of(points.get(1)), jobs.get(1).points());
    }
}
