package org.xbarsim.explore.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.scenario.Setting;
import org.xbarsim.explore.Fixtures;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.runner.LocalRunner;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.scenario.ScenarioSpec;

/** Sweep plans: axes, ranges in each key's kind, linked keys, the product of points and their checks. */
class SweepPlanTest {
    @TempDir
    Path dir;

    private final SimulatorHost host = Fixtures.host();

    @AfterEach
    void closeHost() {
        host.close();
    }

    @Test
    void pointsAreTheProductOfTheAxesFirstAxisSlowest() {
        SweepPlan plan = SweepPlan.of(Fixtures.scenario(dir)).grid("programming.budget=1,4")
                .grid("workload.rows+workload.cols", "3", "5", "7");
        List<Point> points = plan.points(host.loader());
        assertEquals(6, points.size());
        assertEquals(List.of("programming.budget=1 workload.rows+workload.cols=3",
                "programming.budget=1 workload.rows+workload.cols=5", "programming.budget=1 workload.rows+workload.cols=7",
                "programming.budget=4 workload.rows+workload.cols=3", "programming.budget=4 workload.rows+workload.cols=5",
                "programming.budget=4 workload.rows+workload.cols=7"), points.stream().map(Point::label).toList());
        assertEquals(List.of("programming.budget=4", "workload.rows=5", "workload.cols=5"),
                points.get(4).scenario().describe(), "linked keys take the same value");
        assertEquals(List.of(0, 1, 2, 3, 4, 5), points.stream().map(Point::index).toList());
    }

    @Test
    void rangesAreWrittenInTheKeysKind() {
        SweepPlan plan = SweepPlan.of(Fixtures.scenario(dir)).grid("programming.budget=2:20:4")
                .grid("device.step=0.5uS:2uS:3").grid("programming.tol=0.1uS:10uS:3:log").expanded(host.loader());
        assertEquals(List.of("2", "8", "14", "20"), plan.axes().get(0).values(), "whole numbers for an integer key");
        assertEquals(List.of("0.5uS", "1.25uS", "2uS"), plan.axes().get(1).values(), "a unit, ends as written");
        assertEquals(List.of("0.1uS", "1uS", "10uS"), plan.axes().get(2).values(), "a constant ratio");
        assertEquals(36, plan.points(host.loader()).size());
    }

    @Test
    void everyMistakeIsOneLineOnGrid() {
        ScenarioSpec base = Fixtures.scenario(dir).with(Setting.parse("chip.adc.bits=8", "--set")).withSeed(3);
        SweepPlan plan = SweepPlan.of(base);
        assertError(() -> plan.grid("programming.budget=1,,2"), "--grid: programming.budget: ", "empty value");
        assertError(() -> plan.grid("programming.budget=1,2,1"), "each value once");
        assertError(() -> plan.grid("=1,2"), "expected path=v1,v2");
        assertError(() -> plan.grid("programming.budget="), "one or more values");
        assertError(() -> plan.grid("programming.budget=1,2").grid("programming.budget=3"), "one --grid only");
        assertError(() -> plan.grid("chip.adc.bits=6,10"), "not also given with --set");
        assertError(() -> plan.grid("seed=1,2"), "either in --grid or as --seed");
        assertError(() -> plan.grid("workload.rows+=4,8"), "empty one");
        assertError(() -> plan.grid("programming.budget=1:5:0").points(host.loader()), "n >= 1");
        assertError(() -> plan.grid("programming.budget=5:1:3").points(host.loader()), "lo <= hi");
        assertError(() -> plan.grid("programming.budget=1:3:5").points(host.loader()), "fewer values");
        assertError(() -> plan.grid("programming.failWith=1:3:2").points(host.loader()), "numeric key");
        assertError(() -> plan.grid("programming.budgt=1,2").points(host.loader()),
                "--grid: programming.budgt: unknown key (did you mean 'programming.budget'?)", "(point 0:");
        assertError(() -> plan.grid("programming.budget=1,-4").points(host.loader()),
                "--grid: programming.budget: ", "(point 1: programming.budget=-4)");
        assertError(() -> plan.grid("programming.budget=1:100:100").grid("workload.rows=1:101:101")
                .points(host.loader()), "at most 10000 points");
    }

    private static void assertError(Executable e, String... fragments) {
        InputError error = assertThrows(InputError.class, e);
        for (String f : fragments) {
            assertTrue(error.getMessage().contains(f), () -> "'" + f + "' in: " + error.getMessage());
        }
    }

    @Test
    void aSweepRunsEveryPointAndTabulatesEveryMetric() {
        SweepPlan plan = SweepPlan.of(Fixtures.scenario(dir)).grid("programming.budget", "0", "100");
        try (LocalRunner runner = host.localRunner(2)) {
            SweepResult r = plan.run(host.loader(), runner, PointListener.NONE);
            assertEquals(2, r.results().size());
            SweepTable t = r.table();
            assertEquals(List.of("programming.budget"), t.axisKeys());
            assertTrue(t.columns().containsAll(List.of("programming.pfail", "programming.timeSeconds",
                    "run.wallSeconds")), t.columns()::toString);
            // No pulse at all leaves every non-zero target missed; a budget of 100 reaches all but w = -1.
            assertTrue(t.rows().get(0).metrics().get("programming.pfail") > t.rows().get(1).metrics()
                    .get("programming.pfail"));
            assertEquals("0", t.rows().get(0).value("programming.budget"));
            SweepTable back = SweepTable.read(writeCsv(t), List.of("programming.budget"));
            assertEquals(t.rows(), back.rows(), "sweep.csv reads back to the same table");
        }
    }

    private Path writeCsv(SweepTable t) {
        Path csv = dir.resolve("sweep.csv");
        org.xbarsim.explore.files.ResultFiles.writeString(csv, t.csv());
        return csv;
    }

    @Test
    void theAxesRecordReadsBackAndNamesItsFirstDifference() {
        SweepAxes axes = new SweepAxes("/x/s.yaml", "small", List.of(new Axis("a", List.of("1", "2")),
                new Axis("b+c", List.of("x y", "z"))), List.of("chip.adc.bits=8"), 3L, 4, "abc", 1);
        Path file = dir.resolve(SweepAxes.FILE);
        org.xbarsim.explore.files.ResultFiles.writeString(file, axes.text());
        SweepAxes back = SweepAxes.read(file);
        assertEquals(axes, back);
        SweepAxes other = new SweepAxes("/x/s.yaml", "small", axes.axes(), List.of("chip.adc.bits=6"), 3L, 4, "abc", 1);
        assertEquals("set.1: 'chip.adc.bits=8' there, 'chip.adc.bits=6' here", other.firstDifference(axes));
    }
}
