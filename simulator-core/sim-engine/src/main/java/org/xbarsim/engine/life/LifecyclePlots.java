package org.xbarsim.engine.life;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A working life drawn: the network's accuracy (or bits per character) against time on a logarithmic
 * axis labelled in people's units (minutes, hours, days, weeks, years), one line per life with its
 * sampling error as error bars, the swap marked; and the endurance ledger, devices against the pulses
 * they took, one line per life.
 */
public final class LifecyclePlots {
    private static final double MINUTE = 60;
    private static final double HOUR = 3600;
    private static final double DAY = 86_400;
    private static final double YEAR = 365.25 * DAY;
    private static final double[] TICKS = {1, 10, MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, DAY, 7 * DAY, 30 * DAY, YEAR,
        10 * YEAR, 100 * YEAR};
    private static final String[] LABELS = {"1s", "10s", "1min", "10min", "1h", "6h", "1d", "1week", "30d", "1y", "10y",
        "100y"};
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728)};

    private LifecyclePlots() {
    }

    /** Writes {@code accuracy-vs-time.png} and {@code endurance.png} into {@code dir}; returns their paths. */
    public static List<Path> write(String name, LifecycleResult result, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path accuracy = dir.resolve("accuracy-vs-time.png");
        Path endurance = dir.resolve("endurance.png");
        save(accuracyChart(name, result), accuracy);
        save(enduranceChart(name, result), endurance);
        return List.of(accuracy, endurance);
    }

    /** The lives to draw, each with its legend name. */
    private static List<LifecycleResult.Life> lives(LifecycleResult result) {
        List<LifecycleResult.Life> lives = new ArrayList<>();
        lives.add(result.life());
        if (result.withoutRefresh() != null) {
            lives.add(result.withoutRefresh());
        }
        return lives;
    }

    private static String legend(LifecycleResult.Life life) {
        return life.refreshes() ? String.format(Locale.ROOT, "refreshed (%,d refreshes, %,d weights)",
                life.activities().refreshes(), life.activities().weightsRefreshed()) : "no refresh";
    }

    static XYChart accuracyChart(String name, LifecycleResult result) {
        double swapSeconds = result.life().swapSeconds();
        boolean classifier = result.life().evaluations().stream().anyMatch(e -> e.accuracy() != null);
        XYChart chart = new XYChartBuilder().width(1000).height(580)
                .title(name + ": the network along its working life")
                .xAxisTitle("time since the first programming (log scale)")
                .yAxisTitle(classifier ? "accuracy through the tiles (%), +-1 standard error" : "bits per character")
                .build();
        style(chart);
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        List<LifecycleResult.Life> lives = lives(result);
        for (int i = 0; i < lives.size(); i++) {
            LifecycleResult.Life life = lives.get(i);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (LifecycleResult.Evaluation e : life.evaluations()) {
                double y = classifier ? 100 * e.accuracy() : e.bitsPerChar();
                // A classifier's accuracy over n samples has a binomial spread; bits per character is not drawn with one.
                double se = classifier ? 100 * Math.sqrt(e.accuracy() * (1 - e.accuracy()) / Math.max(1, e.samples())) : 0;
                xs.add(e.seconds());
                ys.add(y);
                errors.add(se);
                low = Math.min(low, y - se);
                high = Math.max(high, y + se);
                if (classifier && e.softwareAccuracy() != null) {
                    low = Math.min(low, 100 * e.softwareAccuracy());
                    high = Math.max(high, 100 * e.softwareAccuracy());
                }
            }
            XYSeries s = chart.addSeries(legend(life), xs, ys, errors);
            s.setLineColor(COLORS[i % COLORS.length]);
            s.setMarkerColor(COLORS[i % COLORS.length]);
            s.setMarker(i == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        }
        if (classifier) {
            reference(chart, result.life());
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        double pad = Math.max(0.1, 0.1 * (high - low));
        chart.getStyler().setYAxisMin(low - pad);
        chart.getStyler().setYAxisMax(high + pad);
        double first = result.life().evaluations().get(0).seconds();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(first / 1.5);
        chart.getStyler().setXAxisMax(result.life().durationSeconds() * 1.5);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> " ");
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.addAnnotation(new TimeTicks(first / 1.5, result.life().durationSeconds() * 1.5, swapSeconds));
        return chart;
    }

    /** The same network in floating point on the same samples, dashed: what the tiles are compared with. */
    private static void reference(XYChart chart, LifecycleResult.Life life) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (LifecycleResult.Evaluation e : life.evaluations()) {
            if (e.softwareAccuracy() != null) {
                xs.add(e.seconds());
                ys.add(100 * e.softwareAccuracy());
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries("floating point, the same samples", xs, ys);
        s.setLineColor(Color.GRAY);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f},
                0f));
        s.setMarker(SeriesMarkers.NONE);
    }

    /**
     * Ticks at people's units on a logarithmic time axis: the chart's own ticks at decades of seconds
     * read "1.7min, 17min, 2.8h", so they are hidden and these drawn instead, a dotted line each with its
     * label at the foot of the plot; and the swap, a solid line labelled at the top.
     */
    private static final class TimeTicks extends Annotation {
        private final double min;
        private final double max;
        private final double swap;

        TimeTicks(double min, double max, double swap) {
            super(false);
            this.min = min;
            this.max = max;
            this.swap = swap;
        }

        @Override
        public void paint(Graphics2D g) {
            // Screen coordinates grow downwards: the foot of the plot is the larger of the two.
            int top = Math.min(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
            int bottom = Math.max(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            for (int i = 0; i < TICKS.length; i++) {
                if (TICKS[i] < min || TICKS[i] > max) {
                    continue;
                }
                int x = getXAxisScreenValue(TICKS[i]);
                g.setColor(new Color(0xbbbbbb));
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 3f},
                        0f));
                g.draw(new Line2D.Double(x, top, x, bottom));
                g.setColor(Color.BLACK);
                g.drawString(LABELS[i], x - g.getFontMetrics().stringWidth(LABELS[i]) / 2, bottom - 6);
            }
            if (swap >= min && swap <= max) {
                int x = getXAxisScreenValue(swap);
                g.setColor(new Color(0x2ca02c));
                g.setStroke(new BasicStroke(2f));
                g.draw(new Line2D.Double(x, top, x, bottom));
                String text = "new network loaded";
                g.drawString(text, x - g.getFontMetrics().stringWidth(text) - 4, top + 14);
            }
        }
    }

    static XYChart enduranceChart(String name, LifecycleResult result) {
        XYChart chart = new XYChartBuilder().width(1000).height(580)
                .title(name + ": pulses each programmed device took over the life")
                .xAxisTitle("pulses per device (SET and RESET)")
                .yAxisTitle("devices (log scale)")
                .build();
        style(chart);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<LifecycleResult.Life> lives = lives(result);
        for (int i = 0; i < lives.size(); i++) {
            LifecycleResult.Endurance e = lives.get(i).endurance();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int b = 0; b < e.counts().size(); b++) {
                if (e.counts().get(b) > 0) {
                    xs.add((b + 0.5) * e.binWidth());
                    ys.add((double) e.counts().get(b));
                }
            }
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s: mean %.1f, max %,d", legend(lives.get(i)),
                    e.meanPulses(), e.maxPulses()), xs, ys);
            s.setLineColor(COLORS[i % COLORS.length]);
            s.setMarkerColor(COLORS[i % COLORS.length]);
            s.setMarker(i == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        }
        return chart;
    }

    private static void style(XYChart chart) {
        Styler s = chart.getStyler();
        s.setChartTitleBoxVisible(false);
        s.setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setDecimalPattern("#,##0.##");
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
    }

    /**
     * Written beside the file and renamed onto it, so a reader never sees half a plot; created with the
     * permissions any result file has (a temporary file's are private).
     */
    private static void save(XYChart chart, Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part.png");
        try {
            BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
