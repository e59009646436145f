package org.xbarsim.explore.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.sweep.SweepTable.Row;

/**
 * What a sweep over matrix sizes says about the simulator itself: each point's wall time against the
 * weights it programmed, on log-log axes, with the least-squares growth exponent (1 is linear) and a
 * line of slope 1 through the largest point for comparison.
 */
public final class CostChart {
    private CostChart() {
    }

    /** Draws the plot; returns the fitted exponent of wall time in weights (from a million weights on). */
    public static double write(String name, List<Row> rows, Path png) throws IOException {
        List<Row> points = new ArrayList<>(rows.stream().filter(r -> r.get(Metrics.WEIGHTS) != null
                && r.get(Metrics.WEIGHTS) > 0 && r.get(Metrics.WALL) != null
                && r.get(Metrics.WALL) > 0).toList());
        if (points.size() < 2) {
            throw new InputError("--cost", "", "expected at least two points with programming.weights and "
                    + "run.wallSeconds in sweep.csv (a sweep over matrix sizes), got " + points.size());
        }
        points.sort(Comparator.comparingDouble(r -> r.get(Metrics.WEIGHTS)));
        List<Double> weights = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        for (Row r : points) {
            weights.add(r.get(Metrics.WEIGHTS));
            seconds.add(r.get(Metrics.WALL));
            rate.add(r.get(Metrics.WEIGHTS) / r.get(Metrics.WALL) / 1e6);
        }
        // Small runs cost mostly their fixed part (building the chip, starting event loops, compiling);
        // growth is read where the work dominates: from a million weights, if the sweep goes there.
        int from = 0;
        while (from < weights.size() - 2 && weights.get(from) < 1e6) {
            from++;
        }
        double exponent = PowerLawFit.exponent(weights.subList(from, weights.size()), seconds.subList(from, seconds.size()));
        String range = from == 0 ? "" : String.format(java.util.Locale.ROOT, " from %,.0f weights",
                weights.get(from));
        XYChart chart = Charts.xy(String.format(java.util.Locale.ROOT, "%s: wall time grows as weights^%.2f%s",
                name, exponent, range), "weights programmed (log scale)", "wall seconds of the run (log scale)");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Charts.add(chart, new Series(String.format(java.util.Locale.ROOT, "measured (largest: %.2f M weights/s)",
                rate.get(rate.size() - 1)), weights, seconds, null, Series.Style.LINE, Palette.of(0)));
        double wMax = weights.get(weights.size() - 1);
        double sMax = seconds.get(seconds.size() - 1);
        List<Double> linear = new ArrayList<>();
        for (double w : weights) {
            linear.add(sMax * w / wMax);
        }
        XYSeries reference = chart.addSeries("linear in weights (through the largest)", weights, linear);
        reference.setMarker(SeriesMarkers.NONE);
        reference.setLineColor(Color.GRAY);
        reference.setLineStyle(Palette.DASHED);
        Charts.save(chart, png);
        return exponent;
    }
}
