package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.engine.summary.RunSummary;

/**
 * One-pair and single-device cells (chip.cell.devices) through the engine with the real plugin jars:
 * tile-rowwise.yaml's PCM and reference policy on 64 rows, the ADC range narrowed to 20 uS for cells
 * whose weights span +-G_T instead of +-F G_T. Ranges are 4 chip-to-chip standard deviations around the
 * mean over chips 1-5 (measured mean and sd in each comment).
 */
class UnitCellsIT {
    private static final String[] PAIR = {"workload.rows=64", "chip.cell.devices=2", "chip.adc.range=20uS"};
    private static final String[] SINGLE = {"workload.rows=64", "chip.cell.devices=1", "chip.adc.range=20uS",
        "programming.gTargetMax=10uS"};

    /**
     * A pair corrects both ways at the fine strength and its tolerance is 6% of G_T (2% of F G_T on two
     * pairs): no failures, mean |error| 0.2184 uS (0.0010 over chips 1-5), the acceptance band's.
     */
    @Test
    void aPairProgramsEveryWeightWithinTolerance() {
        RunSummary s = Runs.run("tile-rowwise.yaml", 2, PAIR);
        assertTrue(s.metric("programming.pfail") < 0.001);
        assertEquals(0.2184, s.metric("programming.meanAbsErrorMicroSiemens"), 4 * 0.0010);
        assertEquals("2", s.config().get("chip.cell.devices"));
    }

    /**
     * A single PCM device cannot come back from a pulse past its target and climbs from the reset
     * state, 12.4 uS below the reference: Pfail 3.97% (0.18 points over chips 1-5), and every row spends its budget
     * (1 RESET + 80 SETs).
     */
    @Test
    void aSingleDeviceFailsWhereItsLastPulseOvershoots() {
        RunSummary s = Runs.run("tile-rowwise.yaml", 2, SINGLE);
        assertEquals(0.0397, s.metric("programming.pfail"), 4 * 0.0018);
        assertEquals(81, s.metric("programming.pulseOpsPerRow"), 0.5);
    }

    @Test
    void smallerCellsAreDeterministicOnOneAndTwoThreads() {
        for (String[] cell : new String[][] {PAIR, SINGLE}) {
            String[] small = new String[cell.length + 4];
            System.arraycopy(cell, 0, small, 0, cell.length);
            small[cell.length] = "chip.tile.rows=32";
            small[cell.length + 1] = "chip.tile.cols=64";
            small[cell.length + 2] = "workload.cols=128";
            small[cell.length + 3] = "workload.rows=64";
            RunSummary one = Runs.run("tile-rowwise.yaml", 1, small).withoutWallClock();
            RunSummary two = Runs.run("tile-rowwise.yaml", 2, small).withoutWallClock();
            assertEquals(one.toJson(), two.toJson());
        }
    }
}
