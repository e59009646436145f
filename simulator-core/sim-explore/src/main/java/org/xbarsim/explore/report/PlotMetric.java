package org.xbarsim.explore.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.xbarsim.explore.metric.Metric;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.sweep.SweepTable;
import org.xbarsim.explore.sweep.SweepTable.Row;

/**
 * A quantity a sweep report plots against each swept key: a file-name stem, a title, the y axis, the
 * value of a row in the plotted unit (null: absent), its sd over the point's chips in that unit, and optionally a reference drawn dashed beside it
 * (the network's software figure beside the analog one).
 */
record PlotMetric(String stem, String title, String yTitle, Function<Row, Double> value, Function<Row, Double> sd,
                  Function<Row, Double> reference, String referenceName) {

    /** The plotted quantities a table has columns for, in the order the report draws them. */
    static List<PlotMetric> of(SweepTable table) {
        List<PlotMetric> m = new ArrayList<>();
        m.add(plain("pfail", "Pfail", "Pfail (%) = 1 - success fraction", Metrics.PFAIL, 100));
        if (table.has(Metrics.ANALOG_ACCURACY)) {
            m.add(new PlotMetric("analogAccuracy", "analog inference accuracy", "test accuracy (%)",
                    scaled(Metrics.ANALOG_ACCURACY, 100), sdScaled(Metrics.ANALOG_ACCURACY, 100), table.has(Metrics.SOFTWARE_ACCURACY)
                    ? scaled(Metrics.SOFTWARE_ACCURACY, 100) : null, "software"));
        }
        if (table.has(Metrics.ANALOG_BITS_PER_CHAR)) {
            m.add(new PlotMetric("analogBitsPerChar", "analog bits per character",
                    "bits per character (lower is better)", scaled(Metrics.ANALOG_BITS_PER_CHAR, 1),
                    sdScaled(Metrics.ANALOG_BITS_PER_CHAR, 1),
                    table.has(Metrics.SOFTWARE_BITS_PER_CHAR) ? scaled(Metrics.SOFTWARE_BITS_PER_CHAR, 1) : null,
                    "software"));
        }
        m.add(plain("programmingTime", "simulated programming time", "programming time (ms)", Metrics.TIME, 1e3));
        if (table.has(Metrics.ENERGY)) {
            m.add(plain("programmingEnergy", "simulated programming energy", "programming energy (uJ)", Metrics.ENERGY,
                    1e6));
        }
        if (table.has(Metrics.INFERENCE_ENERGY)) {
            m.add(plain("inferenceEnergy", "simulated inference energy per sample", "energy per sample (nJ)",
                    Metrics.INFERENCE_ENERGY, 1e9));
        }
        return m;
    }

    /**
     * Any metric of the table, titled by its path and drawn in a readable unit: a fraction in %, seconds
     * and joules with the SI prefix that suits the largest value, anything else as it is.
     */
    static PlotMetric any(Metric metric, SweepTable table) {
        double max = table.rows().stream().map(r -> r.get(metric)).filter(v -> v != null)
                .mapToDouble(Math::abs).max().orElse(1);
        String unit;
        double scale;
        switch (metric.unit()) {
            case FRACTION -> {
                unit = "%";
                scale = 100;
            }
            case SECONDS, JOULES -> {
                int prefix = prefix(max);
                unit = PREFIXES[prefix] + (metric.unit() == Metric.Unit.SECONDS ? "s" : "J");
                scale = Math.pow(1000, prefix);
            }
            case MICROSIEMENS -> {
                unit = "uS";
                scale = 1;
            }
            default -> {
                unit = "";
                scale = 1;
            }
        }
        return new PlotMetric(metric.path(), metric.path(), metric.path() + (unit.isEmpty() ? "" : " (" + unit + ")"),
                scaled(metric, scale), sdScaled(metric, scale), null, null);
    }

    private static final String[] PREFIXES = {"", "m", "u", "n", "p", "f"};

    /** The SI prefix (index into PREFIXES, powers of 1/1000) that writes {@code max} as 1..999. */
    static int prefix(double max) {
        int p = 0;
        while (p < PREFIXES.length - 1 && max > 0 && max * Math.pow(1000, p) < 1) {
            p++;
        }
        return p;
    }

    private static PlotMetric plain(String stem, String title, String yTitle, Metric metric, double scale) {
        return new PlotMetric(stem, title, yTitle, scaled(metric, scale), sdScaled(metric, scale), null, null);
    }

    private static Function<Row, Double> scaled(Metric metric, double scale) {
        return r -> r.get(metric) == null ? null : r.get(metric) * scale;
    }

    /** The metric's sd over a point's chips in the plotted unit, or null (one chip a point). */
    private static Function<Row, Double> sdScaled(Metric metric, double scale) {
        return r -> r.sd(metric) == null ? null : r.sd(metric) * scale;
    }
}
