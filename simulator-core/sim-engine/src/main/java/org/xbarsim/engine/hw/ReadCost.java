package org.xbarsim.engine.hw;

import org.xbarsim.api.cost.Costs;

/**
 * What one read of a row costs, pJ, priced by the chip's cost model: every converted cell's
 * devices read (a fixed part each, and V^2 G t of every device on the driven row when the model prices
 * it), the conversions, and the row's drive. Programming's verify reads and a working life's
 * compensation and refresh reads are priced alike.
 *
 * @param read the devices' reads
 * @param adc  the conversions
 * @param dac  the row driven
 */
public record ReadCost(double read, double adc, double dac) {

    /**
     * A read converting {@code converted} cells of a row whose devices' conductances sum to
     * {@code rowMicroSiemens} (used only when the cost model prices V^2 G t).
     */
    public static ReadCost of(ChipConfig chip, int converted, double rowMicroSiemens) {
        Costs costs = chip.costs();
        double read = converted * chip.cell().devices() * costs.readPerDevice();
        if (costs.readVolts() > 0) {
            read += costs.readEnergy(rowMicroSiemens, 1.0, chip.seconds(chip.integrationCycles()));
        }
        return new ReadCost(read, converted * costs.adc(), costs.rowDrive());
    }

    /** The three summed in this order, so that the flat model's total is what it was before costs had parts. */
    public double total() {
        return read + adc + dac;
    }
}
