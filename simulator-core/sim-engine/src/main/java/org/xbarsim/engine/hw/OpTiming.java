package org.xbarsim.engine.hw;

import org.xbarsim.engine.converter.AdcErrors;

/**
 * How long the parts of a row operation take on a tile's own hardware, in clock cycles: the one
 * place these rules live. The functional side uses them to tell a policy how far into its row an
 * outcome arrives (as if nothing were shared); the chip's timeline uses the same rules for every
 * phase it schedules, adding the waits that shared hardware causes.
 *
 * <ul>
 *   <li>A SET pulse: one operation of {@code chip.timing.set} times its width relative to the nominal
 *   SET pulse (at least a cycle), every enabled device at once.</li>
 *   <li>A RESET: one operation of {@code chip.timing.reset} per device line with an enabled device
 *   (RESET current is too high to pulse the four lines together).</li>
 *   <li>A verify read: integration, then the ADCs; each ADC converts its selected columns in series,
 *   each conversion as long as the ADC architecture takes (a SAR: one bit per {@code chip.timing.adcBit}).</li>
 *   <li>An inference multiply: the DAC drives the rows for its steps, the columns integrate, then the ADCs
 *   convert every column of the block (each ADC its columns in series); the link carries the partial
 *   sums to the digital periphery, whose lanes add them, rescale and activate each output.</li>
 * </ul>
 */
public final class OpTiming {
    private final ChipConfig chip;

    public OpTiming(ChipConfig chip) {
        this.chip = chip;
    }

    public long setCycles() {
        return chip.setCycles();
    }

    /** A SET of {@code width} times the nominal pulse's: at least one cycle. */
    public long setCycles(double width) {
        return Math.max(1, Math.round(width * chip.setCycles()));
    }

    /** One device line's RESET. */
    public long resetCycles() {
        return chip.resetCycles();
    }

    public long integrationCycles() {
        return chip.integrationCycles();
    }

    /**
     * The ADCs' part of a read whose busiest ADC converts {@code conversionsInSeries} columns, each
     * conversion as long as the chip's ADC architecture takes ({@link PeripheryConfig#adcConversionCycles}).
     */
    public long conversionCycles(int conversionsInSeries) {
        return conversionsInSeries * chip.periphery().adcConversionCycles();
    }

    /**
     * Cycles a tile spends calibrating its column ADCs before its first row, when the periphery
     * calibrates them: each converts {@link AdcErrors#CALIBRATION_POINTS} reference inputs, the ADCs
     * in parallel. 0 otherwise.
     */
    public long calibrationCycles() {
        return chip.periphery().adcErrors().calibration()
                ? AdcErrors.CALIBRATION_POINTS * chip.periphery().adcConversionCycles() : 0;
    }

    /**
     * The input phase of a multiply whose DAC takes {@code dacSteps} steps (2^bits - 1 with pulse-width
     * encoding, one with amplitude encoding; see {@link Dac#steps}), each {@code chip.timing.dacStep} long.
     */
    public long driveCycles(long dacSteps) {
        return dacSteps * chip.dacStepCycles();
    }

    /**
     * The ADCs' part of a multiply of a block {@code cols} columns wide: every column is converted, each
     * ADC converting its (up to {@code chip.adc.columnsPerAdc}) columns in series.
     */
    public long multiplyConversionCycles(int cols) {
        return conversionCycles(Math.min(chip.columnsPerAdc(), cols));
    }

    /**
     * The link carrying {@code outputs} partial sums of one ADC code each ({@code chip.adc.bits} bits) to
     * the digital periphery: ceil(outputs x bits / width) cycles; 0 for an ideal link (width 0).
     */
    public long linkCycles(int outputs) {
        int width = chip.shared().dataPath().linkBitsPerCycle();
        if (width == 0) {
            return 0;
        }
        long bits = (long) outputs * chip.adcBits();
        return (bits + width - 1) / width;
    }

    /**
     * The digital periphery doing {@code operationsPerOutput} operations on each of {@code outputs} values
     * with one lane per ADC of a tile: ceil(outputs / lanes) rounds of that many operations.
     */
    public long digitalCycles(int outputs, int operationsPerOutput) {
        int lanes = chip.adcsPerTile();
        long rounds = (outputs + lanes - 1) / lanes;
        return rounds * operationsPerOutput * chip.shared().dataPath().digitalOpCycles();
    }

    /**
     * Operation {@code op} of a row's demand on the tile's own hardware with nothing shared: its
     * pulses one after another, then integration and conversion if it reads.
     */
    public long isolatedCycles(RowDemand demand, int op) {
        long cycles = 0;
        if (demand.isPulse(op)) {
            cycles = demand.pulsePhases(op) * demand.pulseCycles(op);
        }
        if (demand.reads(op)) {
            cycles += integrationCycles() + conversionCycles(demand.conversionsInSeries(op));
        }
        return cycles;
    }
}
