package org.xbarsim.engine.hw;

import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.random.RandomStream;

/**
 * The verify-read path of a tile: the row is driven, each column integrates the currents of its
 * four devices with the MSP pair weighted by F, and an ADC converts the result.
 *
 * <p>The functional step ({@link #sample}, {@link #convert}) is separate from its timing
 * ({@link #conversionsInSeries}, which {@link OpTiming} turns into cycles) so tests can call it directly. Read noise is Gaussian and independent
 * per device, so the integrated noise of a column is one Gaussian with variance
 * F^2 (var GP + var GM) + var LP + var LM: one deviate per column instead of four.
 */
public final class ReadPath {
    private final CrossbarTile tile;
    private final Adc adc;
    private final int columnsPerAdc;
    private final double[][] variance;
    /** Conversions queued on each ADC during one read: reused, reads are per row operation. */
    private final int[] adcLoad;

    public ReadPath(CrossbarTile tile, Adc adc, int columnsPerAdc) {
        this.tile = tile;
        this.adc = adc;
        this.columnsPerAdc = columnsPerAdc;
        this.variance = new double[4][tile.cols()];
        this.adcLoad = new int[(tile.cols() + columnsPerAdc - 1) / columnsPerAdc];
    }

    public Adc adc() {
        return adc;
    }

    /** Noisy integrated weights of the listed columns of a row, uS, into {@code out[k]}. */
    public void sample(int row, int[] cols, int count, RandomStream rng, double[] out) {
        DeviceArray devices = tile.devices();
        for (int line = 0; line < 4; line++) {
            devices.readNoiseVariance(tile.base(line, row), cols, count, variance[line]);
        }
        double[] g = devices.conductances();
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
            double w = f * (g[gp + c] - g[gm + c]) + (g[lp + c] - g[lm + c]);
            double sigma = Math.sqrt(f2 * (vGp[k] + vGm[k]) + vLp[k] + vLm[k]);
            out[k] = w + sigma * rng.nextGaussian();
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
