package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.run.ProgrammingRun;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;

/**
 * Every shipped policy keeps its state per row, as the programming contract asks: a tile programmed
 * with its rows cut into different shards holds the very same conductances, bit for bit. A policy
 * that carried something from one row to the next would fail here (the engine's ProgrammingRunTest
 * shows it with a deliberately forgetful policy).
 */
class ShardingIT {
    @ParameterizedTest
    @ValueSource(strings = {"rowwise-closed-loop", "serial-closed-loop", "retry-closed-loop", "adaptive-closed-loop",
        "msp-only", "open-loop"})
    void aPolicyGivesTheSameBitsWhateverTheSharding(String policy) {
        // A small tile with read noise and PCM's cycle-to-cycle noise: every decision depends on the draws.
        String text = String.join("\n", "name: sharding", "seed: 3", "chip:", "  tile:", "    rows: 12",
                "    cols: 24", "device:", "  impl: pcm", "programming:", "  impl: " + policy, "workload:",
                "  impl: synthetic", "  distribution: gaussian", "  rows: 12", "  cols: 24", "");
        Scenario s = new ScenarioLoader(Runs.catalog()).loadText(text, "sharding.yaml", Path.of("sharding.yaml")
                .toAbsolutePath(), List.of(), null);
        Simulator simulator = new Simulator(Runs.catalog());
        Simulator.Prepared prepared = simulator.prepare(s);
        long[] whole = bits(s, prepared, 1);
        long[] cut = bits(s, prepared, 5);
        assertTrue(whole.length > 0);
        assertArrayEquals(whole, cut, policy + ": one shard against five");
    }

    private static long[] bits(Scenario s, Simulator.Prepared prepared, int shards) {
        RunPlan plan = new RunPlan(s.chip(), s.device(), s.deviceParameters(), s.policy(), s.policyParameters(),
                new RandomStreams(s.seed()), s.policyParameters().number(ProgrammingPolicy.TOLERANCE));
        List<CrossbarTile> tiles = ProgrammingRun.execute(null, plan, prepared.jobs(), 2, shards, RunListener.NONE,
                null).programmed();
        List<Long> out = new ArrayList<>();
        for (CrossbarTile t : tiles) {
            for (double g : t.devices().conductances()) {
                out.add(Double.doubleToRawLongBits(g));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
