package org.xbarsim.cli;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line, scatter and grouped-bar charts for sweeps, drawn headless with XChart and written atomically. */
final class SweepPlots {
    private SweepPlots() {
    }

    /** One line of a chart: a name, x and y values (y may hold nulls: not drawn), dashed or not. */
    record Series(String name, List<Double> x, List<Double> y, boolean dashed) {
    }

    /** How the x axis reads. */
    enum XScale { LINEAR, LOG_TIME }

    static XYChart lines(String title, String xTitle, String yTitle, XScale scale, List<Series> series,
                         boolean scatter) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Styler s = chart.getStyler();
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendVisible(series.size() > 1 || scatter);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setPlotGridLinesVisible(true);
        if (scale == XScale.LOG_TIME) {
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setXAxisTickLabelsFormattingFunction(SweepPlots::humanSeconds);
            chart.getStyler().setPlotGridVerticalLinesVisible(false); // minor decades otherwise crowd the plot
        }
        s.setDecimalPattern("#,##0.###");
        for (Series d : series) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < d.x().size(); i++) {
                if (d.y().get(i) != null && d.x().get(i) != null) {
                    xs.add(d.x().get(i));
                    ys.add(d.y().get(i));
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries xy = chart.addSeries(d.name(), xs, ys);
            if (scatter) {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            } else {
                xy.setMarker(SeriesMarkers.CIRCLE);
                if (d.dashed()) {
                    xy.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {8f, 6f}, 0f));
                }
            }
        }
        return chart;
    }

    /** A grouped bar chart, for keys whose values are words (policy ids, presets). */
    static CategoryChart bars(String title, String xTitle, String yTitle, List<String> categories,
                              List<String> names, List<List<Double>> values) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendVisible(names.size() > 1);
        chart.getStyler().setDecimalPattern("#,##0.###");
        for (int i = 0; i < names.size(); i++) {
            List<Double> v = new ArrayList<>();
            for (Double d : values.get(i)) {
                v.add(d == null ? 0.0 : d);
            }
            chart.addSeries(names.get(i), categories, v);
        }
        return chart;
    }

    /** Seconds as a person reads them on a log axis: 1s, 1min, 1h, 1d, 1y (and 10ms, 100d). */
    static String humanSeconds(double s) {
        double a = Math.abs(s);
        if (a == 0) {
            return "0";
        }
        String[] units = {"y", "d", "h", "min", "s", "ms", "us", "ns"};
        double[] scale = {365.25 * 86400, 86400, 3600, 60, 1, 1e-3, 1e-6, 1e-9};
        for (int i = 0; i < units.length; i++) {
            if (a >= scale[i] * 0.9999) {
                return compact(s / scale[i]) + units[i];
            }
        }
        return compact(s / 1e-9) + "ns";
    }

    private static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 100 || Math.abs(v - Math.rint(v)) < 1e-9 * Math.max(1, a)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v).replaceAll("\\.0$", "");
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
