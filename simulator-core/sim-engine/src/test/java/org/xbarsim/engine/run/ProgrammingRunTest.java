package org.xbarsim.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryBuilder;

class ProgrammingRunTest {
    private static Parameters defaults(List<ParameterSpec> specs, Map<String, String> overrides) {
        return Parameters.of(specs, overrides.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
    }

    private static final ChipConfig CHIP = new ChipConfig(1e9, 8, 8, 3, 12, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1);

    private static RunResult run(int threads, Map<String, String> policy) {
        return run(threads, policy, new IdealDevices());
    }

    private static RunResult run(int threads, Map<String, String> policy, IdealDevices device) {
        StepPolicy step = new StepPolicy();
        // A 20x12 matrix over 8x8 tiles: a 3x2 grid with partial tiles at the edges.
        double[] w = new double[20 * 12];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 7) - 1;
        }
        List<TileJob> jobs = WeightMapper.map(List.of(new WeightLayer("m", 20, 12, w)), 8, 8, 3, 15);
        RunPlan plan = new RunPlan(CHIP, device, defaults(device.parameters(), Map.of()), step,
                defaults(step.parameters(), policy), new RandomStreams(1), 0.9);
        List<Long> rows = new ArrayList<>();
        RunResult r = ProgrammingRun.execute(plan, jobs, threads, row -> {
            synchronized (rows) {
                rows.add((long) row.getRow());
            }
        });
        assertEquals(20 * 2, rows.size(), "one RowFinished event per tile row");
        return r;
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

    private static RunSummary summary(RunResult r) {
        double[] w = new double[20 * 12];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 7) - 1;
        }
        List<TileJob> jobs = WeightMapper.map(List.of(new WeightLayer("m", 20, 12, w)), 8, 8, 3, 15);
        return SummaryBuilder.build(new RunSummary.ScenarioRef("t", "t.yaml", 1), Map.of(), Map.of(), jobs, r, 0.9,
                null, "test");
    }
}
