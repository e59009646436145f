package org.xbarsim.engine.hw;

import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.cost.FlatEnergies;
import org.xbarsim.engine.cost.FlatCostModel;

/**
 * The chip's hardware parameters, resolved: durations already in clock cycles, energies in pJ.
 *
 * @param clockHz              chip clock
 * @param tileRows             rows of a crossbar tile
 * @param tileCols             cell columns of a tile (each cell is {@code cell.devices()} device columns)
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
 * @param periphery            the ADCs and wires as built
 * @param costs                the chip priced by its cost model: what the engine charges per action
 * @param shared               what tiles share on the chip's timeline (controllers, supplies, ADC banks)
 * @param cell                 the devices that hold one weight (see {@link UnitCell}); its F is significanceF
 */
public record ChipConfig(double clockHz, int tileRows, int tileCols, double significanceF, int adcBits,
                         int columnsPerAdc, double adcRangeMicroSiemens, long setCycles, long resetCycles,
                         long integrationCycles, long adcBitCycles, long dacStepCycles, double setPicojoules, double resetPicojoules,
                         double readPicojoules, double adcPicojoules, double dacPicojoules,
                         PeripheryConfig periphery, Costs costs, SharedHardware shared, UnitCell cell) {

    /** A chip with an ideal SAR periphery and the flat costs of its energy fields. */
    public ChipConfig(double clockHz, int tileRows, int tileCols, double significanceF, int adcBits,
                      int columnsPerAdc, double adcRangeMicroSiemens, long setCycles, long resetCycles,
                      long integrationCycles, long adcBitCycles, long dacStepCycles, double setPicojoules,
                      double resetPicojoules, double readPicojoules, double adcPicojoules, double dacPicojoules) {
        this(clockHz, tileRows, tileCols, significanceF, adcBits, columnsPerAdc, adcRangeMicroSiemens, setCycles,
                resetCycles, integrationCycles, adcBitCycles, dacStepCycles, setPicojoules, resetPicojoules,
                readPicojoules, adcPicojoules, dacPicojoules, PeripheryConfig.ideal(adcBits, adcBitCycles),
                FlatCostModel.costs(new FlatEnergies(setPicojoules, resetPicojoules, readPicojoules, adcPicojoules,
                        dacPicojoules)), SharedHardware.NONE, UnitCell.twoPairs(significanceF));
    }

    /** The same chip with other shared hardware. */
    public ChipConfig withShared(SharedHardware sharing) {
        return new ChipConfig(clockHz, tileRows, tileCols, significanceF, adcBits, columnsPerAdc,
                adcRangeMicroSiemens, setCycles, resetCycles, integrationCycles, adcBitCycles, dacStepCycles,
                setPicojoules, resetPicojoules, readPicojoules, adcPicojoules, dacPicojoules, periphery, costs, sharing, cell);
    }

    /** The same chip priced by another cost model. */
    public ChipConfig withCosts(Costs priced) {
        return new ChipConfig(clockHz, tileRows, tileCols, significanceF, adcBits, columnsPerAdc,
                adcRangeMicroSiemens, setCycles, resetCycles, integrationCycles, adcBitCycles, dacStepCycles,
                setPicojoules, resetPicojoules, readPicojoules, adcPicojoules, dacPicojoules, periphery, priced, shared, cell);
    }

    /** The same chip with another periphery. */
    public ChipConfig withPeriphery(PeripheryConfig built) {
        return new ChipConfig(clockHz, tileRows, tileCols, significanceF, adcBits, columnsPerAdc,
                adcRangeMicroSiemens, setCycles, resetCycles, integrationCycles, adcBitCycles, dacStepCycles,
                setPicojoules, resetPicojoules, readPicojoules, adcPicojoules, dacPicojoules, built, costs, shared, cell);
    }

    /** The same chip with other unit cells (two pairs take F from significanceF). */
    public ChipConfig withCell(UnitCell devices) {
        return new ChipConfig(clockHz, tileRows, tileCols, significanceF, adcBits, columnsPerAdc,
                adcRangeMicroSiemens, setCycles, resetCycles, integrationCycles, adcBitCycles, dacStepCycles,
                setPicojoules, resetPicojoules, readPicojoules, adcPicojoules, dacPicojoules, periphery, costs, shared,
                devices);
    }

    /** Devices holding one weight: 4, 2 or 1. */
    public int devicesPerCell() {
        return cell.devices();
    }

    /** The chip's {@code chip.energy.*} values, for the flat cost model. */
    public FlatEnergies flatEnergies() {
        return new FlatEnergies(setPicojoules, resetPicojoules, readPicojoules, adcPicojoules, dacPicojoules);
    }

    /** Column ADCs of a tile: its cell columns over the columns multiplexed onto one. */
    public int adcsPerTile() {
        return (tileCols + columnsPerAdc - 1) / columnsPerAdc;
    }

    public double seconds(long cycles) {
        return cycles / clockHz;
    }
}
