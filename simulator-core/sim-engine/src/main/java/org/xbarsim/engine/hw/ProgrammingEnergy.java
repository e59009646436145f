package org.xbarsim.engine.hw;

/**
 * Programming energy by part, pJ, as primitive counters a row bumps and a tile, layer or run sums: SET
 * and RESET pulses, the array's share of verify reads, their conversions, the row drive, and the ADC
 * calibration before the first row.
 */
public final class ProgrammingEnergy {
    public double set;
    public double reset;
    public double read;
    public double adc;
    public double dac;
    public double calibration;

    /** Adds another's parts to these. */
    public void add(ProgrammingEnergy o) {
        set += o.set;
        reset += o.reset;
        read += o.read;
        adc += o.adc;
        dac += o.dac;
        calibration += o.calibration;
    }

    void clear() {
        set = 0;
        reset = 0;
        read = 0;
        adc = 0;
        dac = 0;
        calibration = 0;
    }
}
