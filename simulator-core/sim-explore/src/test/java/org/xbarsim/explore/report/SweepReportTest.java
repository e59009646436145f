package org.xbarsim.explore.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.sweep.Axis;
import org.xbarsim.explore.sweep.SweepTable;

/** What the plots of a sweep show, read from the charts before they are drawn. */
class SweepReportTest {
    @TempDir
    Path dir;

    /** A sweep over ADC bits, three seeds each: Pfail = 0.1 / bits + 0.01 seed, time 1 ms per bit. */
    private static SweepTable seeded(List<String> bits, boolean network) {
        List<SweepTable.Row> rows = new ArrayList<>();
        for (String b : bits) {
            for (int seed = 1; seed <= 3; seed++) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put("chip.adc.bits", b);
                values.put("seed", Integer.toString(seed));
                Map<String, Double> m = new LinkedHashMap<>();
                double bitsValue = Double.parseDouble(b);
                m.put("programming.pfail", 0.1 / bitsValue + 0.01 * seed);
                m.put("programming.timeSeconds", 1e-3 * bitsValue);
                m.put("programming.energyJoules", 1e-6 * bitsValue);
                if (network) {
                    m.put("inference.softwareAccuracy", 0.98);
                    m.put("inference.analogAccuracy", 0.98 - 0.01 * seed / bitsValue);
                }
                rows.add(new SweepTable.Row(values, m));
            }
        }
        return new SweepTable(List.of("chip.adc.bits", "seed"), List.copyOf(rows.get(0).metrics().keySet()), rows);
    }

    private static SweepReport report(SweepTable t, List<String> bits) {
        return new SweepReport("net", List.of(new Axis("chip.adc.bits", bits), new Axis("seed", List.of("1", "2", "3"))),
                t);
    }

    /** The band drawn behind the series of that name, or null. */
    private static XYSeries band(XYChart chart, String series) {
        return chart.getSeriesCollection().stream().filter(x -> x.getName().equals(Charts.bandName(series))).findFirst()
                .orElse(null);
    }

    @Test
    void seedsAreOneSeriesOfMeansWithABandOfOneStandardDeviation() {
        List<String> bits = List.of("4", "8");
        Map<String, Chart<?, ?>> charts = report(seeded(bits, false), bits).charts();
        assertFalse(charts.keySet().stream().anyMatch(k -> k.endsWith("-vs-seed")), () -> charts.keySet().toString());
        XYChart pfail = (XYChart) charts.get("pfail-vs-chip.adc.bits");
        assertEquals(2, pfail.getSeriesCollection().size(), "one series and its band, not one per seed");
        XYSeries s = pfail.getSeriesCollection().iterator().next();
        // Means over seeds 1..3 of 0.1/b + 0.01 s, in percent: 100 (0.1/b + 0.02); sd of 1, 2, 3 cents: 1.
        assertEquals(100 * (0.1 / 4 + 0.02), s.getYData()[0], 1e-9);
        assertEquals(100 * (0.1 / 8 + 0.02), s.getYData()[1], 1e-9);
        XYSeries band = band(pfail, s.getName());
        assertNotNull(band, "a band of one sd either side");
        // Out along the top (mean + 1 at b = 4, 8), back along the bottom (mean - 1 at b = 8, 4).
        assertArrayEquals(new double[] {100 * (0.1 / 4 + 0.02) + 1, 100 * (0.1 / 8 + 0.02) + 1,
                100 * (0.1 / 8 + 0.02) - 1, 100 * (0.1 / 4 + 0.02) - 1}, band.getYData(), 1e-9);
        assertArrayEquals(new double[] {4, 8, 8, 4}, band.getXData(), 0);
        assertFalse(band.isShowInLegend());
        assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle().orElse(null));
        assertTrue(pfail.getTitle().contains("mean over 3 seeds"), pfail.getTitle());
    }

    @Test
    void pointsOnSeveralChipsAreDrawnAsTheirMeansWithABandOfTheirSd() {
        List<SweepTable.Row> rows = new ArrayList<>();
        for (String b : List.of("4", "8")) {
            double bits = Double.parseDouble(b);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("programming.pfail", 0.1 / bits);
            m.put("programming.pfail:sd", 0.01 / bits);
            m.put("programming.pfail:min", 0.09 / bits);
            m.put("programming.pfail:max", 0.11 / bits);
            m.put("programming.timeSeconds", 1e-3);
            rows.add(new SweepTable.Row(Map.of("chip.adc.bits", b), m));
        }
        SweepTable table = new SweepTable(List.of("chip.adc.bits"), List.copyOf(rows.get(0).metrics().keySet()), rows);
        SweepReport r = new SweepReport("chips", List.of(new Axis("chip.adc.bits", List.of("4", "8"))), table);
        XYChart pfail = (XYChart) r.charts().get("pfail-vs-chip.adc.bits");
        assertTrue(pfail.getTitle().contains("band +-1 sd"), pfail.getTitle());
        XYSeries band = band(pfail, "Pfail");
        // In percent: 2.5 +- 0.25 at 4 bits, 1.25 +- 0.125 at 8.
        assertArrayEquals(new double[] {2.75, 1.375, 1.125, 2.25}, band.getYData(), 1e-12);
        assertEquals(0.25, rows.get(0).sd(Metrics.PFAIL) * 100, 1e-12);
        assertNull(rows.get(0).sd(Metrics.TIME), "no spread column: no sd");
    }

    @Test
    void everyQuantityThatMovesIsPlottedEnergyIncluded() {
        List<String> bits = List.of("4", "6", "8");
        Map<String, Chart<?, ?>> charts = report(seeded(bits, true), bits).charts();
        assertEquals(List.of("pfail-vs-chip.adc.bits", "analogAccuracy-vs-chip.adc.bits",
                "programmingTime-vs-chip.adc.bits", "programmingEnergy-vs-chip.adc.bits"), List.copyOf(charts.keySet()));
        XYChart accuracy = (XYChart) charts.get("analogAccuracy-vs-chip.adc.bits");
        List<XYSeries> series = List.copyOf(accuracy.getSeriesCollection());
        assertEquals(List.of("analog", "software"), series.stream().map(XYSeries::getName)
                .filter(n -> !n.equals(Charts.bandName("analog"))).toList());
    }

    @Test
    void anyMetricOfTheTableIsPlottedInAReadableUnit() {
        List<String> bits = List.of("4", "8");
        SweepReport r = report(seeded(bits, true), bits).plotting(List.of(Metrics.ENERGY, Metrics.PFAIL,
                Metrics.of("inference.softwareAccuracy")));
        Map<String, Chart<?, ?>> charts = r.charts();
        XYChart energy = (XYChart) charts.get("programming.energyJoules-vs-chip.adc.bits");
        // 4 and 8 uJ: the prefix that writes the largest value as 1..999 is micro.
        assertEquals("programming.energyJoules (uJ)", energy.getYAxisTitle());
        assertEquals(4.0, energy.getSeriesCollection().iterator().next().getYData()[0], 1e-9);
        XYChart pfail = (XYChart) charts.get("programming.pfail-vs-chip.adc.bits");
        assertEquals("programming.pfail (%)", pfail.getYAxisTitle());
        assertEquals(100 * (0.1 / 8 + 0.02), pfail.getSeriesCollection().iterator().next().getYData()[1], 1e-9);
        assertFalse(charts.containsKey("inference.softwareAccuracy-vs-chip.adc.bits"), "the same at every point");
        assertThrows(IllegalArgumentException.class, () -> r.plotting(List.of(Metrics.of("chip.areaMm2"))));
        assertEquals(0, PlotMetric.prefix(5), "seconds or joules of 1..999: no prefix");
        assertEquals(0, PlotMetric.prefix(0), "nothing to scale");
        assertEquals(1, PlotMetric.prefix(0.5));
        assertEquals(1, PlotMetric.prefix(1e-3));
        assertEquals(3, PlotMetric.prefix(2e-9));
        assertEquals(5, PlotMetric.prefix(1e-20), "femto at the least");
    }

    @Test
    void seriesThatDifferNeverShareAColour() {
        // Two swept keys: one series per value of the other, each in a colour of its own.
        List<SweepTable.Row> rows = new ArrayList<>();
        for (String f : List.of("1", "2", "3", "4", "5")) {
            for (String b : List.of("4", "8")) {
                rows.add(new SweepTable.Row(Map.of("chip.cell.F", f, "chip.adc.bits", b),
                        Map.of("programming.pfail", 0.01 * Integer.parseInt(f) / Integer.parseInt(b),
                                "programming.timeSeconds", 1e-3)));
            }
        }
        SweepTable t = new SweepTable(List.of("chip.cell.F", "chip.adc.bits"), List.of("programming.pfail",
                "programming.timeSeconds"), rows);
        SweepReport r = new SweepReport("x", List.of(new Axis("chip.cell.F", List.of("1", "2", "3", "4", "5")),
                new Axis("chip.adc.bits", List.of("4", "8"))), t);
        XYChart c = (XYChart) r.charts().get("pfail-vs-chip.adc.bits");
        List<java.awt.Color> colours = c.getSeriesCollection().stream().map(XYSeries::getLineColor).toList();
        assertEquals(5, colours.size());
        assertEquals(5, colours.stream().distinct().count(), colours::toString);
    }

    @Test
    void aTimeAxisIsLabelledInPeoplesUnitsAndLogAxesWithinDecades() {
        List<SweepTable.Row> rows = new ArrayList<>();
        List<String> times = List.of("1s", "1h", "1d", "30d", "1y", "10y");
        for (int i = 0; i < times.size(); i++) {
            rows.add(new SweepTable.Row(Map.of("inference.time", times.get(i)), Map.of("programming.pfail", 0.01,
                    "programming.timeSeconds", 1e-3, "inference.softwareAccuracy", 0.98,
                    "inference.analogAccuracy", 0.98 - 0.001 * i)));
        }
        SweepTable t = new SweepTable(List.of("inference.time"), List.of("programming.pfail", "programming.timeSeconds",
                "inference.softwareAccuracy", "inference.analogAccuracy"), rows);
        XYChart c = (XYChart) new SweepReport("x", List.of(new Axis("inference.time", times)), t).charts()
                .get("analogAccuracy-vs-inference.time");
        assertTrue(c.getStyler().isXAxisLogarithmic());
        assertFalse(c.getStyler().isXAxisLogarithmicDecadeOnly(), "1-9 times each decade, not one label");
        // Before: ticks at decades of seconds, read as 10s, 1.67min, 16.7min, 2.78h, 1.16d.
        TimeTicks ticks = new TimeTicks(1, 10 * 365.25 * 86400);
        List<String> labels = ticks.ticks().stream().map(TimeTicks::label).toList();
        assertEquals(List.of("1s", "10s", "1min", "10min", "1h", "6h", "1d", "1week", "30d", "1y", "10y"), labels);
        assertEquals("1.67min", Charts.humanSeconds(100), "what a decade tick of seconds used to read");
    }

    @Test
    void theRunsBehindAFrontAreFaintButVisible() {
        java.awt.Color faint = Palette.faint(Palette.of(0));
        assertTrue(faint.getAlpha() >= 128, "alpha " + faint.getAlpha() + ": at 70 the pale hues all but vanished");
        assertNotEquals(Palette.of(0), Palette.of(10), "after ten colours, darker ones");
    }

    @Test
    void theReportDrawsItsFiles() throws java.io.IOException {
        List<String> bits = List.of("4", "8");
        List<Path> written = report(seeded(bits, true), bits).metricPlots(dir);
        assertEquals(4, written.size());
        for (Path p : written) {
            assertNotNull(javax.imageio.ImageIO.read(p.toFile()), p.toString());
        }
    }
}
