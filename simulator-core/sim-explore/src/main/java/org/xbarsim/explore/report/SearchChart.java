package org.xbarsim.explore.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.search.Evaluation;
import org.xbarsim.explore.search.Goal;
import org.xbarsim.explore.search.SearchResult;
import org.xbarsim.explore.search.Searched;

/**
 * Pfail against programming time of a search: every run as a faint dot, the Pareto front as a
 * staircase and the best run under each goal as a square, one colour per search; the limits on time
 * and Pfail as dashed lines, each labelled with its value where it ends (one legend entry for all).
 * Pfail is drawn on a log axis (the interesting range runs from tenths of a percent to tens), so a
 * Pfail of exactly zero is drawn at the axis floor.
 */
public final class SearchChart {
    /** Pfail drawn for runs that failed no weight: a log axis has no zero. */
    static final double PFAIL_FLOOR_PERCENT = 0.01;

    private SearchChart() {
    }

    /**
     * Draws the searches of {@code result} into {@code file}, titled by the scenario's {@code name} and
     * the first goal; each search of an {@code each} plan is named by its value in the legend.
     */
    public static void write(String name, SearchResult result, Path file) throws IOException {
        Goal goal = result.goals().get(0);
        List<String> names = result.searches().stream().map(s -> s.setup().value() == null ? name
                : s.setup().value()).toList();
        write(name + ": Pfail against programming time, " + goal.objective().path() + (goal.maximise()
                ? " maximised" : " minimised") + (goal.limits().isEmpty() ? "" : " within the limits"), result, names,
                file);
    }

    /** Draws the searches of {@code result} into {@code file}; {@code names} name each search in the legend. */
    public static void write(String title, SearchResult result, List<String> names, Path file) throws IOException {
        XYChart chart = Charts.xy(title, "programming time (ms, simulated)", "Pfail (%), log scale");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(7);
        double[] range = {0, Double.POSITIVE_INFINITY, 0}; // max time (ms), min and max Pfail (%)
        for (int k = 0; k < result.searches().size(); k++) {
            Searched s = result.searches().get(k);
            String prefix = result.searches().size() > 1 ? names.get(k) + ": " : "";
            draw(chart, s, prefix, Palette.of(k), range);
        }
        limits(chart, Goal.limitValues(result.goals(), Metrics.TIME), Goal.limitValues(result.goals(), Metrics.PFAIL),
                range);
        Charts.save(chart, file);
    }

    private static void draw(XYChart chart, Searched s, String prefix, Color colour, double[] range) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Evaluation e : s.runs()) {
            x.add(1e3 * e.timeSeconds());
            y.add(percent(e.pfail()));
            range[0] = Math.max(range[0], 1e3 * e.timeSeconds());
            range[1] = Math.min(range[1], percent(e.pfail()));
            range[2] = Math.max(range[2], percent(e.pfail()));
        }
        Charts.add(chart, new Series(prefix + "runs", x, y, null, Series.Style.FAINT, colour));
        List<Evaluation> front = s.front();
        Charts.add(chart, new Series(prefix + "Pareto front", front.stream().map(e -> 1e3 * e.timeSeconds()).toList(),
                front.stream().map(e -> percent(e.pfail())).toList(), null, Series.Style.STEP, colour));
        if (!s.best().isEmpty()) {
            XYSeries best = chart.addSeries(prefix + "best", s.best().stream().map(e -> 1e3 * e.timeSeconds()).toList(),
                    s.best().stream().map(e -> percent(e.pfail())).toList());
            best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            best.setMarker(SeriesMarkers.SQUARE);
            best.setMarkerColor(colour.darker());
        }
    }

    /** The limits as dashed lines across the runs, each labelled at its end; one legend entry for them all. */
    private static void limits(XYChart chart, List<Double> times, List<Double> pfails, double[] range) {
        double low = Math.max(PFAIL_FLOOR_PERCENT, range[1]);
        boolean legend = true;
        for (double t : times) {
            dashed(chart, legend ? "limits (dashed; value at the top)" : null, List.of(1e3 * t, 1e3 * t),
                    List.of(low, range[2]));
            chart.addAnnotation(new AnnotationText(Metrics.TIME.format(t), 1e3 * t, range[2] * 1.15, false));
            legend = false;
        }
        for (double p : pfails) {
            dashed(chart, legend ? "limits (dashed; value at the right)" : null, List.of(0.0, range[0]),
                    List.of(100 * p, 100 * p));
            chart.addAnnotation(new AnnotationText(Metrics.PFAIL.format(p), range[0], 100 * p * 1.15, false));
            legend = false;
        }
    }

    private static void dashed(XYChart chart, String name, List<Double> x, List<Double> y) {
        XYSeries line = chart.addSeries(name == null ? "limit " + chart.getSeriesCollection().size() : name, x, y);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.DARK_GRAY);
        line.setLineStyle(Palette.DASHED);
        line.setShowInLegend(name != null);
    }

    private static double percent(double pfail) {
        return Math.max(PFAIL_FLOOR_PERCENT, 100 * pfail);
    }
}
