package org.xbarsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.SweepFiles.Row;

/**
 * The Pfail-versus-programming-time trade-off of a sweep, one series per value of a grid key (a policy,
 * say): every point as a marker and its Pareto front (no other point of the series both faster and
 * with lower Pfail) as a line, Pfail on a log axis. Also a table of the front points. Points may come
 * from several sweeps: a policy's own knobs cannot be swept beside a policy that lacks them.
 */
final class FrontPlot {
    static final String PFAIL = "programming.pfail";
    static final String TIME = "programming.timeSeconds";

    private FrontPlot() {
    }

    /** The Pareto front of some rows: by increasing time, each point with lower Pfail than all faster ones. */
    static List<Row> front(List<Row> rows) {
        return org.xbarsim.cli.optimize.ParetoFront.of(rows.stream().filter(r -> r.metric(PFAIL) != null
                && r.metric(TIME) != null).toList(), r -> r.metric(TIME), r -> r.metric(PFAIL));
    }

    /**
     * Rows grouped by the value of {@code key}, in order of first appearance; {@code csv} names the table
     * the rows come from, for the error when one of them lacks the key.
     */
    static void group(Path csv, List<Row> rows, String key, Map<String, List<Row>> groups) {
        for (Row r : rows) {
            String v = r.grid().get(key);
            if (v == null) {
                throw new InputError(csv.toString(), key, "expected " + key + " among the sweep's grid keys (for "
                        + "--front), found only " + String.join(", ", r.grid().keySet()));
            }
            groups.computeIfAbsent(v, g -> new ArrayList<>()).add(r);
        }
    }

    /** Writes the plot and the front table; returns both files. */
    static List<Path> write(Path dir, String name, String key, Map<String, List<Row>> groups) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title(name + ": Pareto fronts by " + key)
                .xAxisTitle("simulated programming time (ms)").yAxisTitle("Pfail (%), log scale").build();
        Styler s = chart.getStyler();
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setMarkerSize(6);
        s.setDecimalPattern("#,##0.###");
        // Fronts far apart in time (serial against row-wise programming: 40 times) share a plot on a log axis.
        double[] span = {Double.POSITIVE_INFINITY, 0};
        groups.values().forEach(g -> g.forEach(r -> {
            Double t = r.metric(TIME);
            if (t != null && t > 0) {
                span[0] = Math.min(span[0], t);
                span[1] = Math.max(span[1], t);
            }
        }));
        if (span[1] > 10 * span[0]) {
            chart.getStyler().setXAxisLogarithmic(true);
            chart.setXAxisTitle("simulated programming time (ms), log scale");
        }
        List<String> header = new ArrayList<>(List.of(key));
        // The union of the sweeps' grid keys: a policy's own knobs are empty cells in the other's rows.
        Set<String> keys = new LinkedHashSet<>();
        groups.values().forEach(g -> g.forEach(r -> keys.addAll(r.grid().keySet())));
        keys.remove(key);
        List<String> gridKeys = List.copyOf(keys);
        header.addAll(gridKeys);
        header.addAll(List.of(TIME, PFAIL));
        List<List<String>> table = new ArrayList<>();
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            // A log axis cannot show Pfail = 0; such points are in the table but not the plot.
            List<Row> points = g.getValue().stream().filter(r -> r.metric(PFAIL) != null && r.metric(PFAIL) > 0
                    && r.metric(TIME) != null).toList();
            if (!points.isEmpty()) {
                XYSeries all = chart.addSeries(g.getKey() + " (all points)", points.stream()
                        .map(r -> r.metric(TIME) * 1e3).toList(), points.stream().map(r -> r.metric(PFAIL) * 100).toList());
                all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                all.setMarker(SeriesMarkers.CIRCLE);
            }
            List<Row> front = front(g.getValue());
            List<Row> plotted = front.stream().filter(r -> r.metric(PFAIL) > 0).toList();
            if (!plotted.isEmpty()) {
                XYSeries line = chart.addSeries(g.getKey() + " (Pareto front)", plotted.stream()
                        .map(r -> r.metric(TIME) * 1e3).toList(), plotted.stream().map(r -> r.metric(PFAIL) * 100).toList());
                line.setMarker(SeriesMarkers.DIAMOND);
            }
            for (Row r : front) {
                List<String> cells = new ArrayList<>(List.of(g.getKey()));
                gridKeys.forEach(k -> cells.add(r.grid().getOrDefault(k, "")));
                // As sweep.csv writes them, so the two tables agree digit for digit.
                cells.add(String.valueOf(r.metric(TIME)));
                cells.add(String.valueOf(r.metric(PFAIL)));
                table.add(cells);
            }
        }
        String stem = ("front-by-" + key).replaceAll("[^A-Za-z0-9._-]", "_");
        Path png = dir.resolve(stem + ".png");
        Path csv = dir.resolve(stem + ".csv");
        ResultFiles.savePng(chart, png);
        ResultFiles.writeString(csv, SweepFiles.csvText(header, table));
        return List.of(png, csv);
    }
}
