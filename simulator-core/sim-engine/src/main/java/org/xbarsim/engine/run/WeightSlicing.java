package org.xbarsim.engine.run;

import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.workload.WeightLayer;

/**
 * A weight spread over {@code slices} cells of decreasing significance, {@code bitsPerSlice} bits each
 * ({@code inference.weightSlices}, {@code inference.weightSliceBits}): the cell's significance factor F
 * generalised to k cells, each a ratio of 2^bitsPerSlice above the next, recombined digitally after the
 * ADC rather than in the column. It follows CrossSim's bit-sliced core (sandialabs/cross-sim,
 * simulator/cores/bitsliced_core.py, {@code _wrapper_set_matrix}, balanced style): the weight is quantised
 * to slices x bitsPerSlice bits of magnitude, the magnitude cut into digits of bitsPerSlice bits, every
 * digit carrying the weight's sign, each slice's digits mapped onto the full conductance range
 * ({@code W_i /= 2^Wbits_slice - 1}), and the slices' outputs added with their significance after each
 * slice's own conversion.
 *
 * <p>Each slice is a column group of its own: a layer of {@code cols} outputs is programmed as a matrix of
 * {@code slices x cols} columns, slice s (0 the most significant) in columns {@code s cols .. s cols + cols - 1},
 * so the tiles, cells, programming pulses, verify reads and inference conversions of every slice are the
 * programming run's and the chip's like any other column's. One slice ({@code slices = 1}) is the
 * unsliced analog weight, not quantised: today's mapping, unchanged.
 *
 * @param slices       cells per weight, 1..8
 * @param bitsPerSlice bits of magnitude per cell, 1..8 (ignored with one slice)
 */
public record WeightSlicing(int slices, int bitsPerSlice) {
    /** The unsliced analog weight. */
    public static final WeightSlicing NONE = new WeightSlicing(1, 1);

    public WeightSlicing {
        if (slices < 1 || slices > 8) {
            throw new IllegalArgumentException("weight slices must be 1..8, got " + slices);
        }
        if (bitsPerSlice < 1 || bitsPerSlice > 8) {
            throw new IllegalArgumentException("bits per weight slice must be 1..8, got " + bitsPerSlice);
        }
    }

    /** What {@code inference.weightSlices} and {@code inference.weightSliceBits} ask for; none without inference. */
    public static WeightSlicing of(Parameters inference) {
        return inference == null ? NONE
                : new WeightSlicing(inference.integer("weightSlices"), inference.integer("weightSliceBits"));
    }

    /** Whether a weight is spread over more than one cell. */
    public boolean sliced() {
        return slices > 1;
    }

    /** The largest digit of one slice, 2^bitsPerSlice - 1: the level a slice's full conductance stands for. */
    public int digitMax() {
        return (1 << bitsPerSlice) - 1;
    }

    /** Magnitude levels of the whole weight, 2^(slices bitsPerSlice) - 1: its quantisation. */
    public long levels() {
        return (1L << (slices * bitsPerSlice)) - 1;
    }

    /**
     * Digit {@code s} (0 the most significant) of a weight {@code w} clipped at {@code clip}: the magnitude
     * quantised to {@link #levels} levels, N = round(|w| / clip x levels), then bits
     * {@code (slices - 1 - s) bitsPerSlice} and up of N, with the weight's sign.
     */
    public int digit(double w, double clip, int s) {
        double magnitude = Math.min(Math.abs(w) / clip, 1.0);
        long n = Math.round(magnitude * levels());
        int d = (int) ((n >> ((slices - 1 - s) * bitsPerSlice)) & digitMax());
        return w < 0 ? -d : d;
    }

    /**
     * What slice {@code s}'s output, read in the weight units of the mapping (a full digit reads as the
     * clip), is worth in the weight: digitMax 2^((slices - 1 - s) bitsPerSlice) / levels. Summed over the
     * slices with their digits this gives back sign x clip x N / levels.
     */
    public double significance(int s) {
        return digitMax() * (double) (1L << ((slices - 1 - s) * bitsPerSlice)) / levels();
    }

    /**
     * The layer as it is programmed: {@code slices x cols} columns, column {@code s cols + c} holding digit
     * s of weight (r, c) as digit x clip / digitMax, so that a full digit asks for the cell's full range
     * when mapped with the original clip. One slice: the layer itself.
     */
    public WeightLayer split(WeightLayer layer, double clip) {
        if (!sliced()) {
            return layer;
        }
        int cols = layer.cols();
        double[] sliced = new double[layer.rows() * cols * slices];
        double unit = clip / digitMax();
        for (int r = 0; r < layer.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                double w = layer.weights()[r * cols + c];
                for (int s = 0; s < slices; s++) {
                    sliced[r * cols * slices + s * cols + c] = clip > 0 ? digit(w, clip, s) * unit : 0;
                }
            }
        }
        return new WeightLayer(layer.name(), layer.rows(), cols * slices, sliced);
    }

    /**
     * Adds the slices' outputs with their significance, after conversion, as the digital periphery shifts
     * and adds them: {@code y[b outputs + c] = sum_s significance(s) physical[b slices outputs + s outputs + c]}
     * for a batch of {@code batch} rows.
     */
    public void combine(float[] physical, int batch, int outputs, float[] y) {
        int width = slices * outputs;
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < outputs; c++) {
                double sum = 0;
                for (int s = 0; s < slices; s++) {
                    sum += significance(s) * physical[b * width + s * outputs + c];
                }
                y[b * outputs + c] = (float) sum;
            }
        }
    }
}
