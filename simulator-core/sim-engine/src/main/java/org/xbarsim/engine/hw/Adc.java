package org.xbarsim.engine.hw;

/**
 * A successive-approximation ADC converting a column's integrated value, expressed in weight units
 * (uS), to a code. The input range is [-range, +range); values outside clip to the end codes, as a
 * real converter saturates at its rails. One bit is decided per {@code bitCycles}.
 */
public final class Adc {
    private final int bits;
    private final double low;
    private final double lsb;
    private final int maxCode;

    public Adc(int bits, double rangeMicroSiemens) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("ADC bits must be 1..16, got " + bits);
        }
        this.bits = bits;
        this.low = -rangeMicroSiemens;
        this.lsb = 2 * rangeMicroSiemens / (1 << bits);
        this.maxCode = (1 << bits) - 1;
    }

    public int bits() {
        return bits;
    }

    public double lowMicroSiemens() {
        return low;
    }

    public double lsbMicroSiemens() {
        return lsb;
    }

    /** The code for an input value: floor((w - low) / lsb), clipped to [0, 2^bits - 1]. */
    public int convert(double w) {
        double x = (w - low) / lsb;
        if (x <= 0) {
            return 0;
        }
        if (x >= maxCode) {
            return maxCode;
        }
        return (int) x;
    }

    /** The value a code stands for: the middle of its interval. */
    public double value(int code) {
        return low + (code + 0.5) * lsb;
    }
}
