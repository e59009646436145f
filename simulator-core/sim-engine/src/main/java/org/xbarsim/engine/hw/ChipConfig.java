package org.xbarsim.engine.hw;

/**
 * The chip's hardware parameters, resolved: durations already in clock cycles, energies in pJ.
 *
 * @param clockHz              chip clock
 * @param tileRows             rows of a crossbar tile
 * @param tileCols             cell columns of a tile (each cell is four device columns)
 * @param significanceF        F in W = F (GP - GM) + (LP - LM)
 * @param adcBits              SAR ADC resolution
 * @param columnsPerAdc        cell columns multiplexed onto one ADC, converted in series
 * @param adcRangeMicroSiemens ADC full scale: it converts W in [-range, +range) and clips outside
 * @param setCycles            one SET pulse operation
 * @param resetCycles          one RESET pulse operation (one device line)
 * @param integrationCycles    read integration before conversion
 * @param adcBitCycles         one SAR bit decision
 * @param dacStepCycles        one input DAC step in inference
 * @param setPicojoules        per device pulsed
 * @param resetPicojoules      per device reset
 * @param readPicojoules       per device read
 * @param adcPicojoules        per conversion
 * @param dacPicojoules        per row input driven (one per read operation)
 * @param shared               what tiles share on the chip's timeline (controllers, supplies, ADC banks)
 */
public record ChipConfig(double clockHz, int tileRows, int tileCols, double significanceF, int adcBits,
                         int columnsPerAdc, double adcRangeMicroSiemens, long setCycles, long resetCycles,
                         long integrationCycles, long adcBitCycles, long dacStepCycles, double setPicojoules, double resetPicojoules,
                         double readPicojoules, double adcPicojoules, double dacPicojoules, SharedHardware shared) {

    /** A chip whose tiles share nothing ({@link SharedHardware#NONE}). */
    public ChipConfig(double clockHz, int tileRows, int tileCols, double significanceF, int adcBits, int columnsPerAdc,
                      double adcRangeMicroSiemens, long setCycles, long resetCycles, long integrationCycles,
                      long adcBitCycles, long dacStepCycles, double setPicojoules, double resetPicojoules,
                      double readPicojoules, double adcPicojoules, double dacPicojoules) {
        this(clockHz, tileRows, tileCols, significanceF, adcBits, columnsPerAdc, adcRangeMicroSiemens, setCycles,
                resetCycles, integrationCycles, adcBitCycles, dacStepCycles, setPicojoules, resetPicojoules,
                readPicojoules, adcPicojoules, dacPicojoules, SharedHardware.NONE);
    }

    /** The same chip with other shared hardware. */
    public ChipConfig withShared(SharedHardware sharing) {
        return new ChipConfig(clockHz, tileRows, tileCols, significanceF, adcBits, columnsPerAdc, adcRangeMicroSiemens,
                setCycles, resetCycles, integrationCycles, adcBitCycles, dacStepCycles, setPicojoules, resetPicojoules,
                readPicojoules, adcPicojoules, dacPicojoules, sharing);
    }

    public double seconds(long cycles) {
        return cycles / clockHz;
    }
}
