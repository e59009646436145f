package org.xbarsim.api.device;

/**
 * A standard-normal deviate stored in 16 bits, for device parameters drawn at fabrication: the
 * deviate z is rounded to the nearest multiple of 1/4096 and clipped to +-8 (a device beyond 8
 * standard deviations occurs once in 10^15). A parameter p = mean (1 + spread z) is then off by at
 * most mean spread / 8192, 0.01% of its spread: a model keeps two bytes a parameter instead of eight,
 * which is what fits a 35-million-device chip in memory, and derives the parameter from z when it
 * uses it (a multiply-add).
 */
public final class Deviate16 {
    /** Steps of z per unit. */
    public static final double SCALE = 4096;

    private Deviate16() {
    }

    /** The 16-bit code of deviate z. */
    public static short encode(double z) {
        return (short) Math.max(-32767, Math.min(32767, Math.round(z * SCALE)));
    }

    /** The deviate a code stands for. */
    public static double decode(short code) {
        return code * (1 / SCALE);
    }
}
