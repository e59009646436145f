package org.xbarsim.api.cost;

import java.util.List;

/**
 * What a cost model needs to know about the chip it prices.
 *
 * @param clockHz              chip clock
 * @param tileRows             rows (word lines) of a tile
 * @param tileCols             cell columns of a tile
 * @param devicesPerCell       devices of one unit cell, side by side on a row
 * @param adcBits              ADC resolution
 * @param adcArchitecture      one of {@link #ADC_ARCHITECTURES}
 * @param adcsPerTile          column ADCs of a tile (cell columns over columns per ADC)
 * @param adcConversionSeconds one conversion; its inverse is the rate an ADC runs at
 * @param readSeconds          read integration time
 */
public record ChipShape(double clockHz, int tileRows, int tileCols, int devicesPerCell, int adcBits,
                        String adcArchitecture, int adcsPerTile, double adcConversionSeconds, double readSeconds) {

    /** Successive approximation, single-slope ramp, current-controlled oscillator (as IBM's HERMES). */
    public static final List<String> ADC_ARCHITECTURES = List.of("sar", "ramp", "cco");

    public ChipShape {
        if (!ADC_ARCHITECTURES.contains(adcArchitecture)) {
            throw new IllegalArgumentException("ADC architecture must be one of " + ADC_ARCHITECTURES + ", got "
                    + adcArchitecture);
        }
    }

    /** Devices on one row of a tile: what a row driver charges. */
    public int devicesPerRow() {
        return tileCols * devicesPerCell;
    }

    /** Conversions per second of one ADC. */
    public double adcSampleRate() {
        return 1 / adcConversionSeconds;
    }
}
