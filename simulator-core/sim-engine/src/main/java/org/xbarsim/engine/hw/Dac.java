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
 */
public final class Dac {
    /** How a code reaches the row. */
    public enum Encoding { DURATION, AMPLITUDE }

    private final int bits;
    private final double range;
    private final boolean signed;
    private final Encoding encoding;
    private final int levels;
    private final double step;

    public Dac(int bits, double range, boolean signed, Encoding encoding) {
        if (bits < (signed ? 2 : 1) || bits > 16) {
            throw new IllegalArgumentException("DAC bits must be " + (signed ? 2 : 1) + "..16, got " + bits);
        }
        if (!(range > 0)) {
            throw new IllegalArgumentException("DAC range must be > 0, got " + range);
        }
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

    /** Steps of one multiply's input phase. */
    public long steps() {
        return encoding == Encoding.DURATION ? levels : 1;
    }
}
