package org.xbarsim.engine.hw;

import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.LinearReadNoise;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.converter.ColumnAdcs;

/**
 * The verify-read path of a tile: the row is driven, each column integrates the currents of its
 * cell's devices (on two pairs the MSP pair weighted by F; a single device against the reference
 * column), and an ADC converts the result.
 *
 * <p>The functional step ({@link #sample}, {@link #convert}) is separate from its timing
 * ({@link #conversionsInSeries}, which {@link OpTiming} turns into cycles) so tests can call it directly. Read noise is Gaussian and independent
 * per device, so the integrated noise of a column is one Gaussian with variance
 * F^2 (var GP + var GM) + var LP + var LM (var GP + var GM on a pair, var G on a single device): one
 * deviate per column instead of one per device. The wires' IR drop is modelled for two-pair cells.
 */
public final class ReadPath {
    private final CrossbarTile tile;
    private final Adc adc;
    private final int columnsPerAdc;
    private final double[][] variance;
    /** Conversions queued on each ADC during one read: reused, reads are per row operation. */
    private final int[] adcLoad;

    /** The column ADCs as built, or null for ideal ones. */
    private final ColumnAdcs adcs;
    /** IR drop on the verify read, or null when the wires have no resistance or reads do not see it. */
    private final VerifyWires wires;

    public ReadPath(CrossbarTile tile, Adc adc, int columnsPerAdc) {
        this(tile, adc, columnsPerAdc, null, null);
    }

    /** A read path whose ADCs are {@code adcs} (null: ideal) and whose reads see {@code wires} (null: none). */
    ReadPath(CrossbarTile tile, Adc adc, int columnsPerAdc, ColumnAdcs adcs, VerifyWires wires) {
        this.tile = tile;
        this.adc = adc;
        this.columnsPerAdc = columnsPerAdc;
        if (wires != null && tile.cell().devices() != 4) {
            throw new IllegalArgumentException("IR drop on verify reads is modelled for cells of four devices, not "
                    + tile.cell().devices());
        }
        this.variance = new double[tile.cell().devices()][tile.cols()];
        this.adcLoad = new int[(tile.cols() + columnsPerAdc - 1) / columnsPerAdc];
        this.adcs = adcs;
        this.wires = wires;
    }

    public Adc adc() {
        return adc;
    }

    /** Noisy integrated weights of the listed columns of a row, uS, into {@code out[k]}. */
    public void sample(int row, int[] cols, int count, RandomStream rng, double[] out) {
        DeviceArray devices = tile.devices();
        // Devices that declare a linear law have their variances worked out inside the read loop (the
        // verify read was a third of a large run's time, asking the array for variances first a quarter of that).
        LinearReadNoise law = wires == null && variance.length == 4 ? devices.linearReadNoise() : null;
        if (law == null) {
            for (int line = 0; line < variance.length; line++) {
                devices.readNoiseVariance(tile.base(line, row), cols, count, variance[line]);
            }
        }
        if (wires != null) {
            sampleThroughWires(row, cols, count, rng, out);
            return;
        }
        switch (variance.length) {
            case 4 -> sampleTwoPairs(row, cols, count, law, rng, out);
            case 2 -> samplePair(row, cols, count, rng, out);
            default -> sampleSingle(row, cols, count, rng, out);
        }
    }

    /**
     * Two pairs: W = F (GP - GM) + (LP - LM), variance F^2 (var GP + var GM) + var LP + var LM, each
     * device's variance from {@code law} when there is one (the very arithmetic of
     * {@link DeviceArray#readNoiseVariance}), else from what the array reported.
     */
    private void sampleTwoPairs(int row, int[] cols, int count, LinearReadNoise law, RandomStream rng, double[] out) {
        double[] g = tile.devices().conductances();
        double f = tile.significanceF();
        double f2 = f * f;
        int gp = tile.base(0, row);
        int gm = tile.base(1, row);
        int lp = tile.base(2, row);
        int lm = tile.base(3, row);
        double[] vGp = variance[0];
        double[] vGm = variance[1];
        double[] vLp = variance[2];
        double[] vLm = variance[3];
        for (int k = 0; k < count; k++) {
            int c = cols[k];
            double dGp = g[gp + c];
            double dGm = g[gm + c];
            double dLp = g[lp + c];
            double dLm = g[lm + c];
            double w = f * (dGp - dGm) + (dLp - dLm);
            double v = law != null
                    ? f2 * (law.variance(dGp) + law.variance(dGm)) + law.variance(dLp) + law.variance(dLm)
                    : f2 * (vGp[k] + vGm[k]) + vLp[k] + vLm[k];
            out[k] = w + Math.sqrt(v) * rng.nextGaussian();
        }
    }

    private void samplePair(int row, int[] cols, int count, RandomStream rng, double[] out) {
        double[] g = tile.devices().conductances();
        int gp = tile.base(0, row);
        int gm = tile.base(1, row);
        double[] vGp = variance[0];
        double[] vGm = variance[1];
        for (int k = 0; k < count; k++) {
            int c = cols[k];
            out[k] = g[gp + c] - g[gm + c] + Math.sqrt(vGp[k] + vGm[k]) * rng.nextGaussian();
        }
    }

    /** The reference column is exact: it adds neither noise nor error, only its offset. */
    private void sampleSingle(int row, int[] cols, int count, RandomStream rng, double[] out) {
        double[] g = tile.devices().conductances();
        double reference = tile.cell().referenceMicroSiemens();
        int base = tile.base(0, row);
        double[] v = variance[0];
        for (int k = 0; k < count; k++) {
            out[k] = g[base + cols[k]] - reference + Math.sqrt(v[k]) * rng.nextGaussian();
        }
    }

    /**
     * As {@link #sample} with the row's IR drop: each device counts with its effective conductance under
     * the wires (in wire order, cell * 4 + line); its read noise is that of its own conductance.
     */
    private void sampleThroughWires(int row, int[] cols, int count, RandomStream rng, double[] out) {
        double[] e = wires.read(row);
        double f = tile.significanceF();
        double f2 = f * f;
        for (int k = 0; k < count; k++) {
            int j = cols[k] * 4;
            double w = f * (e[j] - e[j + 1]) + (e[j + 2] - e[j + 3]);
            double sigma = Math.sqrt(f2 * (variance[0][k] + variance[1][k]) + variance[2][k] + variance[3][k]);
            out[k] = w + sigma * rng.nextGaussian();
        }
    }

    /**
     * ADC codes of sampled values of the listed columns, through the column ADCs as built: each converts
     * with its own errors and the digital periphery applies its calibration, written back on the ADC's
     * code grid (the result a policy decodes). Ideal ADCs convert as {@link #convert(double[], int, int[])}.
     */
    public void convert(int[] cols, double[] sampled, int count, RandomStream noise, int[] codesOut) {
        if (adcs == null) {
            convert(sampled, count, codesOut);
            return;
        }
        double low = adc.lowMicroSiemens();
        double lsb = adc.lsbMicroSiemens();
        int top = (1 << adc.bits()) - 1;
        for (int k = 0; k < count; k++) {
            int code = adcs.code(cols[k], (sampled[k] - low) / lsb, noise);
            double corrected = adcs.output(cols[k], code);
            codesOut[k] = corrected <= 0 ? 0 : corrected >= top ? top : (int) corrected;
        }
    }

    /** ADC codes of sampled values. */
    public void convert(double[] sampled, int count, int[] codesOut) {
        for (int k = 0; k < count; k++) {
            codesOut[k] = adc.convert(sampled[k]);
        }
    }

    /**
     * Cycles from the start of integration to the last conversion: the ADCs work in parallel, each
     * converting the selected columns of its group in series.
     */
    public long conversionsInSeries(int[] cols, int count) {
        if (columnsPerAdc == 1) {
            return count > 0 ? 1 : 0;
        }
        java.util.Arrays.fill(adcLoad, 0);
        int most = 0;
        for (int k = 0; k < count; k++) {
            most = Math.max(most, ++adcLoad[cols[k] / columnsPerAdc]);
        }
        return most;
    }
}
