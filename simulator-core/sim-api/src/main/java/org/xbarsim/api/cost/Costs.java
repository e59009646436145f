package org.xbarsim.api.cost;

/**
 * A chip priced by a {@link CostModel}: plain numbers the engine multiplies by the actions it counts.
 * Energies in pJ.
 *
 * <p>A device read costs {@code readPerDevice} plus, when {@code readVolts} is above 0, the energy the
 * read voltage dissipates in the device, V^2 G t with the actual input and conductance (so a row
 * that is not driven costs nothing there). A pulse of relative amplitude a and width w costs a^2 w
 * times the nominal pulse's energy ({@link #pulse}).
 *
 * @param model         the model's id, for the summary
 * @param set           nominal SET pulse, per device pulsed
 * @param reset         nominal RESET pulse, per device reset
 * @param readPerDevice fixed part of a read, per device read
 * @param readVolts     read voltage for the V^2 G t part; 0 leaves it out
 * @param adc           one conversion at the chip's resolution and rate
 * @param rowDrive      one row driven for one read (its DAC and the word line's charge)
 * @param dacStep       one DAC step of one row (duration encoding steps 2^bits - 1 times)
 * @param accumulate    one digital addition of a partial sum, per output
 * @param scale         one digital rescaling, per output
 * @param activation    one activation, per output
 * @param area          a tile's area by part
 */
public record Costs(String model, double set, double reset, double readPerDevice, double readVolts, double adc,
                    double rowDrive, double dacStep, double accumulate, double scale, double activation,
                    TileArea area) {

    public Costs {
        double[] all = {set, reset, readPerDevice, readVolts, adc, rowDrive, dacStep, accumulate, scale, activation};
        for (double v : all) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("costs of model " + model + " must be finite and >= 0, got " + v);
            }
        }
    }

    /**
     * The energy of a pulse of relative amplitude {@code amplitude} and width {@code width} whose
     * nominal (1, 1) pulse costs {@code nominal}: a^2 w nominal. The pulse drives a resistive load,
     * so its power goes as the square of its amplitude and its energy as its duration (NVSim charges
     * a write as V I t, Dong et al., IEEE TCAD 31(7), 2012).
     */
    public static double pulse(double nominal, double amplitude, double width) {
        return nominal * amplitude * amplitude * width;
    }

    /**
     * The V^2 G t part of a read of devices whose conductances sum to {@code microSiemens}, driven at
     * {@code relativeVolts} of the read voltage for {@code seconds}, in pJ.
     */
    public double readEnergy(double microSiemens, double relativeVolts, double seconds) {
        double v = readVolts * relativeVolts;
        return v * v * microSiemens * 1e-6 * seconds * 1e12;
    }
}
