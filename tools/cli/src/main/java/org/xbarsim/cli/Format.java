package org.xbarsim.cli;

import java.util.Locale;

/** Figures as the command line prints them: times and energies in their readable unit. */
final class Format {
    private Format() {
    }

    static String seconds(double s) {
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        if (s >= 1e-3) {
            return String.format(Locale.ROOT, "%.3f ms", s * 1e3);
        }
        if (s >= 1e-6) {
            return String.format(Locale.ROOT, "%.3f us", s * 1e6);
        }
        return String.format(Locale.ROOT, "%.1f ns", s * 1e9);
    }

    static String joules(double j) {
        if (j >= 1e-3) {
            return String.format(Locale.ROOT, "%.3f mJ", j * 1e3);
        }
        if (j >= 1e-6) {
            return String.format(Locale.ROOT, "%.3f uJ", j * 1e6);
        }
        if (j >= 1e-9) {
            return String.format(Locale.ROOT, "%.3f nJ", j * 1e9);
        }
        return String.format(Locale.ROOT, "%.3f pJ", j * 1e12);
    }

    /** "s" when {@code n} is not 1. */
    static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
