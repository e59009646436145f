package org.xbarsim.plugins.rowwise;

/**
 * The mean PCM SET curve of science.md section 3 for a nominal device: a pulse of strength s moves G by
 * s * alpha * (1 - G / Gmax), so after k pulses from G0, G_k = Gmax - (Gmax - G0) q^k with
 * q = 1 - s alpha / Gmax. What a policy can know about a device without reading it.
 *
 * @param alpha  nominal step of a unit pulse at G = 0, uS
 * @param gMax   nominal saturation conductance, uS
 * @param gReset conductance after a RESET, uS
 */
record NominalCurve(double alpha, double gMax, double gReset) {

    /** The mean conductance rise above gReset after k pulses of strength s. */
    double rise(double s, int k) {
        return riseFrom(gReset, s, k);
    }

    /** The mean conductance rise above {@code from} after k pulses of strength s. */
    double riseFrom(double from, double s, int k) {
        return (gMax - from) * (1 - Math.pow(q(s), k));
    }

    /**
     * The number of pulses of strength s, at most {@code budget}, whose mean rise above gReset is
     * closest to {@code rise}.
     */
    int pulsesFor(double rise, double s, int budget) {
        return pulsesFor(gReset, rise, s, budget);
    }

    /** As {@link #pulsesFor(double, double, int)}, for a device starting at {@code from} rather than gReset. */
    int pulsesFor(double from, double rise, double s, int budget) {
        if (rise <= 0 || budget == 0) {
            return 0;
        }
        double q = q(s);
        double span = gMax - from;
        if (q <= 0) {
            // One pulse takes the mean device to gMax and more add nothing: none or one, whichever is closer
            // (a tie to none, as below).
            return Math.abs(span - rise) < rise ? 1 : 0;
        }
        if (rise >= span) {
            // Beyond the mean curve's reach: every pulse gets closer.
            return budget;
        }
        double exact = Math.log(1 - rise / span) / Math.log(q);
        int lo = (int) Math.min(budget, Math.floor(exact));
        int hi = (int) Math.min(budget, lo + 1L);
        return Math.abs(riseFrom(from, s, lo) - rise) <= Math.abs(riseFrom(from, s, hi) - rise) ? lo : hi;
    }

    private double q(double s) {
        return 1 - s * alpha / gMax;
    }
}
