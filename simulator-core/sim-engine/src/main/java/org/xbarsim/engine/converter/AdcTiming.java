package org.xbarsim.engine.converter;

/**
 * How long one conversion takes, by architecture. A SAR decides one bit per step: bits steps. A
 * single-slope ramp converter counts until its ramp crosses the input, and a current-controlled
 * oscillator converter counts oscillations over a window sized for full scale: both take 2^bits LSB
 * periods (HERMES's CCO ADCs: 300 ps per LSB, Khaddam-Aljameh et al., IEEE JSSC 57(4), 2022).
 */
public final class AdcTiming {
    private AdcTiming() {
    }

    /**
     * Clock cycles of one conversion.
     *
     * @param bitCycles  one SAR bit decision, cycles
     * @param lsbSeconds one LSB period of a ramp or CCO converter
     */
    public static long conversionCycles(String architecture, int bits, long bitCycles, double lsbSeconds,
                                        double clockHz) {
        return switch (architecture) {
            case "sar" -> bits * bitCycles;
            // A conversion ends on a clock edge: whole cycles, rounded up (the 1e-9 absorbs the rounding
            // error of seconds times hertz, so an exact number of cycles is not rounded up to the next).
            case "ramp", "cco" -> Math.max(1, (long) Math.ceil((1L << bits) * lsbSeconds * clockHz - 1e-9));
            default -> throw new IllegalArgumentException("unknown ADC architecture " + architecture);
        };
    }
}
