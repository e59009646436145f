package org.xbarsim.engine.hw;

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
 *   one SAR bit per {@code chip.timing.adcBit}.</li>
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

    /** The ADCs' part of a read whose busiest ADC converts {@code conversionsInSeries} columns. */
    public long conversionCycles(int conversionsInSeries) {
        return conversionsInSeries * (long) chip.adcBits() * chip.adcBitCycles();
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
