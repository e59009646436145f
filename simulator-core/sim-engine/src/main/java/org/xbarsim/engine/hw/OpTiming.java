package org.xbarsim.engine.hw;

import org.xbarsim.engine.converter.AdcErrors;

/**
 * How long the parts of a row operation take on a tile's own hardware, in clock cycles: the one
 * place these rules live. The functional side uses them to tell a policy how far into its row an
 * outcome arrives (as if nothing were shared); the chip's timeline uses the same rules for every
 * phase it schedules, adding the waits that shared hardware causes.
 *
 * <ul>
 *   <li>A SET pulse: one operation of {@code chip.timing.set}, every enabled device at once.</li>
 *   <li>A RESET: one operation of {@code chip.timing.reset} per device line with an enabled device
 *   (RESET current is too high to pulse the four lines together).</li>
 *   <li>A verify read: integration, then the ADCs; each ADC converts its selected columns in series,
 *   each conversion as long as the ADC architecture takes (a SAR: one bit per {@code chip.timing.adcBit}).</li>
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
