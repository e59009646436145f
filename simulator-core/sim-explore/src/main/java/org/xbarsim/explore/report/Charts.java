package org.xbarsim.explore.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.xbarsim.engine.output.AtomicFiles;
import org.xbarsim.explore.files.ResultFiles;

/**
 * The charts of reports, drawn alike: 900x560 pixels, legend to the right, grid lines, numbers with
 * thousands separators; logarithmic axes labelled at 1-9 times each decade (labels at decades alone
 * left a short axis with one "10"); time axes labelled in people's units ({@link TimeTicks}).
 */
public final class Charts {
    private Charts() {
    }

    /** An empty line chart. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    /** An empty grouped bar chart, for keys whose values are words (policy ids, presets). */
    public static CategoryChart bars(String title, String xTitle, String yTitle) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        return chart;
    }

    private static void style(AxesChartStyler s) {
        s.setChartTitleBoxVisible(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setPlotGridLinesVisible(true);
        s.setDecimalPattern("#,##0.###");
        s.setXAxisLogarithmicDecadeOnly(false);
        s.setYAxisLogarithmicDecadeOnly(false);
    }

    /**
     * A logarithmic x axis; for a time axis (seconds), ticks at people's units over
     * {@code min..max} seconds instead of the chart's own.
     */
    public static void logX(XYChart chart, boolean seconds, double min, double max) {
        chart.getStyler().setXAxisLogarithmic(true);
        if (seconds) {
            chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> " ");
            chart.getStyler().setPlotGridVerticalLinesVisible(false);
            chart.addAnnotation(new TimeTicks(min, max));
        }
    }

    /** Adds a series in its style; points with a null coordinate are left out. */
    public static void add(XYChart chart, Series s) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> es = new ArrayList<>();
        for (int i = 0; i < s.x().size(); i++) {
            if (s.x().get(i) != null && s.y().get(i) != null) {
                xs.add(s.x().get(i));
                ys.add(s.y().get(i));
                es.add(s.errors() == null || s.errors().get(i) == null ? 0.0 : s.errors().get(i));
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        boolean band = s.errors() != null && (s.style() == Series.Style.LINE || s.style() == Series.Style.DASHED);
        XYSeries xy = s.errors() == null || band ? chart.addSeries(s.name(), xs, ys)
                : chart.addSeries(s.name(), xs, ys, es);
        draw(xy, s);
        if (band) {
            band(chart, s, xs, ys, es);
        }
    }

    /** The name of the band drawn behind a line with a spread. */
    public static String bandName(String series) {
        return series + " (+-1 sd)";
    }

    /**
     * A line's spread as a faint band from y - e to y + e behind it (a polygon out along the top and
     * back along the bottom), left out of the legend: the mean over chips with one sd either side.
     */
    private static void band(XYChart chart, Series s, List<Double> xs, List<Double> ys, List<Double> es) {
        List<Double> bx = new ArrayList<>();
        List<Double> by = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            bx.add(xs.get(i));
            by.add(ys.get(i) + es.get(i));
        }
        for (int i = xs.size() - 1; i >= 0; i--) {
            bx.add(xs.get(i));
            by.add(ys.get(i) - es.get(i));
        }
        XYSeries area = chart.addSeries(bandName(s.name()), bx, by);
        area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        area.setFillColor(new java.awt.Color(s.color().getRed(), s.color().getGreen(), s.color().getBlue(), 50));
        area.setLineColor(new java.awt.Color(0, 0, 0, 0));
        area.setMarker(SeriesMarkers.NONE);
        area.setShowInLegend(false);
    }

    private static void draw(XYSeries xy, Series s) {
        xy.setLineColor(s.color());
        xy.setMarkerColor(s.style() == Series.Style.FAINT ? Palette.faint(s.color()) : s.color());
        xy.setMarker(SeriesMarkers.CIRCLE);
        switch (s.style()) {
            case LINE -> xy.setLineStyle(Palette.SOLID);
            case DASHED -> xy.setLineStyle(Palette.DASHED);
            case STEP -> {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
                xy.setMarker(SeriesMarkers.DIAMOND);
                xy.setLineStyle(Palette.THICK);
            }
            case SCATTER, FAINT -> xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
    }

    /** Draws {@code chart} into the PNG file {@code file}, atomically. */
    public static void save(Chart<?, ?> chart, Path file) throws IOException {
        ResultFiles.savePng(chart, file);
    }

    /** Draws charts one above the other into one PNG file, atomically: a figure of several panels. */
    public static void saveStacked(Path file, List<? extends Chart<?, ?>> charts) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (Chart<?, ?> c : charts) {
            images.add(BitmapEncoder.getBufferedImage(c));
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        BufferedImage all = new BufferedImage(width, images.stream().mapToInt(BufferedImage::getHeight).sum(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        int y = 0;
        for (BufferedImage i : images) {
            g.drawImage(i, 0, y, null);
            y += i.getHeight();
        }
        g.dispose();
        Path tmp = AtomicFiles.tempBeside(file, ".png");
        try {
            ImageIO.write(all, "png", tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A file name from a key path: letters, digits, dot, dash, underscore. */
    public static String fileName(String stem) {
        return stem.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
    }

    /** Seconds as a person reads them: 1s, 1min, 1h, 1d, 1y (and 10ms, 100d). */
    public static String humanSeconds(double s) {
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
