package org.xbarsim.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** PNG plots of a run's summary, drawn headless with XChart. */
final class Plots {
    private Plots() {
    }

    /**
     * The histogram of programmed-weight error W_true - W_target, with the tolerance band named in
     * the title: what a user looks at first to see how the misses are distributed.
     */
    static void errorHistogram(JsonObject summary, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        JsonObject p = summary.getJsonObject("programming");
        JsonObject h = p.getJsonObject("errorHistogram");
        double low = h.getDouble("lowMicroSiemens");
        double width = h.getDouble("binWidthMicroSiemens");
        JsonArray counts = h.getJsonArray("counts");
        List<String> bins = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            bins.add(String.format(Locale.ROOT, "%.2f", low + (i + 0.5) * width));
            // A log axis cannot show zero: half a weight reads as "none".
            values.add(Math.max(0.5, counts.getLong(i)));
        }
        double tol = Double.parseDouble(summary.getJsonObject("config").getString("programming.tol")
                .replaceAll("[^0-9.eE+-]", ""));
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title(String.format(Locale.ROOT, "%s: error of %,d programmed weights (Pfail %.2f%%, tol %s uS)",
                        summary.getJsonObject("scenario").getString("name"), p.getLong("weights"),
                        100 * p.getDouble("pfail"), tol))
                .xAxisTitle(String.format(Locale.ROOT, "W_true - W_target (uS); %,d weights beyond +-%.2f uS not shown",
                        h.getLong("below") + h.getLong("above"), -low))
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
