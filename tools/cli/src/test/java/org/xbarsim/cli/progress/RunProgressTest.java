package org.xbarsim.cli.progress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.event.RowFinished;

/** The run's progress bar follows the run: programming, then inference from the moment it starts. */
class RunProgressTest {
    @Test
    void theBarSwitchesToInferenceWhenProgrammingEndsNotAtTheFirstSample() {
        // Before: the bar stayed at "programming 100%" while the workload loaded its data, calibrated and
        // evaluated its first batch.
        PrintStream saved = System.err;
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        System.setErr(new PrintStream(drawn, true, StandardCharsets.UTF_8));
        try (RunProgress progress = new RunProgress(3, true)) {
            for (int row = 0; row < 3; row++) {
                progress.rowFinished(RowFinished.newBuilder().setTile(0).setRow(row).setCycle(row).setCycles(1)
                        .setWeights(1).setSucceeded(1).setSetOps(1).setResetOps(0).setReadOps(1)
                        .setEnergyPicojoules(1).setSumAbsErrorMicroSiemens(0).build());
            }
            assertFalse(progress.showsInference());
            progress.inferenceStarted();
            assertTrue(progress.showsInference(), "inference shown before any sample is done");
            progress.inferenceProgress(50, 100);
        } finally {
            System.setErr(saved);
        }
        assertTrue(drawn.toString(StandardCharsets.UTF_8).contains("inference"));
    }
}
