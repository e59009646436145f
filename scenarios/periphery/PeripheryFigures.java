import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.report.Charts;
import org.xbarsim.explore.report.Palette;
import org.xbarsim.explore.report.Series;

/**
 * The periphery's figures of several panels (README, "The periphery as built"), drawn from the points
 * of sweeps (DIR/points/N/summary.json) with the exploration library: inference energy by part,
 * conversion time and area against ADC bits; MNIST accuracy against wire resistance; accuracy and Pfail
 * against ADC offset and INL spread, with and without per-column calibration. A single figure of one
 * metric is {@code xbarsim report DIR --metric PATH}. Run from the repository root (scenarios/periphery/make.sh):
 *
 * <pre>
 * java -cp 'tools/cli/target/xbarsim/lib/*' scenarios/periphery/PeripheryFigures.java \
 *     adc-bits DIR OUT.png | wires DIR OUT.png | adc-errors OFFSET_DIR INL_DIR OUT.png
 * </pre>
 */
public final class PeripheryFigures {
    private PeripheryFigures() {
    }

    public static void main(String[] args) throws IOException {
        switch (args.length > 0 ? args[0] : "") {
            case "adc-bits" -> adcBits(Path.of(args[1]), Path.of(args[2]));
            case "wires" -> wires(Path.of(args[1]), Path.of(args[2]));
            case "adc-errors" -> adcErrors(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("expected adc-bits DIR OUT, wires DIR OUT or adc-errors "
                    + "OFFSET_DIR INL_DIR OUT");
        }
    }

    /** Every point's summary in a sweep directory, in point order. */
    static List<RunSummary> points(Path sweep) throws IOException {
        try (Stream<Path> dirs = Files.list(sweep.resolve("points"))) {
            return dirs.map(d -> d.resolve("summary.json")).filter(Files::isRegularFile)
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getParent().getFileName().toString())))
                    .map(RunSummary::read).toList();
        }
    }

    /** A scenario key's value as run, in canonical units when it has one (0.1ohm is 0.1). */
    static double config(RunSummary s, String key) {
        String v = s.config().get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            for (Quantity q : Quantity.values()) {
                try {
                    return q.parse(v);
                } catch (IllegalArgumentException ignored) {
                    // not this quantity
                }
            }
            throw new IllegalArgumentException(key + " is not a number: " + v, e);
        }
    }

    /** A metric scaled for the plot. */
    static Function<RunSummary, Double> metric(String path, double scale) {
        return s -> s.metric(path) == null ? null : scale * s.metric(path);
    }

    /** The points' {@code y} against the key {@code x}, in order of x. */
    static Series series(String name, List<RunSummary> points, String x, Function<RunSummary, Double> y,
                         boolean dashed, int colour) {
        List<RunSummary> sorted = points.stream().sorted(Comparator.comparingDouble(p -> config(p, x))).toList();
        return new Series(name, sorted.stream().map(p -> config(p, x)).toList(), sorted.stream().map(y).toList(),
                null, dashed ? Series.Style.DASHED : Series.Style.LINE, Palette.of(colour));
    }

    static XYChart chart(String title, String xTitle, String yTitle, Series... series) {
        XYChart chart = Charts.xy(title, xTitle, yTitle);
        for (Series s : series) {
            Charts.add(chart, s);
        }
        return chart;
    }

    /** Inference energy per multiply by part, ADC conversion time and chip area against ADC resolution. */
    static void adcBits(Path sweep, Path png) throws IOException {
        List<RunSummary> p = points(sweep);
        String bits = "chip.adc.bits";
        XYChart energy = chart("256x256 multiply on a HERMES-like core: energy by part", "ADC bits",
                "nJ per multiply",
                series("total", p, bits, metric("inference.energyJoulesPerSample", 1e9), false, 0),
                series("ADC", p, bits, metric("inference.energy.adc", 1e9), false, 1),
                series("DAC and rows", p, bits, metric("inference.energy.dac", 1e9), true, 2),
                series("array", p, bits, metric("inference.energy.array", 1e9), true, 3));
        XYChart time = chart("one CCO conversion (2^bits x 300 ps) and one multiply", "ADC bits", "ns",
                series("one conversion", p, bits, metric("chip.adcConversionSeconds", 1e9), false, 0),
                series("one multiply", p, bits, metric("inference.timeSecondsPerSample", 1e9), true, 1));
        XYChart area = chart("area of the tile and of its 256 ADCs", "ADC bits", "mm^2",
                series("tile", p, bits, metric("chip.areaMm2", 1), false, 0),
                series("its ADCs", p, bits, metric("chip.area.adcs", 1), false, 1));
        Charts.saveStacked(png, List.of(energy, time, area));
    }

    /** MNIST accuracy against the wires' resistance, verify reads through the wires or an ideal sense path. */
    static void wires(Path sweep, Path png) throws IOException {
        List<RunSummary> p = points(sweep);
        String r = "chip.wire.row";
        Predicate<RunSummary> resistive = s -> config(s, r) > 0;
        List<RunSummary> through = p.stream().filter(resistive)
                .filter(s -> "array".equals(s.config().get("chip.wire.verifyReads"))).toList();
        List<RunSummary> ideal = p.stream().filter(resistive)
                .filter(s -> "ideal".equals(s.config().get("chip.wire.verifyReads"))).toList();
        Function<RunSummary, Double> accuracy = metric("inference.analogAccuracy", 100);
        double none = p.stream().filter(resistive.negate()).findFirst().map(accuracy).orElse(Double.NaN);
        List<Double> xs = through.stream().map(s -> config(s, r)).sorted().toList();
        XYChart chart = chart("MNIST MLP: accuracy against wire resistance (row and column segments)",
                "resistance of one wire segment (ohm, log scale)", "test accuracy (%), 10,000 images",
                series("verify reads through the wires (closed loop compensates)", through, r, accuracy, false, 0),
                series("verify reads on an ideal sense path (no compensation)", ideal, r, accuracy, false, 1),
                new Series("no wire resistance", xs, xs.stream().map(x -> none).toList(), null, Series.Style.DASHED,
                        Palette.of(7)));
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        Charts.saveStacked(png, List.of(chart));
    }

    /** MNIST accuracy and Pfail against ADC offset and capacitor-mismatch spread, with and without calibration. */
    static void adcErrors(Path offsets, Path inl, Path png) throws IOException {
        Charts.saveStacked(png, List.of(
                errorPanel(points(offsets), "chip.adc.offsetSigma", "ADC offset spread (LSB of 10 bits, sd)"),
                errorPanel(points(inl), "chip.adc.capMismatch", "SAR unit-capacitor mismatch (relative sd): INL "
                        + "and DNL")));
    }

    private static XYChart errorPanel(List<RunSummary> p, String x, String xTitle) {
        List<RunSummary> none = p.stream().filter(s -> "none".equals(s.config().get("chip.adc.calibration"))).toList();
        List<RunSummary> affine = p.stream().filter(s -> "affine".equals(s.config().get("chip.adc.calibration")))
                .toList();
        Function<RunSummary, Double> accuracy = metric("inference.analogAccuracy", 100);
        Function<RunSummary, Double> pfail = metric("programming.pfail", 100);
        return chart("MNIST MLP against " + xTitle.replaceAll(" \\(.*", ""), xTitle, "%",
                series("accuracy, uncalibrated", none, x, accuracy, false, 0),
                series("accuracy, per-column affine calibration", affine, x, accuracy, false, 1),
                series("Pfail, uncalibrated", none, x, pfail, true, 0),
                series("Pfail, calibrated", affine, x, pfail, true, 1));
    }
}
