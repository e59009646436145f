package org.xbarsim.explore.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.sweep.SweepTable;
import org.xbarsim.explore.sweep.SweepTable.Row;

/**
 * What programming errors cost a network: its inference loss against Pfail. For one sweep, the loss in
 * the network's own terms (accuracy points, or the relative increase of bits per character), one
 * series per value of a swept key that does not move Pfail (inference.time, say). Across sweeps, the
 * relative loss in percent, so networks of different kinds share an axis and the more sensitive one
 * stands above the other.
 */
public final class LossChart {
    private LossChart() {
    }

    /** A sweep to compare, and the name it has in the legend. */
    public record Named(String name, String source, SweepTable table) {
    }

    /** The loss plot of one sweep into {@code dir}, or null when the sweep ran no inference. */
    public static Path write(SweepReport report, Path dir) throws IOException {
        SweepTable t = report.table();
        boolean accuracy = t.has(Metrics.ANALOG_ACCURACY) && t.has(Metrics.SOFTWARE_ACCURACY);
        boolean bits = t.has(Metrics.ANALOG_BITS_PER_CHAR) && t.has(Metrics.SOFTWARE_BITS_PER_CHAR);
        if (!accuracy && !bits) {
            return null;
        }
        Function<Row, Double> loss = accuracy ? r -> difference(r.get(Metrics.SOFTWARE_ACCURACY),
                r.get(Metrics.ANALOG_ACCURACY), 100) : r -> relative(r.get(Metrics.ANALOG_BITS_PER_CHAR),
                r.get(Metrics.SOFTWARE_BITS_PER_CHAR));
        List<Row> usable = t.rows().stream().filter(r -> loss.apply(r) != null && r.get(Metrics.PFAIL) != null)
                .toList();
        if (usable.isEmpty()) {
            return null;
        }
        String by = null;
        for (String k : report.swept()) {
            if (!report.dependsOn(k, report.swept().stream().filter(o -> !o.equals(k)).toList(),
                    r -> r.get(Metrics.PFAIL))) {
                by = k;
                break;
            }
        }
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : usable) {
            groups.computeIfAbsent(by == null ? "sweep points" : by + "=" + r.value(by), g -> new ArrayList<>()).add(r);
        }
        XYChart chart = Charts.xy(report.name() + ": inference loss against Pfail (" + usable.size() + " points)",
                "Pfail (%)", accuracy ? "accuracy loss (points) = software - analog accuracy"
                        : "bits-per-character increase (%) = (analog - software) / software");
        int colour = 0;
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            Charts.add(chart, new Series(g.getKey(), g.getValue().stream().map(r -> 100 * r.get(Metrics.PFAIL))
                    .toList(), g.getValue().stream().map(loss).toList(), null, Series.Style.SCATTER,
                    Palette.of(colour++)));
        }
        Path file = dir.resolve(Charts.fileName(accuracy ? "accuracyLoss-vs-pfail" : "bitsPerCharLoss-vs-pfail"));
        Charts.save(chart, file);
        return file;
    }

    /**
     * Relative inference loss against Pfail of several sweeps in one plot, a series each; two sweeps of
     * one network are told apart by their directories. A sweep that ran no inference is refused, naming it.
     */
    public static Path compare(List<Named> sweeps, Path file) throws IOException {
        XYChart chart = Charts.xy("Relative inference loss against Pfail", "Pfail (%)",
                "loss (%) of accuracy, or of bits per character");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sweeps.size(); i++) {
            Named s = sweeps.get(i);
            Series loss = relativeLoss(s, names, Palette.of(i));
            if (loss.x().isEmpty()) {
                throw new InputError(s.source(), "", "expected a sweep that ran inference (a network workload), "
                        + "got one whose table has no inference figures to compare");
            }
            Charts.add(chart, loss);
        }
        Charts.save(chart, file);
        return file;
    }

    private static Series relativeLoss(Named s, Set<String> taken, java.awt.Color colour) {
        List<double[]> points = new ArrayList<>();
        for (Row r : s.table().rows()) {
            Double pfail = r.get(Metrics.PFAIL);
            Double loss = relativeLoss(r);
            if (pfail != null && loss != null) {
                points.add(new double[] {100 * pfail, loss});
            }
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        // XChart refuses two series of one name: the same network swept twice is named by its directory too.
        String name = taken.add(s.name()) ? s.name() : s.name() + " (" + s.source() + ")";
        taken.add(name);
        return Series.line(name, points.stream().map(p -> p[0]).toList(), points.stream().map(p -> p[1]).toList(),
                colour);
    }

    /** (software - analog) / software accuracy for classifiers, (analog - software) / software bits per character. */
    private static Double relativeLoss(Row r) {
        Double sa = r.get(Metrics.SOFTWARE_ACCURACY);
        Double aa = r.get(Metrics.ANALOG_ACCURACY);
        if (sa != null && aa != null && sa > 0) {
            return 100 * (sa - aa) / sa;
        }
        return relative(r.get(Metrics.ANALOG_BITS_PER_CHAR), r.get(Metrics.SOFTWARE_BITS_PER_CHAR));
    }

    private static Double difference(Double a, Double b, double scale) {
        return a == null || b == null ? null : scale * (a - b);
    }

    private static Double relative(Double value, Double reference) {
        return value == null || reference == null || reference == 0 ? null : 100 * (value - reference) / reference;
    }
}
