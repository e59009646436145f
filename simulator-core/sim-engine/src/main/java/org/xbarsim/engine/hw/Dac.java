package org.xbarsim.engine.hw;

/**
 * The input DAC of a tile's rows for inference: a layer input becomes a row drive of finite
 * precision. Unsigned inputs (pixels, sigmoid outputs) use all bits over [0, range]; signed inputs
 * (tanh outputs) a sign and bits - 1 of magnitude over [-range, range]. Values outside the range
 * clip, as a driver saturates.
 *
 * <p>With duration encoding the magnitude sets the pulse width, so one multiply takes
 * 2^magnitudeBits - 1 steps whatever the data (science.md section 5); with amplitude encoding it
 * sets the voltage and takes one step.
 *
 * <p>With sliced encoding (bit-serial inputs are slices of one bit) the code's magnitude is applied in
 * {@link #reads} reads of {@code sliceBits} bits each, least significant first, each an amplitude drive of
 * one step whose full scale stands for the slice's largest digit; the sign is the drive's polarity. Each
 * read is integrated and converted on its own, and the periphery adds the reads' outputs with their
 * weights ({@link #sliceWeight}). This follows CrossSim's input bit slicing
 * ({@code xbar.dac.mvm.input_bitslicing}, {@code slice_size}; sandialabs/cross-sim,
 * simulator/cores/bitsliced_core.py, {@code run_xbar_operation}), where every input slice is converted
 * by the ADC before the shift-and-add.
 */
public final class Dac {
    /** How a code reaches the row. */
    public enum Encoding { DURATION, AMPLITUDE, SLICED }

    private final int bits;
    private final double range;
    private final boolean signed;
    private final Encoding encoding;
    private final int levels;
    private final double step;
    /** Bits of magnitude per read with sliced encoding (0 otherwise). */
    private final int sliceBits;

    public Dac(int bits, double range, boolean signed, Encoding encoding) {
        this(bits, range, signed, encoding, 0);
    }

    /** A DAC whose {@link Encoding#SLICED} inputs are read {@code sliceBits} bits at a time (1: bit-serial). */
    public Dac(int bits, double range, boolean signed, Encoding encoding, int sliceBits) {
        if (bits < (signed ? 2 : 1) || bits > 16) {
            throw new IllegalArgumentException("DAC bits must be " + (signed ? 2 : 1) + "..16, got " + bits);
        }
        if (!(range > 0)) {
            throw new IllegalArgumentException("DAC range must be > 0, got " + range);
        }
        if (encoding == Encoding.SLICED && (sliceBits < 1 || sliceBits > 16)) {
            throw new IllegalArgumentException("bits per input slice must be 1..16, got " + sliceBits);
        }
        this.sliceBits = encoding == Encoding.SLICED ? sliceBits : 0;
        this.bits = bits;
        this.range = range;
        this.signed = signed;
        this.encoding = encoding;
        this.levels = (1 << (signed ? bits - 1 : bits)) - 1;
        this.step = range / levels;
    }

    public int bits() {
        return bits;
    }

    /** The value a row is driven with for input {@code x}: clipped, then rounded to the nearest level. */
    public double quantize(double x) {
        double low = signed ? -range : 0;
        double clipped = Math.min(Math.max(x, low), range);
        return Math.rint(clipped / step) * step;
    }

    /** The size of one DAC level, in input units. */
    public double step() {
        return step;
    }

    /** Full scale, in input units. */
    public double range() {
        return range;
    }

    /** Bits of the magnitude: all of them for unsigned inputs, one fewer for signed ones. */
    public int magnitudeBits() {
        return signed ? bits - 1 : bits;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** Steps of one read's input phase (a sliced multiply has {@link #reads} reads of one step each). */
    public long steps() {
        return encoding == Encoding.DURATION ? levels : 1;
    }

    /** Reads (drive, integration, conversion) of one multiply: ceil(magnitude bits / slice bits) sliced, else 1. */
    public int reads() {
        return sliceBits == 0 ? 1 : (magnitudeBits() + sliceBits - 1) / sliceBits;
    }

    /**
     * What read {@code j} (0 the least significant) drives for a quantised input {@code q}: the code's
     * bits {@code j sliceBits} and up, {@code sliceBits} of them, as a fraction of the slice DAC's
     * 2^sliceBits - 1 levels of full scale {@code range}, with the input's sign. Unsliced: {@code q}.
     */
    public double slice(double q, int j) {
        if (sliceBits == 0) {
            return q;
        }
        long code = Math.round(Math.abs(q) / step);
        long digit = (code >> (j * sliceBits)) & ((1L << sliceBits) - 1);
        double v = digit * sliceStep();
        return q < 0 ? -v : v;
    }

    /** One level of a slice's drive, in input units: range / (2^sliceBits - 1); the DAC's step when unsliced. */
    public double sliceStep() {
        return sliceBits == 0 ? step : range / ((1L << sliceBits) - 1);
    }

    /**
     * What read {@code j}'s output is worth in the multiply: (2^sliceBits - 1) 2^(j sliceBits) / (2^magnitudeBits - 1),
     * so that the weighted drives add up to the quantised input; 1 when unsliced.
     */
    public double sliceWeight(int j) {
        if (sliceBits == 0) {
            return 1;
        }
        return ((1L << sliceBits) - 1) * (double) (1L << (j * sliceBits)) / levels;
    }

    /** Bits of magnitude per read with sliced encoding, 0 otherwise. */
    public int sliceBits() {
        return sliceBits;
    }
}
