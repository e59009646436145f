package org.xbarsim.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.xbarsim.cli.optimize.Evaluation;
import org.xbarsim.cli.optimize.Metric;
import org.xbarsim.cli.optimize.ParetoFront;

/**
 * Pfail against programming time: every run of a search as faint dots, its Pareto front as a line,
 * its best run under the goal as a large marker, and the limits as dashed lines. Pfail is drawn on a
 * log axis (the interesting range runs from tenths of a percent to tens), so a Pfail of exactly
 * zero is drawn at the axis floor.
 */
final class ParetoPlot {
    /** Pfail drawn for runs that failed no weight: a log axis has no zero. */
    static final double PFAIL_FLOOR_PERCENT = 0.01;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

    /** One search's runs, under a name (the value of --each, or the scenario's name), and its best run per goal. */
    record Searched(String name, List<Evaluation> runs, List<Evaluation> best) {
    }

    private ParetoPlot() {
    }

    static void draw(String title, List<Searched> searches, List<Double> timeLimits, List<Double> pfailLimits,
                     Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(960).height(600).title(title)
                .xAxisTitle("programming time (ms, simulated)").yAxisTitle("Pfail (%)").build();
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDecimalPattern("#,##0.###");
        chart.getStyler().setMarkerSize(7);
        double maxTime = 0;
        double minPfail = Double.POSITIVE_INFINITY;
        double maxPfail = 0;
        for (int k = 0; k < searches.size(); k++) {
            Searched search = searches.get(k);
            Color color = COLORS[k % COLORS.length];
            String prefix = searches.size() > 1 ? search.name() + ": " : "";
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Evaluation e : search.runs()) {
                x.add(1e3 * e.timeSeconds());
                y.add(percent(e.pfail()));
                maxTime = Math.max(maxTime, 1e3 * e.timeSeconds());
                minPfail = Math.min(minPfail, percent(e.pfail()));
                maxPfail = Math.max(maxPfail, percent(e.pfail()));
            }
            XYSeries all = chart.addSeries(prefix + "runs", x, y);
            all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            all.setMarker(SeriesMarkers.CIRCLE);
            all.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
            List<Double> fx = new ArrayList<>();
            List<Double> fy = new ArrayList<>();
            for (Evaluation e : ParetoFront.of(search.runs())) {
                fx.add(1e3 * e.timeSeconds());
                fy.add(percent(e.pfail()));
            }
            XYSeries front = chart.addSeries(prefix + "Pareto front", fx, fy);
            front.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            front.setMarker(SeriesMarkers.DIAMOND);
            front.setLineColor(color);
            front.setMarkerColor(color);
            front.setLineStyle(new BasicStroke(2.5f));
            if (!search.best().isEmpty()) {
                List<Double> bx = new ArrayList<>();
                List<Double> by = new ArrayList<>();
                for (Evaluation e : search.best()) {
                    bx.add(1e3 * e.timeSeconds());
                    by.add(percent(e.pfail()));
                }
                XYSeries best = chart.addSeries(prefix + "best", bx, by);
                best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                best.setMarker(SeriesMarkers.SQUARE);
                best.setMarkerColor(color.darker());
            }
        }
        for (int i = 0; i < timeLimits.size() && maxPfail > 0; i++) {
            double t = timeLimits.get(i);
            dashed(chart, "limit " + Metric.TIME.format(t), List.of(1e3 * t, 1e3 * t),
                    List.of(Math.max(PFAIL_FLOOR_PERCENT, minPfail), maxPfail));
        }
        for (int i = 0; i < pfailLimits.size() && maxTime > 0; i++) {
            double p = pfailLimits.get(i);
            dashed(chart, "limit " + Metric.PFAIL.format(p), List.of(0.0, maxTime),
                    List.of(100 * p, 100 * p));
        }
        ResultFiles.savePng(chart, file);
    }

    private static void dashed(XYChart chart, String name, List<Double> x, List<Double> y) {
        XYSeries line = chart.addSeries(name, x, y);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.DARK_GRAY);
        line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {8f, 6f}, 0f));
    }

    private static double percent(double pfail) {
        return Math.max(PFAIL_FLOOR_PERCENT, 100 * pfail);
    }
}
