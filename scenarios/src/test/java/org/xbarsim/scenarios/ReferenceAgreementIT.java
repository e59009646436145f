package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agreement with the independent implementation of science.md section 4 on a 256x256 tile at the
 * defaults, with a 16-bit ADC so the converter adds no error.
 *
 * <p>Each figure is the mean over eight seeds. One seed is not enough: targets are scaled by the
 * largest |w| of the sampled matrix, which varies from about 4.1 to 4.8 between seeds for 65,536
 * Gaussian weights and moves success at small budgets by up to two points (seed 1 alone gives 70%
 * at a budget of 5, seed 5 gives 66%; the eight-seed mean is 67.8%).
 */
class ReferenceAgreementIT {
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};

    private static double[] meanOverSeeds(String... overrides) {
        double success = 0;
        double pulses = 0;
        for (long seed : SEEDS) {
            var s = Runs.run("tile-rowwise.yaml", seed, 2, overrides);
            success += s.programming().total().successFraction();
            pulses += s.programming().total().pulseOpsPerRow();
        }
        return new double[] {100 * success / SEEDS.length, pulses / SEEDS.length};
    }

    @ParameterizedTest(name = "{0} targets: {1}% success within {2} points")
    @CsvSource({"gaussian, 98.9, 1.0", "uniform, 97.9, 1.0", "laplace, 98.9, 1.0"})
    void successDoesNotDependOnTheDistribution(String distribution, double expected, double tolerance) {
        double[] r = meanOverSeeds("chip.adc.bits=16", "workload.distribution=" + distribution);
        assertEquals(expected, r[0], tolerance, distribution + " success %");
    }

    @org.junit.jupiter.api.Test
    void gaussianTakesAbout66PulseOperationsPerRow() {
        double[] r = meanOverSeeds("chip.adc.bits=16");
        // Within 10% of 66 pulse operations (SET and RESET) per row.
        assertEquals(66, r[1], 6.6, "pulse operations per row");
    }

    @ParameterizedTest(name = "budget {0}: {1}% within 2 points")
    @CsvSource({"5, 66", "10, 87", "15, 94", "20, 96", "30, 98"})
    void successFallsWithTheBudget(int budget, double expected) {
        double[] r = meanOverSeeds("chip.adc.bits=16", "programming.nMsp=" + budget, "programming.nLsp=" + budget);
        assertEquals(expected, r[0], 2.0, "success % at budget " + budget);
    }
}
