package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.xbarsim.engine.summary.RunSummary;
import org.junit.jupiter.api.Test;

/**
 * The row-wise closed-loop policy at its defaults on every device technology, with the real plugin
 * jars: the ideal device is the floor (only the ADC and the policy's own steps stand between it and
 * the target), ECRAM's near-linear low-noise steps come close, RRAM and PCM lose a few percent. And
 * stuck-at faults cost the weights the policy cannot route around.
 *
 * <p>64 rows of 256 columns (16,384 weights): a binomial standard error of 0.1 point at Pfail 2%,
 * 0.17 point at 5%; every range below is several standard errors wide.
 */
class DeviceTechnologiesIT {
    private static final String ROWS_64 = "workload.rows=64";
    private static final double F = 0.02;

    private static double pfail(String... overrides) {
        String[] all = new String[overrides.length + 1];
        all[0] = ROWS_64;
        System.arraycopy(overrides, 0, all, 1, overrides.length);
        return Runs.run("tile-rowwise.yaml", 2, all).programming().total().pfail();
    }

    @Test
    void everyTechnologyAtItsDefaultsGivesAPlausiblePfail() {
        double ideal = pfail("device.impl=ideal");
        double ecram = pfail("device.impl=ecram");
        double rram = pfail("device.impl=rram");
        double pcm = pfail("device.impl=pcm");
        double pcmStatistical = pfail("device.preset=aihwkit-statistical");
        // Measured at seed 1: ideal 0, ECRAM 0, RRAM 3.3%, PCM 1.2%, PCM with the aihwkit laws about 0.7%.
        assertTrue(ideal < 0.001, "ideal " + ideal);
        assertTrue(ecram < 0.005, "ecram " + ecram);
        assertTrue(rram > 0.01 && rram < 0.06, "rram " + rram);
        assertTrue(pcm > 0.005 && pcm < 0.025, "pcm " + pcm);
        assertTrue(pcmStatistical > 0.001 && pcmStatistical < 0.03, "pcm aihwkit-statistical " + pcmStatistical);
    }

    @Test
    void theIdealDeviceNeedsFewerPulsesThanRealOnes() {
        RunSummary ideal = Runs.run("tile-rowwise.yaml", 2, ROWS_64, "device.impl=ideal");
        RunSummary pcm = Runs.run("tile-rowwise.yaml", 2, ROWS_64);
        // A 1 uS step with no noise reaches G_T in about 15 MSP pulses; PCM's soft bound and noise need more.
        assertTrue(ideal.programming().total().pulseOpsPerRow() < pcm.programming().total().pulseOpsPerRow());
        assertEquals(0, ideal.programming().total().pfail(), 0.001);
    }

    /**
     * A stuck-high device breaks its cell unless the LSP pair can absorb the error. With W spread as a
     * Gaussian of sigma_W = 45 uS / 3.75 = 12 uS (w_clip is the largest of 16,384 draws) and an LSP reach
     * of 40 x 0.25 uS + tol = 10.9 uS: GP stuck at 25 uS offsets W by 75 uS, so every W > 0 cell fails
     * and a W < 0 cell fails unless GM cancels it and |W| < 10.9 (0.5 + 0.18 = 0.68); LP stuck at 25 uS
     * fails the 0 < W < 14 uS cells (0.38); GM and LM mirror them. About 2 x (0.68 + 0.38) = 2.1 f more
     * failures, a little more in simulation (cells with |W| below tol skip the MSP phase, and two
     * stuck devices may meet): measured 2.5 f on the ideal device, 2.9 f on PCM.
     */
    @Test
    void stuckHighDevicesBreakAboutTwoCellsInFourFaults() {
        assertRiseBetween("stuckAtMaxFraction", 1.8, 3.4);
    }

    /**
     * A stuck-low device looks like a device never pulsed. The MSP device a cell needs (GP for W > 0)
     * breaks it when |W| exceeds the LSP's 10.9 uS reach (half of 0.36 of the cells); the LSP device in
     * the direction the MSP residual needs breaks it when that residual exceeds tol (about 0.2: the MSP
     * stops within -1..+2 uS of |W| and overshoots by more than 0.9 uS 37% of the time). About
     * 2 x (0.18 + 0.2) = 0.76 f; measured 0.75 f (ideal) and 0.85 f (PCM).
     */
    @Test
    void stuckLowDevicesBreakAboutThreeCellsInFourFaults() {
        assertRiseBetween("stuckAtMinFraction", 0.5, 1.15);
    }

    /** On the ideal device and on PCM, a fraction F of stuck devices raises Pfail by low * F .. high * F. */
    private static void assertRiseBetween(String fault, double low, double high) {
        for (String device : new String[] {"ideal", "pcm"}) {
            double clean = pfail("device.impl=" + device);
            double stuck = pfail("device.impl=" + device, "device." + fault + "=" + F);
            double perFault = (stuck - clean) / F;
            assertTrue(perFault > low && perFault < high, device + ", " + fault + ": Pfail rose by " + perFault + " f");
        }
    }
}
