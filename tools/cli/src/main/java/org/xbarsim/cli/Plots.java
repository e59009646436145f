package org.xbarsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.xbarsim.engine.summary.RunSummary;

/** PNG plots of a run's summary, drawn headless with XChart. */
final class Plots {
    private Plots() {
    }

    /**
     * The histogram of programmed-weight error W_true - W_target, with the tolerance band named in
     * the title: what a user looks at first to see how the misses are distributed.
     */
    static void errorHistogram(RunSummary summary, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        RunSummary.Outcome p = summary.programming().total();
        RunSummary.Histogram h = summary.programming().errorHistogram();
        double low = h.lowMicroSiemens();
        double width = h.binWidthMicroSiemens();
        List<String> bins = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (int i = 0; i < h.counts().size(); i++) {
            bins.add(String.format(Locale.ROOT, "%.2f", low + (i + 0.5) * width));
            // A log axis cannot show zero: half a weight reads as "none".
            values.add(Math.max(0.5, h.counts().get(i)));
        }
        Double tol = h.toleranceMicroSiemens();
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title(String.format(Locale.ROOT, "%s: error of %,d programmed weights (Pfail %.2f%%, tol %s uS)",
                        summary.scenario().name(), p.weights(), 100 * p.pfail(), tol))
                .xAxisTitle(String.format(Locale.ROOT, "W_true - W_target (uS); %,d weights beyond +-%.2f uS not shown",
                        h.below() + h.above(), -low))
                .yAxisTitle("weights (log scale)").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.5); // bar charts otherwise start the axis at zero
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.addSeries("error", bins, values);
        ResultFiles.savePng(chart, file);
    }
}
