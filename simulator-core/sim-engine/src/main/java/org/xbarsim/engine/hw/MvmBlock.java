package org.xbarsim.engine.hw;

import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.converter.ColumnAdcs;
import org.xbarsim.engine.wire.IrDrop;
import org.xbarsim.engine.wire.Wires;

/**
 * The analog matrix-vector multiply of one tile's programmed block at one inference time: the
 * column currents I_c = sum_r x_r W_rc from the conductances as they have drifted, with read noise,
 * converted by the column ADCs. Rows are layer inputs, columns layer outputs.
 *
 * <p>Each device's read noise is Gaussian and independent, so a column's noise is one Gaussian with
 * variance sum_r x_r^2 var_rc, var_rc = F^2 (var GP + var GM) + var LP + var LM on two pairs (see
 * {@link UnitCell#variance}): exact, and one deviate per column and sample instead of one per device. The effective weights and variances are
 * computed once per inference time into float arrays, so a multiply is two dense products.
 */
public final class MvmBlock {
    private final int rows;
    private final int cols;
    private final float[] weights;
    private final float[] variances;
    private final double[] rowConductance;

    /**
     * @param tile    the programmed tile
     * @param rows    rows in use (the block starts at row 0, column 0)
     * @param cols    columns in use
     * @param seconds time since programming ended (drift)
     */
    public MvmBlock(CrossbarTile tile, int rows, int cols, double seconds) {
        this(tile, rows, cols, seconds, Wires.NONE, null);
    }

    /**
     * As above, read through wires of resistance {@code wires}: each device counts with its effective
     * conductance under IR drop with every row of the tile driven or grounded ({@link IrDrop}); its read
     * noise stays that of its own conductance.
     */
    public MvmBlock(CrossbarTile tile, int rows, int cols, double seconds, Wires wires) {
        this(tile, rows, cols, seconds, wires, null);
    }

    /**
     * As above; when the devices hold their read noise for an inference time
     * ({@link DeviceArray#readNoisePerInferenceTime()}), each device's noise is drawn here, once, from
     * {@code heldNoise} (device order) and added to its conductance, clipped at 0 as aihwkit does, and the
     * block's reads are then noiseless. A null stream leaves the noise per read.
     */
    public MvmBlock(CrossbarTile tile, int rows, int cols, double seconds, Wires wires, RandomStream heldNoise) {
        this(tile, rows, cols, Reading.at(tile.devices(), seconds), wires, heldNoise);
    }

    /**
     * As above for devices of several ages: device i was last programmed {@code secondsPerDevice[i]}
     * ago (a chip in its working life, refreshed in parts).
     */
    public MvmBlock(CrossbarTile tile, int rows, int cols, double[] secondsPerDevice, Wires wires,
                    RandomStream heldNoise) {
        this(tile, rows, cols, Reading.at(tile.devices(), secondsPerDevice), wires, heldNoise);
    }

    /** The drifted conductances of every device of a tile and their read-noise variances. */
    private record Reading(double[] g, double[] v) {
        static Reading at(DeviceArray devices, double seconds) {
            Reading r = of(devices);
            devices.drifted(seconds, r.g);
            devices.readNoiseVariances(seconds, r.g, r.v);
            return r;
        }

        static Reading at(DeviceArray devices, double[] seconds) {
            Reading r = of(devices);
            devices.drifted(seconds, r.g);
            devices.readNoiseVariances(seconds, r.g, r.v);
            return r;
        }

        private static Reading of(DeviceArray devices) {
            return new Reading(new double[devices.size()], new double[devices.size()]);
        }
    }

    private MvmBlock(CrossbarTile tile, int rows, int cols, Reading reading, Wires wires, RandomStream heldNoise) {
        this.rows = rows;
        this.cols = cols;
        DeviceArray devices = tile.devices();
        UnitCell cell = tile.cell();
        double[] g = reading.g();
        double[] v = reading.v();
        this.rowConductance = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int line = 0; line < cell.devices(); line++) {
                int base = tile.base(line, r);
                for (int c = 0; c < tile.cols(); c++) {
                    rowConductance[r] += g[base + c];
                }
            }
        }
        if (heldNoise != null && devices.readNoisePerInferenceTime()) {
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.max(0, g[i] + Math.sqrt(v[i]) * heldNoise.nextGaussian());
            }
            java.util.Arrays.fill(v, 0);
        }
        if (wires.present()) {
            if (cell.devices() != 4) {
                throw new IllegalArgumentException("IR drop is modelled for cells of four devices, not " + cell.devices());
            }
            g = throughWires(tile, g, wires);
        }
        int plane = tile.rows() * tile.cols();
        this.weights = new float[rows * cols];
        this.variances = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * tile.cols() + c;
                weights[r * cols + c] = (float) tile.weight(g, r, c);
                variances[r * cols + c] = (float) cell.variance(v, plane, i);
            }
        }
    }

    /** The drifted conductances as the wires make them count: effective ones, in the tile's own order. */
    private static double[] throughWires(CrossbarTile tile, double[] g, Wires wires) {
        int n = 4 * tile.cols();
        double[] wired = new double[tile.rows() * n];
        for (int r = 0; r < tile.rows(); r++) {
            WireOrder.gather(tile, g, r, wired);
        }
        double[] effective = new double[wired.length];
        new IrDrop(wires, tile.rows(), n).effective(wired, effective);
        double[] out = new double[g.length];
        for (int r = 0; r < tile.rows(); r++) {
            WireOrder.scatter(tile, effective, r, out);
        }
        return out;
    }

    /** Sum of the drifted conductances of every device on row {@code r} of the tile, uS: what driving it costs. */
    public double rowConductance(int r) {
        return rowConductance[r];
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Sum of |W| over the block's cells, uS: what a calibration read of the block measures. */
    public double sumAbsWeights() {
        double sum = 0;
        for (float w : weights) {
            sum += Math.abs(w);
        }
        return sum;
    }

    /** The effective (drifted, noiseless) weight of a cell, uS. */
    public float weight(int row, int col) {
        return weights[row * cols + col];
    }

    /**
     * y[b * cols + c] = ADC(sum_r x[b * rows + r] W_rc + noise), uS times input units, for a batch
     * of inputs already quantised by the DAC. A null ADC means an ideal converter, a null noise
     * stream a noiseless read (for calibration).
     */
    public void multiply(float[] x, int batch, Adc adc, RandomStream noise, float[] y) {
        multiply(x, batch, adc, null, null, noise, y);
    }

    /**
     * As above through column ADCs as built ({@code adcs}, null for ideal ones) whose conversions draw
     * their noise from {@code adcNoise}: each column's ADC converts with its own errors and the digital
     * periphery applies its calibration.
     */
    public void multiply(float[] x, int batch, Adc adc, ColumnAdcs adcs, RandomStream adcNoise, RandomStream noise,
                         float[] y) {
        double[] mean = new double[cols];
        double[] var = new double[cols];
        for (int b = 0; b < batch; b++) {
            java.util.Arrays.fill(mean, 0);
            java.util.Arrays.fill(var, 0);
            int xo = b * rows;
            for (int r = 0; r < rows; r++) {
                double xr = x[xo + r];
                if (xr == 0) {
                    continue; // a row not driven adds neither current nor noise
                }
                double xr2 = xr * xr;
                int wo = r * cols;
                for (int c = 0; c < cols; c++) {
                    mean[c] += xr * weights[wo + c];
                    var[c] += xr2 * variances[wo + c];
                }
            }
            int yo = b * cols;
            for (int c = 0; c < cols; c++) {
                double current = noise == null ? mean[c] : mean[c] + Math.sqrt(var[c]) * noise.nextGaussian();
                y[yo + c] = (float) (adc == null ? current : adcs == null ? adc.value(adc.convert(current))
                        : convert(adc, adcs, c, current, adcNoise));
            }
        }
    }

    private static double convert(Adc adc, ColumnAdcs adcs, int column, double current, RandomStream noise) {
        double lsb = adc.lsbMicroSiemens();
        int code = adcs.code(column, (current - adc.lowMicroSiemens()) / lsb, noise);
        return adc.lowMicroSiemens() + adcs.output(column, code) * lsb;
    }
}
