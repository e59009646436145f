package org.xbarsim.cli;

import java.util.Locale;

/** Figures as the command line prints them: times and energies in their readable unit. */
final class Format {
    private static final String[] SECOND_UNITS = {"s", "ms", "us", "ns"};
    private static final double[] SECOND_SCALES = {1, 1e3, 1e6, 1e9};
    private static final String[] JOULE_UNITS = {"mJ", "uJ", "nJ", "pJ"};
    private static final double[] JOULE_SCALES = {1e3, 1e6, 1e9, 1e12};

    private Format() {
    }

    /** 1.234 s, 12.345 ms, 3.000 us; below a microsecond 12.3 ns. */
    static String seconds(double s) {
        int u = unit(s, SECOND_SCALES);
        return String.format(Locale.ROOT, u == 3 ? "%.1f %s" : "%.3f %s", s * SECOND_SCALES[u], SECOND_UNITS[u]);
    }

    /** 1.234 mJ, 20.790 uJ, 92.651 nJ, 0.310 pJ. */
    static String joules(double j) {
        int u = unit(j, JOULE_SCALES);
        return String.format(Locale.ROOT, "%.3f %s", j * JOULE_SCALES[u], JOULE_UNITS[u]);
    }

    /** A time's mean and sd over chips in the mean's unit: 1.234 ± 0.056 ms. */
    static String seconds(org.xbarsim.engine.summary.Spread s) {
        int u = unit(s.mean(), SECOND_SCALES);
        return String.format(Locale.ROOT, u == 3 ? "%.1f ± %.1f %s" : "%.3f ± %.3f %s", s.mean() * SECOND_SCALES[u],
                s.sd() * SECOND_SCALES[u], SECOND_UNITS[u]);
    }

    /** An energy's mean and sd over chips in the mean's unit: 20.790 ± 0.310 uJ. */
    static String joules(org.xbarsim.engine.summary.Spread s) {
        int u = unit(s.mean(), JOULE_SCALES);
        return String.format(Locale.ROOT, "%.3f ± %.3f %s", s.mean() * JOULE_SCALES[u], s.sd() * JOULE_SCALES[u],
                JOULE_UNITS[u]);
    }

    /** A figure's mean ± sd over chips, times {@code scale}, each with {@code decimals}: 1.23 ± 0.45. */
    static String plusMinus(org.xbarsim.engine.summary.Spread s, double scale, int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " ± " + f, s.mean() * scale, s.sd() * scale);
    }

    /** The first unit in which {@code v} is at least 1, else the smallest. */
    private static int unit(double v, double[] scales) {
        int u = 0;
        while (u < scales.length - 1 && v * scales[u] < 1) {
            u++;
        }
        return u;
    }

    /** "s" when {@code n} is not 1. */
    static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
