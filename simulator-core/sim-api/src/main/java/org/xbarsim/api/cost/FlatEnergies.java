package org.xbarsim.api.cost;

/**
 * The chip's {@code chip.energy.*} keys: flat per-operation energies (science.md section 5), which the
 * built-in {@code flat} cost model charges as they are. In pJ.
 *
 * @param set   per device pulsed
 * @param reset per device reset
 * @param read  per device read
 * @param adc   per conversion
 * @param dac   per row input driven, one per read
 */
public record FlatEnergies(double set, double reset, double read, double adc, double dac) {
}
