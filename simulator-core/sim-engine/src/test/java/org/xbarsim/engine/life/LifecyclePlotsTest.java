package org.xbarsim.engine.life;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * What a reader takes from the lifecycle plots: which series are drawn, with which points, error bars,
 * names and axes. The values are computed here by hand from the evaluations (accuracy in percent, its
 * binomial standard error 100 sqrt(p (1 - p) / n)), not read back from the drawing code.
 */
class LifecyclePlotsTest {
    private static final double DAY = 86_400;
    private static final double YEAR = 365.25 * DAY;
    /** The swap line's colour: what marks a new network on the time axis. */
    private static final int SWAP_RGB = 0x2ca02c;

    private static LifecycleResult.Evaluation classified(double seconds, long samples, double accuracy, Double software) {
        return new LifecycleResult.Evaluation(seconds, 0, samples, accuracy, null, software, null, 1e-7, 1e-6, 1e6,
                List.of(1.0));
    }

    private static LifecycleResult.Evaluation language(double seconds, double bits) {
        return new LifecycleResult.Evaluation(seconds, 0, 50, null, bits, null, 1.2, 1e-7, 1e-6, 1e6, List.of(1.0));
    }

    private static LifecycleResult.Life life(boolean refreshes, double swapSeconds,
                                             List<LifecycleResult.Evaluation> evaluations,
                                             LifecycleResult.Endurance endurance) {
        return new LifecycleResult.Life(refreshes, YEAR, swapSeconds, 100, evaluations,
                new LifecycleResult.Availability(1, 0, 0, 0, 0, 0, 0), new LifecycleResult.EnergySplit(0, 0, 0, 0, 0),
                endurance, new LifecycleResult.Activities(3, refreshes ? 1234 : 0, refreshes ? 5_678_901 : 0, 0));
    }

    private static LifecycleResult.Endurance endurance(long... counts) {
        return new LifecycleResult.Endurance(8, 12.34, 29, 10, java.util.Arrays.stream(counts).boxed().toList());
    }

    /** A refreshed life 90% then 50% right over 100 samples each, 95% in floating point; beside it one without. */
    private static LifecycleResult twoLives(double swapSeconds) {
        return new LifecycleResult(
                life(true, swapSeconds, List.of(classified(60, 100, 0.9, 0.95), classified(DAY, 100, 0.5, 0.95)),
                        endurance(5, 0, 3)),
                life(false, swapSeconds, List.of(classified(60, 100, 0.8, 0.95), classified(DAY, 100, 0.6, 0.95)),
                        endurance(0, 8)));
    }

    private static XYSeries series(XYChart chart, int index) {
        return chart.getSeriesCollection().stream().toList().get(index);
    }

    @Test
    void accuracyIsPlottedInPercentWithItsBinomialErrorAgainstTime() {
        XYChart chart = LifecyclePlots.accuracyChart("net", twoLives(DAY / 2));
        assertEquals("net: the network along its working life", chart.getTitle());
        assertEquals("accuracy through the tiles (%), +-1 standard error", chart.getYAxisTitle());
        assertEquals("time since the first programming (log scale)", chart.getXAxisTitle());
        assertEquals(List.of("refreshed (1,234 refreshes, 5,678,901 weights)", "no refresh",
                "floating point, the same samples"), chart.getSeriesCollection().stream().map(XYSeries::getName).toList());
        XYSeries refreshed = series(chart, 0);
        assertArrayEquals(new double[] {60, DAY}, refreshed.getXData());
        assertArrayEquals(new double[] {90, 50}, refreshed.getYData(), 1e-12);
        // sqrt(0.9 x 0.1 / 100) = 3%, sqrt(0.5 x 0.5 / 100) = 5%
        assertArrayEquals(new double[] {3, 5}, refreshed.getExtraValues(), 1e-12);
        XYSeries without = series(chart, 1);
        assertArrayEquals(new double[] {80, 60}, without.getYData(), 1e-12);
        assertArrayEquals(new double[] {4, Math.sqrt(24)}, without.getExtraValues(), 1e-12);
        XYSeries software = series(chart, 2);
        assertArrayEquals(new double[] {60, DAY}, software.getXData());
        assertArrayEquals(new double[] {95, 95}, software.getYData(), 1e-12);
        assertNotEquals(refreshed.getLineColor(), without.getLineColor(), "two lives in two colours");
        assertNotEquals(refreshed.getMarker(), without.getMarker(), "and two markers");
    }

    /**
     * Every point and its error bar in view, with a tenth of the spread above and below: the lowest is
     * 50 - 5 = 45 %, the highest the floating-point 95 %, so 40 % to 100 %. Time on a log axis from a
     * factor 1.5 before the first evaluation to a factor 1.5 after the life.
     */
    @Test
    void theAxesHoldEveryPointAndItsErrorBar() {
        XYChart chart = LifecyclePlots.accuracyChart("net", twoLives(0));
        assertEquals(40, chart.getStyler().getYAxisMin(), 1e-9);
        assertEquals(100, chart.getStyler().getYAxisMax(), 1e-9);
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertEquals(40, chart.getStyler().getXAxisMin(), 1e-9);
        assertEquals(1.5 * YEAR, chart.getStyler().getXAxisMax(), 1e-6);
    }

    /** A flat line still gets a visible band: at least 0.1 either side. */
    @Test
    void aFlatLineGetsAMinimumBand() {
        LifecycleResult flat = new LifecycleResult(life(false, 0, List.of(language(60, 1.5), language(DAY, 1.5)),
                endurance(1)), null);
        XYChart chart = LifecyclePlots.accuracyChart("lm", flat);
        assertEquals(1.4, chart.getStyler().getYAxisMin(), 1e-12);
        assertEquals(1.6, chart.getStyler().getYAxisMax(), 1e-12);
    }

    /** A language model: bits per character, no error bars, no floating-point line (its accuracy is not defined). */
    @Test
    void aLanguageModelIsPlottedInBitsPerCharacter() {
        LifecycleResult lm = new LifecycleResult(life(false, 0, List.of(language(60, 1.5), language(DAY, 3.5)),
                endurance(1)), null);
        XYChart chart = LifecyclePlots.accuracyChart("lm", lm);
        assertEquals("bits per character", chart.getYAxisTitle());
        assertEquals(List.of("no refresh"), chart.getSeriesCollection().stream().map(XYSeries::getName).toList());
        assertArrayEquals(new double[] {1.5, 3.5}, series(chart, 0).getYData(), 1e-12);
        assertArrayEquals(new double[] {0, 0}, series(chart, 0).getExtraValues(), 0);
        // 1.5 to 3.5 padded by a tenth of the spread each way
        assertEquals(1.3, chart.getStyler().getYAxisMin(), 1e-12);
        assertEquals(3.7, chart.getStyler().getYAxisMax(), 1e-12);
    }

    /** A classifier whose workload does not report a floating-point accuracy has no reference line. */
    @Test
    void noReferenceLineWithoutAFloatingPointAccuracy() {
        LifecycleResult alone = new LifecycleResult(life(false, 0, List.of(classified(60, 100, 0.9, null),
                classified(DAY, 100, 0.5, null)), endurance(1)), null);
        XYChart chart = LifecyclePlots.accuracyChart("net", alone);
        assertEquals(1, chart.getSeriesCollection().size());
        // 45 % to 93 % (90 + 3) padded by 4.8 each way
        assertEquals(40.2, chart.getStyler().getYAxisMin(), 1e-9);
        assertEquals(97.8, chart.getStyler().getYAxisMax(), 1e-9);
    }

    /** Only the floating-point points a workload reported are drawn. */
    @Test
    void theReferenceLineHasOnlyTheReportedPoints() {
        LifecycleResult some = new LifecycleResult(life(false, 0, List.of(classified(60, 100, 0.9, null),
                classified(DAY, 100, 0.5, 0.95)), endurance(1)), null);
        XYSeries software = series(LifecyclePlots.accuracyChart("net", some), 1);
        assertArrayEquals(new double[] {DAY}, software.getXData());
        assertArrayEquals(new double[] {95}, software.getYData(), 1e-12);
    }

    /** The swap is a green line on the time axis when there was one, and nothing is green when there was none. */
    @Test
    void aSwapIsMarkedOnTheTimeAxis() {
        assertTrue(pixels(LifecyclePlots.accuracyChart("net", twoLives(DAY / 2)), SWAP_RGB) > 100,
                "a line the plot's height");
        assertEquals(0, pixels(LifecyclePlots.accuracyChart("net", twoLives(0)), SWAP_RGB));
    }

    private static int pixels(XYChart chart, int rgb) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * Devices against pulses: each non-empty bin of 10 pulses drawn at its middle (5, 25: the empty bin
     * 10-20 left out, a log axis has no 0), named with the life's mean and largest count.
     */
    @Test
    void theEnduranceLedgerIsDrawnBinByBin() {
        XYChart chart = LifecyclePlots.enduranceChart("net", twoLives(0));
        assertEquals("net: pulses each programmed device took over the life", chart.getTitle());
        assertEquals("pulses per device (SET and RESET)", chart.getXAxisTitle());
        assertEquals("devices (log scale)", chart.getYAxisTitle());
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("refreshed (1,234 refreshes, 5,678,901 weights): mean 12.3, max 29",
                "no refresh: mean 12.3, max 29"), chart.getSeriesCollection().stream().map(XYSeries::getName).toList());
        assertArrayEquals(new double[] {5, 25}, series(chart, 0).getXData(), 1e-12);
        assertArrayEquals(new double[] {5, 3}, series(chart, 0).getYData(), 1e-12);
        assertArrayEquals(new double[] {15}, series(chart, 1).getXData(), 1e-12);
        assertArrayEquals(new double[] {8}, series(chart, 1).getYData(), 1e-12);
        assertNotEquals(series(chart, 0).getLineColor(), series(chart, 1).getLineColor());
    }
}
