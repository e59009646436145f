package org.xbarsim.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.SweepFiles.Row;

/**
 * What a sweep over matrix sizes says about the simulator itself: each point's wall time against the
 * weights it programmed, on log-log axes, with the least-squares growth exponent (1 is linear) and a
 * line of slope 1 through the largest point for comparison.
 */
final class CostPlot {
    private CostPlot() {
    }

    /** Draws the plot; returns the fitted exponent of wall time in weights (from a million weights on). */
    static double write(String name, List<Row> rows, Path png) throws IOException {
        List<Row> points = new ArrayList<>(rows.stream().filter(r -> r.metric("programming.weights") != null
                && r.metric("programming.weights") > 0 && r.metric("run.wallSeconds") != null
                && r.metric("run.wallSeconds") > 0).toList());
        if (points.size() < 2) {
            throw new InputError("--cost", "", "expected at least two points with programming.weights and "
                    + "run.wallSeconds in sweep.csv (a sweep over matrix sizes), got " + points.size());
        }
        points.sort(Comparator.comparingDouble(r -> r.metric("programming.weights")));
        List<Double> weights = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        for (Row r : points) {
            weights.add(r.metric("programming.weights"));
            seconds.add(r.metric("run.wallSeconds"));
            rate.add(r.metric("programming.weights") / r.metric("run.wallSeconds") / 1e6);
        }
        // Small runs cost mostly their fixed part (building the chip, starting event loops, compiling);
        // growth is read where the work dominates: from a million weights, if the sweep goes there.
        int from = 0;
        while (from < weights.size() - 2 && weights.get(from) < 1e6) {
            from++;
        }
        double exponent = slope(weights.subList(from, weights.size()), seconds.subList(from, seconds.size()));
        String range = from == 0 ? "" : String.format(java.util.Locale.ROOT, " from %,.0f weights",
                weights.get(from));
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title(String.format(java.util.Locale.ROOT, "%s: wall time grows as weights^%.2f%s",
                        name, exponent, range))
                .xAxisTitle("weights programmed (log scale)").yAxisTitle("wall seconds of the run (log scale)").build();
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setDecimalPattern("#,##0.###");
        XYSeries measured = chart.addSeries(String.format(java.util.Locale.ROOT,
                "measured (largest: %.2f M weights/s)", rate.get(rate.size() - 1)), weights, seconds);
        measured.setMarker(SeriesMarkers.CIRCLE);
        double wMax = weights.get(weights.size() - 1);
        double sMax = seconds.get(seconds.size() - 1);
        List<Double> linear = new ArrayList<>();
        for (double w : weights) {
            linear.add(sMax * w / wMax);
        }
        XYSeries reference = chart.addSeries("linear in weights (through the largest)", weights, linear);
        reference.setMarker(SeriesMarkers.NONE);
        reference.setLineColor(Color.GRAY);
        reference.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {8f, 6f}, 0f));
        ResultFiles.savePng(chart, png);
        return exponent;
    }

    /** Least-squares slope of log y against log x. */
    static double slope(List<Double> x, List<Double> y) {
        int n = x.size();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x.get(i)) / n;
            my += Math.log(y.get(i)) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x.get(i)) - mx;
            sxy += dx * (Math.log(y.get(i)) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
