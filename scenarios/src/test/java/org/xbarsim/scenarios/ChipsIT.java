package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.engine.summary.SummaryMetrics;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.runner.LocalRunner;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.scenario.ScenarioSpec;
import org.xbarsim.explore.sweep.SweepPlan;
import org.xbarsim.explore.sweep.SweepTable;

/**
 * Several chips of one design with the real plugins: {@code --chips 3} is exactly the statistics of
 * three separate runs of seeds 1, 2, 3 (computed here from those runs by the textbook formulas), the
 * same whatever the threads and workers, and a sweep's table carries them.
 */
class ChipsIT {
    private final SimulatorHost host = SimulatorHost.of(Runs.catalog());

    @AfterEach
    void closeHost() {
        host.close();
    }

    /** The reference tile, 24 rows of it: a PCM chip whose seed moves every figure, in a fraction of a second. */
    private static ScenarioSpec tile() {
        return ScenarioSpec.read(Path.of("tile-rowwise.yaml")).with("workload.rows", 24).with("chip.tile.rows", 24);
    }

    private static double sampleSd(double a, double b, double c) {
        double mean = ((a + b) + c) / 3;
        return Math.sqrt(((a - mean) * (a - mean) + (b - mean) * (b - mean) + (c - mean) * (c - mean)) / 2);
    }

    @Test
    void threeChipsAreTheMeanAndSpreadOfTheThreeSingleRuns() {
        RunSummary chips = host.runChips(tile(), 3, null, RunListener.NONE);
        List<RunSummary> single = List.of(host.run(tile().withSeed(1)), host.run(tile().withSeed(2)),
                host.run(tile().withSeed(3)));
        assertEquals(List.of(1L, 2L, 3L), chips.chips().seeds());
        for (String path : List.of("programming.pfail", "programming.meanAbsErrorMicroSiemens",
                "programming.pulseOpsPerRow", "programming.timeSeconds", "programming.energyJoules",
                "programming.energy.set")) {
            double a = single.get(0).metric(path);
            double b = single.get(1).metric(path);
            double c = single.get(2).metric(path);
            Spread s = chips.chips().spread(path);
            assertEquals(((a + b) + c) / 3, s.mean(), 0, path);
            assertEquals(((a + b) + c) / 3, chips.metric(path), 0, path + ": the summary's figure is the mean");
            assertEquals(sampleSd(a, b, c), s.sd(), 1e-15 * Math.abs(s.mean()), path);
            assertEquals(Math.min(a, Math.min(b, c)), s.min(), 0, path);
            assertEquals(Math.max(a, Math.max(b, c)), s.max(), 0, path);
            assertEquals(3, s.n());
        }
        assertTrue(chips.chips().spread("programming.pfail").sd() > 0, "the seed moves Pfail: chips differ");
        assertEquals(single.get(0).programming().errorHistogram(), chips.programming().errorHistogram(),
                "the histogram is the first chip's");
    }

    @Test
    void theChipsGiveTheSameSummaryOnAnyNumberOfThreads() {
        String one = host.runChips(tile(), 3, 1, RunListener.NONE).withoutWallClock().toJson();
        String two = host.runChips(tile(), 3, 2, RunListener.NONE).withoutWallClock().toJson();
        assertEquals(one, two);
        assertNotEquals(one, host.runChips(tile().withSeed(4), 3, 1, RunListener.NONE).withoutWallClock().toJson(),
                "chips 4-6 are other chips");
    }

    /** The table's figures but the host's (wall times and the like, which differ run to run). */
    private static List<Map<String, Double>> chipFigures(SweepTable table) {
        return table.rows().stream().map(r -> {
            Map<String, Double> m = new LinkedHashMap<>(r.metrics());
            m.keySet().removeIf(SummaryMetrics.HOST::contains);
            return m;
        }).toList();
    }

    @Test
    void aSweepOnSeveralChipsTabulatesEachPointsMeanSdMinAndMax() {
        SweepPlan plan = SweepPlan.of(tile()).grid("programming.nMsp", "10", "40").chips(3);
        SweepTable table;
        try (LocalRunner one = host.localRunner(1, 1); LocalRunner three = host.localRunner(3, 1)) {
            table = plan.run(host.loader(), one, PointListener.NONE).table();
            assertEquals(chipFigures(table), chipFigures(plan.run(host.loader(), three, PointListener.NONE).table()),
                    "the table is the same on one worker or three");
        }
        RunSummary chips = host.runChips(tile().with("programming.nMsp", "40"), 3, null, RunListener.NONE);
        SweepTable.Row row = table.rows().get(1);
        Spread pfail = chips.chips().spread("programming.pfail");
        assertEquals(pfail.mean(), row.metrics().get("programming.pfail"), 0);
        assertEquals(pfail.sd(), row.metrics().get("programming.pfail" + SweepTable.SD), 0);
        assertEquals(pfail.min(), row.metrics().get("programming.pfail" + SweepTable.MIN), 0);
        assertEquals(pfail.max(), row.metrics().get("programming.pfail" + SweepTable.MAX), 0);
        assertTrue(table.columns().indexOf("programming.pfail:sd") == table.columns().indexOf("programming.pfail") + 1);
        assertTrue(!table.columns().contains("run.wallSeconds:sd"), "host figures have no spread over chips");
    }
}
