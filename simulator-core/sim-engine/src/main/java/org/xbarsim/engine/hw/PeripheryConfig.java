package org.xbarsim.engine.hw;

import org.xbarsim.engine.converter.AdcErrors;
import org.xbarsim.engine.wire.Wires;

/**
 * The periphery as built, resolved from the {@code chip.adc.*} and {@code chip.wire.*} keys: the ADC's
 * architecture and conversion time, the spreads its column ADCs are built with, the wires' resistance.
 *
 * @param adcArchitecture     sar, ramp or cco
 * @param adcConversionCycles one conversion, clock cycles
 * @param adcErrors           per-column ADC errors and calibration
 * @param wires               word- and bit-line resistance
 */
public record PeripheryConfig(String adcArchitecture, long adcConversionCycles, AdcErrors adcErrors, Wires wires) {

    /** A SAR converter deciding a bit per {@code bitCycles}, ideal, on wires of no resistance. */
    public static PeripheryConfig ideal(int adcBits, long bitCycles) {
        return new PeripheryConfig("sar", adcBits * bitCycles, AdcErrors.NONE, Wires.NONE);
    }
}
