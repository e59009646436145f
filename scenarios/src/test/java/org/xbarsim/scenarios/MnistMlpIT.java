package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.xbarsim.engine.summary.RunSummary;
import org.junit.jupiter.api.Test;

/**
 * The MNIST MLP end to end with the real plugin jars and the real MNIST test set (fetched into the
 * data cache on first use; without it this test fails, it does not skip): programmed row-wise into
 * PCM tiles, classified through DAC, drifted devices with read noise, and ADCs. Accuracy drops are in
 * points of accuracy; their ranges are 4 standard deviations of the drop over chips 1-5.
 */
class MnistMlpIT {
    private static double drop(RunSummary s) {
        return 100 * (s.inference().softwareAccuracy() - s.inference().analogAccuracy());
    }

    /**
     * The reference PCM preset loses 0.012 points (sd 0.034 over chips 1-5: 0.06, -0.03, 0.02, 0.02, -0.01)
     * at 1 s, far less than the 0.6 points of hardware (Narayanan et al., IEEE T-ED 2021): its programmed
     * weights are several times too precise (see the calibrated preset below). The range is 4 sd.
     * Switching read noise off cannot fail this: it moves the accuracy by -0.05..+0.04 points (chips 1-5),
     * under the spread between chips (chip 1: 98.26% with, 98.29% without).
     */
    @Test
    void theReferencePresetLosesAlmostNothingOneSecondAfterProgramming() {
        RunSummary s = Runs.run("mnist-mlp.yaml", 2);
        assertEquals(10_000, s.inference().samples());
        // The trained model's own figure on the 10k test set (models/mnist-mlp/README.md).
        assertTrue(s.inference().softwareAccuracy() >= 0.975);
        assertEquals(0.012, drop(s), 4 * 0.034);
        assertTrue(s.inference().timeSecondsPerSample() > 0);
        assertTrue(s.inference().energyJoulesPerSample() > 0);
    }

    /**
     * On the preset calibrated to aihwkit's programming-noise law the drop approaches hardware's: over chips
     * 1-5, 0.28 points (sd 0.11: 0.34, 0.34, 0.22, 0.37, 0.11) at 1 s and 0.90 (sd 0.29: 0.71, 0.94, 1.18,
     * 1.18, 0.51) a year later, after aihwkit's drift and 1/f noise. Chip 1 is within 4 sd of both, and on
     * every chip the year costs 0.37-0.96 points more. Read noise (verify and inference) off: 0.16 points
     * (sd 0.08; chip 1 0.15) at 1 s, inside the range - a single chip cannot tell it from the chip spread.
     */
    @Test
    void theCalibratedPresetLosesAQuarterPointAtOnceAndMoreAYearLater() {
        RunSummary now = Runs.run("mnist-mlp.yaml", 2, "device.preset=aihwkit-statistical");
        RunSummary year = Runs.run("mnist-mlp.yaml", 2, "device.preset=aihwkit-statistical", "inference.time=1y");
        assertEquals(0.28, drop(now), 4 * 0.11);
        assertEquals(0.90, drop(year), 4 * 0.29);
        assertTrue(drop(year) - drop(now) > 0.25, "a year of drift: " + drop(now) + " -> " + drop(year) + " points");
    }

    @Test
    void accuracyFallsWhenTheAdcIsTooCoarse() {
        RunSummary fine = Runs.run("mnist-mlp.yaml", 2, "inference.samples=1000");
        RunSummary coarse = Runs.run("mnist-mlp.yaml", 2, "inference.samples=1000", "chip.adc.bits=3");
        assertTrue(coarse.inference().analogAccuracy() < fine.inference().analogAccuracy() - 0.05,
                "3-bit ADC " + coarse.inference().analogAccuracy() + " vs 10-bit "
                        + fine.inference().analogAccuracy());
    }

    @Test
    void inferenceIsIdenticalOnOneAndTwoThreads() {
        RunSummary one = 
                Runs.run("mnist-mlp.yaml", 1, "inference.samples=500", "inference.time=1d").withoutWallClock();
        RunSummary two = 
                Runs.run("mnist-mlp.yaml", 2, "inference.samples=500", "inference.time=1d").withoutWallClock();
        assertEquals(one.toJson(), two.toJson());
    }
}
