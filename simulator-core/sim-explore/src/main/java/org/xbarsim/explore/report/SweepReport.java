package org.xbarsim.explore.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.explore.metric.Metric;
import org.xbarsim.explore.sweep.Axis;
import org.xbarsim.explore.sweep.SweepTable;
import org.xbarsim.explore.sweep.SweepTable.Row;

/**
 * The plots of a sweep's table: for each swept key, each plotted quantity that depends on it against
 * it, one series per combination of the other swept keys' values, in its own colour. A swept
 * {@code seed} is not a series of its own: each point is the mean over the seeds, with one standard
 * deviation either side (a sample of chips, not conditions to tell apart); a sweep whose points ran
 * on several chips each ({@code --chips}) draws each point's mean with a band of its sd over them.
 */
public final class SweepReport {
    /** The axis whose values are chips (seeds) rather than conditions: averaged over, not plotted as series. */
    public static final String SEED = "seed";

    private final String name;
    private final List<Axis> axes;
    private final SweepTable table;
    private final List<Metric> more;

    /**
     * @param name  the sweep's name, for titles
     * @param axes  the sweep's axes in order, values as the grid gave them
     * @param table the sweep's table
     */
    public SweepReport(String name, List<Axis> axes, SweepTable table) {
        this(name, axes, table, List.of());
    }

    private SweepReport(String name, List<Axis> axes, SweepTable table, List<Metric> more) {
        this.name = name;
        this.axes = List.copyOf(axes);
        this.table = table;
        this.more = List.copyOf(more);
    }

    /**
     * This report plotting these metrics too (any column of the table: {@code inference.energy.adc},
     * {@code chip.areaMm2}); a metric the table has no column for is an IllegalArgumentException.
     */
    public SweepReport plotting(List<Metric> metrics) {
        for (Metric m : metrics) {
            if (!table.has(m)) {
                throw new IllegalArgumentException("the sweep's table has no column " + m.path());
            }
        }
        List<Metric> all = new ArrayList<>(more);
        all.addAll(metrics);
        return new SweepReport(name, axes, table, all);
    }

    private List<PlotMetric> plotted() {
        List<PlotMetric> plotted = new ArrayList<>(PlotMetric.of(table));
        more.forEach(m -> plotted.add(PlotMetric.any(m, table)));
        return plotted;
    }

    /** The keys that took more than one value, in axis order, seeds aside. */
    public List<String> swept() {
        List<String> swept = new ArrayList<>();
        for (Axis a : axes) {
            if (!a.key().equals(SEED) && distinct(a.key()).size() > 1) {
                swept.add(a.key());
            }
        }
        return swept;
    }

    /** The values a key takes in the rows, in the order the grid gave them (then any others as met). */
    List<String> distinct(String key) {
        Set<String> present = new LinkedHashSet<>();
        table.rows().forEach(r -> present.add(r.value(key)));
        List<String> result = new ArrayList<>();
        for (Axis a : axes) {
            if (a.key().equals(key)) {
                a.values().stream().filter(present::remove).forEach(result::add);
            }
        }
        result.addAll(present);
        return result;
    }

    /** Draws every quantity against every swept key it depends on into {@code dir}; returns the files. */
    public List<Path> metricPlots(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Chart<?, ?>> c : charts().entrySet()) {
            Path file = dir.resolve(Charts.fileName(c.getKey()));
            Charts.save(c.getValue(), file);
            written.add(file);
        }
        return written;
    }

    /** The charts {@link #metricPlots} draws, by file name stem ({@code pfail-vs-chip.adc.bits}). */
    Map<String, Chart<?, ?>> charts() {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        List<String> swept = swept();
        for (String key : swept) {
            SweepAxis axis = SweepAxis.of(key, distinct(key));
            List<String> others = swept.stream().filter(k -> !k.equals(key)).toList();
            for (PlotMetric m : plotted()) {
                if (dependsOn(key, others, m.value()) || (m.reference() != null && dependsOn(key, others, m.reference()))) {
                    charts.put(m.stem() + "-vs-" + key, chart(axis, others, m));
                }
            }
        }
        return charts;
    }

    /**
     * Whether the quantity changes along the key for some fixed values of the other swept keys (its
     * means over seeds): Pfail against inference.time is a flat line and no plot.
     */
    boolean dependsOn(String key, List<String> others, Function<Row, Double> f) {
        Map<List<String>, Set<Double>> seen = new LinkedHashMap<>();
        for (Map.Entry<List<String>, List<Row>> g : groups(others).entrySet()) {
            for (String v : distinct(key)) {
                Spread s = Spread.of(g.getValue().stream().filter(r -> v.equals(r.value(key))).map(f).toList());
                if (s != null) {
                    seen.computeIfAbsent(g.getKey(), k -> new LinkedHashSet<>()).add(s.mean());
                }
            }
        }
        return seen.values().stream().anyMatch(s -> s.size() > 1);
    }

    /** The rows by the values of {@code keys}, in grid order of those values. */
    Map<List<String>, List<Row>> groups(List<String> keys) {
        Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
        for (List<String> combo : combinations(keys)) {
            groups.put(combo, new ArrayList<>());
        }
        for (Row r : table.rows()) {
            groups.get(keys.stream().map(r::value).toList()).add(r);
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private List<List<String>> combinations(List<String> keys) {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (String k : keys) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String v : distinct(k)) {
                    List<String> p = new ArrayList<>(prefix);
                    p.add(v);
                    next.add(p);
                }
            }
            result = next;
        }
        return result;
    }

    private Chart<?, ?> chart(SweepAxis axis, List<String> others, PlotMetric m) {
        String title = name + ": " + m.title() + " against " + axis.key() + (seeds() ? " (mean over "
                + distinct(SEED).size() + " seeds, +-1 sd)" : "") + (chips() ? " (mean over each point's "
                + "chips, band +-1 sd)" : "");
        List<Series> series = series(axis, others, m);
        if (axis.categorical()) {
            CategoryChart chart = Charts.bars(title, axis.title(), m.yTitle());
            chart.getStyler().setLegendVisible(series.size() > 1);
            for (Series s : series) {
                List<Double> y = s.y().stream().map(v -> v == null ? 0.0 : v).toList();
                var bars = s.errors() == null ? chart.addSeries(s.name(), axis.values(), y)
                        : chart.addSeries(s.name(), axis.values(), y, s.errors());
                bars.setFillColor(s.color());
            }
            return chart;
        }
        XYChart chart = Charts.xy(title, axis.title(), m.yTitle());
        chart.getStyler().setLegendVisible(series.size() > 1);
        if (axis.time()) {
            Charts.logX(chart, true, axis.numbers().stream().min(Double::compare).orElse(1.0),
                    axis.numbers().stream().max(Double::compare).orElse(1.0));
        }
        series.forEach(s -> Charts.add(chart, s));
        return chart;
    }

    /** Whether the points ran on several chips each: the table then has each metric's sd over them. */
    boolean chips() {
        return table.columns().stream().anyMatch(c -> c.endsWith(SweepTable.SD));
    }

    /** Whether a seed axis took several values: points are then means over seeds. */
    boolean seeds() {
        return axes.stream().anyMatch(a -> a.key().equals(SEED)) && distinct(SEED).size() > 1;
    }

    /** One series per combination of the other keys (and its reference, dashed in the same colour). */
    private List<Series> series(SweepAxis axis, List<String> others, PlotMetric m) {
        Map<List<String>, List<Row>> groups = groups(others);
        // The reference (software) is drawn once when every group has the same values.
        boolean oneReference = m.reference() != null && groups.values().stream()
                .map(g -> byValue(axis, g, m.reference(), null).means()).distinct().count() == 1;
        List<Series> out = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<List<String>, List<Row>> g : groups.entrySet()) {
            String label = label(others, g.getKey());
            java.awt.Color c = Palette.of(colour++);
            Stats v = byValue(axis, g.getValue(), m.value(), m.sd());
            out.add(new Series(m.reference() == null ? (label.isEmpty() ? m.title() : label)
                    : "analog" + (label.isEmpty() ? "" : ", " + label), axis.numbers() == null ? null
                    : axis.numbers(), v.means(), seeds() || chips() ? v.deviations() : null, Series.Style.LINE, c));
            if (m.reference() != null && !(oneReference && out.size() > 1)) {
                Stats r = byValue(axis, g.getValue(), m.reference(), null);
                out.add(new Series(m.referenceName() + (oneReference || label.isEmpty() ? "" : ", " + label),
                        axis.numbers(), r.means(), null, Series.Style.DASHED, oneReference ? Palette.of(7) : c));
            }
        }
        return out;
    }

    /**
     * The quantity's mean at each of the axis's values within one group, and its spread: over the
     * seeds of a seed axis, or (one row, several chips a point) the row's own sd over its chips.
     */
    private static Stats byValue(SweepAxis axis, List<Row> group, Function<Row, Double> f, Function<Row, Double> sd) {
        List<Double> means = new ArrayList<>();
        List<Double> sds = new ArrayList<>();
        for (String v : axis.values()) {
            List<Row> rows = group.stream().filter(r -> v.equals(r.value(axis.key()))).toList();
            Spread s = Spread.of(rows.stream().map(f).toList());
            means.add(s == null ? null : s.mean());
            sds.add(s == null ? null : rows.size() == 1 && sd != null && sd.apply(rows.get(0)) != null
                    ? sd.apply(rows.get(0)) : s.sd());
        }
        return new Stats(means, sds);
    }

    private record Stats(List<Double> means, List<Double> deviations) {
    }

    private static String label(List<String> keys, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i) + "=" + values.get(i));
        }
        return String.join(", ", parts);
    }

    public String name() {
        return name;
    }

    public SweepTable table() {
        return table;
    }
}
