package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.xbarsim.engine.summary.RunSummary;
import org.junit.jupiter.api.Test;

/**
 * What a user changes and expects to see: serial programming is as good and much slower; a coarser
 * ADC loses weights; sharing an ADC among columns slows every verify read.
 */
class PeripheryAndPolicyIT {
    private static final String ROWS_32 = "workload.rows=32";

    @Test
    void serialReachesTheSameSuccessAndTakesFarLonger() {
        RunSummary rowwise = Runs.run("tile-rowwise.yaml", 2, ROWS_32);
        RunSummary serial = Runs.run("tile-rowwise.yaml", 2, ROWS_32, "programming.impl=serial-closed-loop");
        // 8,192 weights: a binomial standard error of about 0.12 points at 99%; one point is far outside noise.
        assertEquals(rowwise.programming().total().successFraction(),
                serial.programming().total().successFraction(), 0.01);
        double ratio = serial.programming().total().timeSeconds() / rowwise.programming().total().timeSeconds();
        // Serial gives each of the 256 columns its own pulse and read sequence; row-wise pays for the
        // slowest column of a row only. Measured: about 37x (256 x mean ops per column / ops per row).
        assertTrue(ratio > 20 && ratio < 256, "serial/row-wise time ratio " + ratio);
    }

    @Test
    void fewerAdcBitsLoseWeights() {
        double bits10 = Runs.run("tile-rowwise.yaml", 2, ROWS_32).programming().total().successFraction();
        double bits6 = Runs.run("tile-rowwise.yaml", 2, ROWS_32, "chip.adc.bits=6").programming().total().successFraction();
        double bits4 = Runs.run("tile-rowwise.yaml", 2, ROWS_32, "chip.adc.bits=4").programming().total().successFraction();
        // A 4-bit LSB over +-60 uS is 7.5 uS, eight times the tolerance: verify reads cannot tell done from not.
        assertTrue(bits10 > 0.98, "10 bits: " + bits10);
        assertTrue(bits6 < bits10 - 0.05, "6 bits: " + bits6 + " vs 10 bits: " + bits10);
        assertTrue(bits4 < 0.5, "4 bits: " + bits4);
    }

    @Test
    void sharedAdcsSlowTheVerifyReads() {
        RunSummary own = Runs.run("tile-rowwise.yaml", 2, ROWS_32);
        RunSummary shared = Runs.run("tile-rowwise.yaml", 2, ROWS_32, "chip.adc.columnsPerAdc=8");
        // Same physics and policy, same random streams: identical weights, only the read takes longer.
        assertEquals(own.programming().total().successFraction(),
                shared.programming().total().successFraction());
        double readOps = own.programming().total().readOpsPerRow() * 32;
        double extraCycles = shared.programming().total().cycles() - own.programming().total().cycles();
        // Each read converts 8 columns in series on each ADC: 7 extra conversions of 10 bits at 1 cycle a bit.
        assertEquals(readOps * 7 * 10, extraCycles, 1e-9);
    }
}
