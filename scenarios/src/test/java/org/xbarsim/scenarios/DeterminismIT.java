package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.xbarsim.engine.summary.RunSummary;
import org.junit.jupiter.api.Test;

/** Same scenario and seed: identical summaries, run after run and on 1 or 2 event-loop threads. */
class DeterminismIT {
    @Test
    void identicalOnOneAndTwoThreadsAndRunAfterRun() {
        // Four tiles so that two threads really interleave them.
        String[] small = {"chip.tile.rows=64", "chip.tile.cols=64", "workload.rows=128", "workload.cols=128"};
        RunSummary one = Runs.run("tile-rowwise.yaml", 1, small).withoutWallClock();
        RunSummary two = Runs.run("tile-rowwise.yaml", 2, small).withoutWallClock();
        RunSummary again = Runs.run("tile-rowwise.yaml", 2, small).withoutWallClock();
        assertEquals(one.toJson(), two.toJson());
        assertEquals(two.toJson(), again.toJson());
    }

    @Test
    void anotherSeedGivesAnotherChip() {
        String[] small = {"workload.rows=32"};
        RunSummary a = Runs.run("tile-rowwise.yaml", 1L, 2, small);
        RunSummary b = Runs.run("tile-rowwise.yaml", 2L, 2, small);
        org.junit.jupiter.api.Assertions.assertNotEquals(a.programming().total().meanAbsErrorMicroSiemens(),
                b.programming().total().meanAbsErrorMicroSiemens());
    }
}
