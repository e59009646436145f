package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.AihwkitPcmLaw;
import org.xbarsim.engine.calibrate.LevelSpread;
import org.xbarsim.engine.calibrate.ProgrammedSpread;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;

/**
 * The pcm preset aihwkit-statistical against aihwkit's programming-noise law (pcm.py lines 86-118),
 * with the real plugin jars: the reference row-wise policy on one-pair cells (chip.cell.devices=2)
 * ends with the programmed-state sd of aihwkit's pair law at 0.1, 0.25, 0.5, 0.75 and 1 of G_T, on
 * chips 11-13, which the calibration (chips 1-5) never saw.
 */
class PcmCalibrationIT {
    private static final double[] LEVELS = {0.1, 0.25, 0.5, 0.75, 1.0};
    private static final long[] UNSEEN = {11, 12, 13};

    static List<LevelSpread> spread(String... overrides) {
        Scenario s = new ScenarioLoader(Runs.catalog()).load(Path.of("calibration/pcm-aihwkit-pair.yaml"),
                List.of(overrides), null);
        return ProgrammedSpread.measure(s, s.deviceParameters(), LEVELS, UNSEEN, 128, 2);
    }

    /**
     * Measured sd / law on these chips: 0.99, 0.98, 1.00, 1.01, 1.04. The issue asks for 15%; the
     * chip-to-chip sd of each level's sd is under 0.01 uS (1-2% of the law), so 8% is over 4 of them
     * around the measured ratios and still fails a preset without its relaxation (ratios 0.33-0.60 below).
     * Tried (chips 1-3, the worst level's ratio): doubled alpha spread 2.00, doubled Gmax spread 2.25,
     * doubled cycle-to-cycle noise 1.29 all fail; verify-read noise off (0.96-1.02) does not, as the fit
     * found (weakly identified).
     */
    @Test
    void theReferencePolicyEndsWithAihwkitsProgrammedStateSpreadAtEveryLevel() {
        List<LevelSpread> levels = spread();
        for (LevelSpread l : levels) {
            double law = AihwkitPcmLaw.pairSigma(l.target(), 25);
            double ratio = l.sd() / law;
            assertTrue(Math.abs(ratio - 1) <= 0.08, "level " + l.fraction() + ": sd " + l.sd() + " against " + law);
            assertTrue(l.chipSd() < 0.02, "chip-to-chip sd " + l.chipSd());
            assertEquals(0, l.meanError(), 0.03, "no bias at level " + l.fraction());
        }
        assertEquals(12.5 * 0.1, levels.get(0).target(), 1e-12, "G_T 12.5 uS: half the mean Gmax");
    }

    /** Without the relaxation the verify loop leaves a spread near its acceptance band whatever the target. */
    @Test
    void withoutItsRelaxationThePresetIsFarTooPrecise() {
        List<LevelSpread> levels = spread("device.relaxation=0");
        double top = levels.get(4).sd() / AihwkitPcmLaw.pairSigma(levels.get(4).target(), 25);
        double bottom = levels.get(0).sd() / AihwkitPcmLaw.pairSigma(levels.get(0).target(), 25);
        assertTrue(top < 0.75 && bottom < 0.85, "ratios " + bottom + " .. " + top);
    }
}
