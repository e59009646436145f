package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.xbarsim.engine.summary.RunSummary;
import org.junit.jupiter.api.Test;

/**
 * The MNIST MLP end to end with the real plugin jars and the real MNIST test set (fetched into the
 * data cache on first use; without it this test fails, it does not skip): programmed row-wise into
 * PCM tiles, classified through DAC, drifted devices with read noise, and ADCs.
 */
class MnistMlpIT {
    @Test
    void analogAccuracyIsWithinOnePointOfSoftwareOneSecondAfterProgramming() {
        RunSummary s = Runs.run("mnist-mlp.yaml", 2);
        double software = s.inference().softwareAccuracy();
        double analog = s.inference().analogAccuracy();
        assertEquals(10_000, s.inference().samples());
        // The trained model's own figure on the 10k test set (models/mnist-mlp/README.md).
        assertTrue(software >= 0.975, "software accuracy " + software);
        // The bar: hardware programmed with a similar method loses about 0.6 point.
        assertEquals(software, analog, 0.01, "analog " + analog + " vs software " + software);
        assertTrue(s.inference().timeSecondsPerSample() > 0);
        assertTrue(s.inference().energyJoulesPerSample() > 0);
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
