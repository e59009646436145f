package org.xbarsim.explore.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.files.Csv;
import org.xbarsim.explore.files.ResultFiles;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.search.ParetoFront;
import org.xbarsim.explore.sweep.SweepTable;
import org.xbarsim.explore.sweep.SweepTable.Row;

/**
 * The Pfail-versus-programming-time trade-off of a sweep, one series per value of an axis (a policy,
 * say): every point as a faint marker and its Pareto front (no other point of the series both faster
 * and with lower Pfail) as a staircase in the same colour, Pfail on a log axis. Also a table of the
 * front points. Points may come from several sweeps: a policy's own knobs cannot be swept beside a
 * policy that lacks them.
 */
public final class FrontChart {
    private final String key;
    private final Map<String, List<Row>> groups = new LinkedHashMap<>();

    /** Fronts by the values of {@code key}. */
    public FrontChart(String key) {
        this.key = key;
    }

    /** Adds a sweep's rows, grouped by their value of the key; {@code source} names the table for errors. */
    public FrontChart add(String source, SweepTable table) {
        if (!table.axisKeys().contains(key)) {
            throw new InputError(source, key, "expected " + key + " among the sweep's grid keys (for --front), found "
                    + "only " + String.join(", ", table.axisKeys()));
        }
        for (Row r : table.rows()) {
            groups.computeIfAbsent(r.value(key), g -> new ArrayList<>()).add(r);
        }
        return this;
    }

    /** The Pareto front of some rows: by increasing time, each point with lower Pfail than all faster ones. */
    static List<Row> front(List<Row> rows) {
        return ParetoFront.of(rows.stream().filter(r -> r.get(Metrics.PFAIL) != null && r.get(Metrics.TIME) != null)
                .toList(), r -> r.get(Metrics.TIME), r -> r.get(Metrics.PFAIL));
    }

    /** Writes {@code front-by-KEY.png} and {@code .csv} into {@code dir}; returns both files. */
    public List<Path> write(Path dir, String name) throws IOException {
        XYChart chart = Charts.xy(name + ": Pareto fronts by " + key, "simulated programming time (ms)",
                "Pfail (%), log scale");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(6);
        // Fronts far apart in time (serial against row-wise programming: 40 times) share a plot on a log axis.
        double[] span = span();
        if (span[1] > 10 * span[0]) {
            chart.getStyler().setXAxisLogarithmic(true);
            chart.setXAxisTitle("simulated programming time (ms), log scale");
        }
        int colour = 0;
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            draw(chart, g.getKey(), g.getValue(), Palette.of(colour++));
        }
        String stem = ("front-by-" + key).replaceAll("[^A-Za-z0-9._-]", "_");
        Path png = dir.resolve(stem + ".png");
        Path csv = dir.resolve(stem + ".csv");
        Charts.save(chart, png);
        ResultFiles.writeString(csv, table());
        return List.of(png, csv);
    }

    private double[] span() {
        double[] span = {Double.POSITIVE_INFINITY, 0};
        groups.values().forEach(g -> g.forEach(r -> {
            Double t = r.get(Metrics.TIME);
            if (t != null && t > 0) {
                span[0] = Math.min(span[0], t);
                span[1] = Math.max(span[1], t);
            }
        }));
        return span;
    }

    private static void draw(XYChart chart, String value, List<Row> rows, java.awt.Color colour) {
        // A log axis cannot show Pfail = 0; such points are in the table but not the plot.
        List<Row> points = rows.stream().filter(r -> r.get(Metrics.PFAIL) != null && r.get(Metrics.PFAIL) > 0
                && r.get(Metrics.TIME) != null).toList();
        Charts.add(chart, new Series(value + " (all points)", ms(points), percent(points), null, Series.Style.FAINT,
                colour));
        List<Row> plotted = front(rows).stream().filter(r -> r.get(Metrics.PFAIL) > 0).toList();
        Charts.add(chart, new Series(value + " (Pareto front)", ms(plotted), percent(plotted), null,
                Series.Style.STEP, colour));
    }

    private static List<Double> ms(List<Row> rows) {
        return rows.stream().map(r -> r.get(Metrics.TIME) * 1e3).toList();
    }

    private static List<Double> percent(List<Row> rows) {
        return rows.stream().map(r -> r.get(Metrics.PFAIL) * 100).toList();
    }

    /** The front points of every group, with the union of the sweeps' axis values (empty where a sweep lacks one). */
    private String table() {
        Set<String> keys = new LinkedHashSet<>();
        groups.values().forEach(g -> g.forEach(r -> keys.addAll(r.values().keySet())));
        keys.remove(key);
        List<String> header = new ArrayList<>(List.of(key));
        header.addAll(keys);
        header.addAll(List.of(Metrics.TIME.path(), Metrics.PFAIL.path()));
        List<List<String>> lines = new ArrayList<>();
        groups.forEach((value, rows) -> {
            for (Row r : front(rows)) {
                List<String> cells = new ArrayList<>(List.of(value));
                keys.forEach(k -> cells.add(r.values().getOrDefault(k, "")));
                // As sweep.csv writes them, so the two tables agree digit for digit.
                cells.add(Csv.cell(r.get(Metrics.TIME)));
                cells.add(Csv.cell(r.get(Metrics.PFAIL)));
                lines.add(cells);
            }
        });
        return Csv.text(header, lines);
    }
}
