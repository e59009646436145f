package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.xbarsim.engine.summary.RunSummary;
import org.junit.jupiter.api.Test;

/**
 * The claims of Mackin et al. 2019 (science.md section 1), each in its scenario under
 * {@code scenarios/mackin2019/}, with the tolerance stated at each assertion. The optimised
 * conditions were found with seed 1; the claims are checked on other chips (seeds 2 and 3), so they
 * are not a property of the one chip the search saw.
 */
class Mackin2019IT {
    private static final long[] CHECK_SEEDS = {2, 3};
    private static final double TIME_LIMIT_SECONDS = 5e-3;

    private static double successPercent(RunSummary summary) {
        return 100 * summary.programming().total().successFraction();
    }

    private static double meanSuccess(String file, String... overrides) {
        double sum = 0;
        for (long seed : CHECK_SEEDS) {
            sum += successPercent(Runs.run(file, seed, 2, overrides));
        }
        return sum / CHECK_SEEDS.length;
    }

    @Test
    void claimA_optimisedConditionsProgram98To99PercentUnderConsiderableVariability() {
        for (long seed : CHECK_SEEDS) {
            RunSummary s = Runs.run("mackin2019/a-optimised.yaml", seed, 2);
            // The paper's 98-99% is a floor here: the search finds conditions that do better on this model.
            assertTrue(successPercent(s) >= 98.0, "seed " + seed + ": " + successPercent(s) + "%");
            // Programming time stays within the 5 ms the search was given (+2% for another chip's rows).
            assertTrue(s.programming().total().timeSeconds() <= 1.02 * TIME_LIMIT_SECONDS,
                    "seed " + seed + ": " + s.programming().total().timeSeconds() + " s");
        }
    }

    @Test
    void claimB_successIsLargelyIndependentOfTheWeightDistribution() {
        String file = "mackin2019/b-distributions.yaml";
        double trained = successPercent(Runs.run(file, 2, "workload.distribution=file",
                "workload.file=../models/mnist-mlp/layer1.weights.npy", "workload.rows=0", "workload.cols=0"));
        double min = trained;
        double max = trained;
        for (String d : new String[] {"gaussian", "uniform", "laplace"}) {
            double s = successPercent(Runs.run(file, 2, "workload.distribution=" + d));
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        // "Within about one point": measured 0.96 points (uniform 97.92% to Gaussian 98.88%).
        assertTrue(max - min <= 1.25, "spread " + (max - min) + " points (" + min + "% to " + max + "%)");
        assertEquals(98.5, min, 1.0, "the lowest success");
    }

    @Test
    void claimC_doublingTheDeviceSpreadCostsOnlyAFewPointsOnceReoptimised() {
        double normal = meanSuccess("mackin2019/a-optimised.yaml");
        double doubled = meanSuccess("mackin2019/c-doubled-spread.yaml");
        // A few points: measured about 2.1 (99.98% -> 97.9%), within the same 5 ms.
        assertTrue(normal - doubled <= 3.0, "re-optimised: " + normal + "% -> " + doubled + "%");
        RunSummary s = Runs.run("mackin2019/c-doubled-spread.yaml", 2L, 2);
        assertTrue(s.programming().total().timeSeconds() <= 1.02 * TIME_LIMIT_SECONDS);
        // Without re-optimising, the reference conditions lose more on the same device (measured 5.8 points).
        double reference = meanSuccess("tile-rowwise.yaml");
        double referenceDoubled = meanSuccess("tile-rowwise.yaml", "device.gmaxSigmaRel=0.40",
                "device.alphaSigmaLn=0.80");
        assertTrue(reference - referenceDoubled >= 4.0, "reference conditions: " + reference + "% -> "
                + referenceDoubled + "%");
        assertTrue(reference - referenceDoubled > normal - doubled, "re-optimising recovers success");
    }

    @Test
    void claimD_pfailTradesOffAgainstSpeedAndSerialProgrammingIsFarSlower() {
        String file = "mackin2019/d-pfail-speed.yaml";
        double lastPfail = 1;
        double lastTime = 0;
        for (int budget : new int[] {5, 10, 20, 40}) {
            RunSummary s = Runs.run(file, 2, "programming.nMsp=" + budget, "programming.nLsp=" + budget);
            double pfail = s.programming().total().pfail();
            double time = s.programming().total().timeSeconds();
            // A larger budget buys a lower Pfail with more time: measured 33.9% / 13.1% / 3.8% / 1.1% (seed 2).
            assertTrue(pfail < lastPfail && time > lastTime, "budget " + budget + ": Pfail " + pfail + ", time "
                    + time + " after " + lastPfail + ", " + lastTime);
            lastPfail = pfail;
            lastTime = time;
        }
        RunSummary rowwise = Runs.run(file, 2);
        RunSummary serial = Runs.run(file, 2, "programming.impl=serial-closed-loop");
        double ratio = serial.programming().total().timeSeconds() / rowwise.programming().total().timeSeconds();
        // Serial pays every column's pulses one column at a time: measured 37x for 256 columns; the paper's
        // "about n_cols times" is its upper bound (every column as slow as the slowest).
        assertTrue(ratio > 20 && ratio < 256, "serial / row-wise time " + ratio);
        assertEquals(rowwise.programming().total().pfail(), serial.programming().total().pfail(), 0.005,
                "the same algorithm: the same Pfail within half a point");
    }
}
