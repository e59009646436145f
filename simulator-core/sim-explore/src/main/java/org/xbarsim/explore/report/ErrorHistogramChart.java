package org.xbarsim.explore.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.xbarsim.engine.summary.RunSummary;

/**
 * The histogram of programmed-weight error W_true - W_target of a run, on a log scale of counts, with
 * Pfail and the tolerance in the title: what a user looks at first to see how the misses are spread.
 */
public final class ErrorHistogramChart {
    private ErrorHistogramChart() {
    }

    /** Draws the histogram of {@code summary} into {@code file}. */
    public static void write(RunSummary summary, Path file) throws IOException {
        RunSummary.Outcome p = summary.programming().total();
        RunSummary.Histogram h = summary.programming().errorHistogram();
        List<String> bins = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (int i = 0; i < h.counts().size(); i++) {
            bins.add(String.format(Locale.ROOT, "%.2f", h.lowMicroSiemens() + (i + 0.5) * h.binWidthMicroSiemens()));
            // A log axis cannot show zero: half a weight reads as "none".
            values.add(Math.max(0.5, h.counts().get(i)));
        }
        String tol = h.toleranceMicroSiemens() == null ? ""
                : String.format(Locale.ROOT, ", tol %s uS", h.toleranceMicroSiemens());
        CategoryChart chart = Charts.bars(String.format(Locale.ROOT,
                        "%s: error of %,d programmed weights (Pfail %.2f%%%s)", summary.scenario().name(), p.weights(),
                        100 * p.pfail(), tol),
                String.format(Locale.ROOT, "W_true - W_target (uS); %,d weights beyond +-%.2f uS not shown",
                        h.below() + h.above(), -h.lowMicroSiemens()), "weights (log scale)");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.5); // bar charts otherwise start the axis at zero
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.addSeries("error", bins, values).setFillColor(Palette.of(0));
        Charts.save(chart, file);
    }
}
