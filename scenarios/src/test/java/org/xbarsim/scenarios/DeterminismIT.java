package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.xbarsim.engine.stats.Summary;

/** Same scenario and seed: identical summaries, run after run and on 1 or 2 event-loop threads. */
class DeterminismIT {
    @Test
    void identicalOnOneAndTwoThreadsAndRunAfterRun() {
        // Four tiles so that two threads really interleave them.
        String[] small = {"chip.tile.rows=64", "chip.tile.cols=64", "workload.rows=128", "workload.cols=128"};
        JsonObject one = Summary.withoutWallClock(Runs.run("tile-rowwise.yaml", 1, small));
        JsonObject two = Summary.withoutWallClock(Runs.run("tile-rowwise.yaml", 2, small));
        JsonObject again = Summary.withoutWallClock(Runs.run("tile-rowwise.yaml", 2, small));
        assertEquals(one.encodePrettily(), two.encodePrettily());
        assertEquals(two.encodePrettily(), again.encodePrettily());
    }

    @Test
    void anotherSeedGivesAnotherChip() {
        String[] small = {"workload.rows=32"};
        JsonObject a = Runs.run("tile-rowwise.yaml", 1L, 2, small);
        JsonObject b = Runs.run("tile-rowwise.yaml", 2L, 2, small);
        org.junit.jupiter.api.Assertions.assertNotEquals(Runs.number(a, "programming.meanAbsErrorMicroSiemens"),
                Runs.number(b, "programming.meanAbsErrorMicroSiemens"));
    }
}
