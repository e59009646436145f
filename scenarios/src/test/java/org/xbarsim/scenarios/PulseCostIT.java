package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.engine.summary.RunSummary;

/**
 * A stronger SET is not free: by amplitude it costs amplitude^2 in energy and, past PCM's melting
 * amplitude (1.5 times the nominal SET current), partly RESETs the device; by width it costs its time
 * and energy in proportion. Reference policy on 64 rows of tile-rowwise.yaml, chip 1. Measured
 * (Pfail, time, energy): sMsp 1.0 (1.15%, 1.322 ms, 5.52 uJ); by amplitude 1.4 (3.1%, 1.207 ms,
 * 5.74 uJ), 1.8 (29.4%, 1.607 ms, 18.1 uJ), 2.5 (44.8%, 1.607 ms, 42.6 uJ); by width 1.0 (1.15%,
 * 0.946 ms, 5.67 uJ: LSP pulses a quarter long), 3.0 (21.2%, 0.895 ms, 6.06 uJ).
 */
class PulseCostIT {
    private static double[] run(String... overrides) {
        String[] all = new String[overrides.length + 1];
        all[0] = "workload.rows=64";
        System.arraycopy(overrides, 0, all, 1, overrides.length);
        RunSummary s = Runs.run("tile-rowwise.yaml", 2, all);
        return new double[] {s.metric("programming.pfail"), s.metric("programming.timeSeconds"),
            s.metric("programming.energyJoules")};
    }

    @Test
    void aSetStrongerThanTheMeltingAmplitudeFailsMoreAndCostsMore() {
        double[] nominal = run();
        double[] below = run("programming.sMsp=1.4");
        double[] melting = run("programming.sMsp=1.8");
        double[] resetting = run("programming.sMsp=2.5");
        assertTrue(melting[0] > 10 * nominal[0] && resetting[0] > melting[0], "Pfail " + nominal[0] + ", " + melting[0]
                + ", " + resetting[0]);
        assertTrue(melting[2] > 3 * nominal[2] && resetting[2] > 2 * melting[2], "energy " + nominal[2] + ", "
                + melting[2] + ", " + resetting[2]);
        assertTrue(melting[1] >= nominal[1], "no time is won either: " + melting[1] + " s vs " + nominal[1] + " s");
        // Below the melting amplitude a stronger pulse is faster, and costs its amplitude^2.
        assertTrue(below[1] < nominal[1] && below[2] > nominal[2]);
    }

    @Test
    void aWiderSetCostsItsTimeAndEnergy() {
        double[] nominal = run("programming.pulseMode=width");
        double[] wide = run("programming.pulseMode=width", "programming.sMsp=3.0");
        // Three times as long an MSP pulse saves only the MSP pulses it replaces (6%), and overshoots.
        assertTrue(wide[1] > 0.9 * nominal[1], "time " + wide[1] + " s vs " + nominal[1] + " s");
        assertTrue(wide[2] > nominal[2], "energy " + wide[2] + " J vs " + nominal[2] + " J");
        assertTrue(wide[0] > 5 * nominal[0], "Pfail " + wide[0] + " vs " + nominal[0]);
    }
}
