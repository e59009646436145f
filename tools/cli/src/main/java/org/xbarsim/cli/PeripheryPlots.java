package org.xbarsim.cli;

import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.engine.stats.Summary;

/**
 * The periphery's figures, drawn from the points of a sweep (DIR/points/N/summary.json) because
 * {@code xbarsim report} plots only Pfail, accuracy and programming time so far: inference energy,
 * conversion time and area against ADC bits; MNIST accuracy against wire resistance; accuracy against
 * ADC offset and INL spread, each with and without per-column calibration. A stopgap until report can
 * plot any summary field: {@code java -cp 'tools/cli/target/xbarsim/lib/*' org.xbarsim.cli.PeripheryPlots
 * adc-bits DIR OUT.png | wires DIR OUT.png | adc-errors OFFSET_DIR INL_DIR OUT.png}.
 */
public final class PeripheryPlots {
    private PeripheryPlots() {
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
    static List<JsonObject> points(Path sweep) throws IOException {
        List<Path> files;
        try (Stream<Path> dirs = Files.list(sweep.resolve("points"))) {
            files = dirs.map(d -> d.resolve("summary.json")).filter(Files::isRegularFile)
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getParent().getFileName().toString())))
                    .toList();
        }
        List<JsonObject> out = new ArrayList<>();
        for (Path f : files) {
            out.add(new JsonObject(BoundedFiles.readString(f, 64L << 20, "a summary", StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** A field of a summary by dotted path; {@code config.KEY} is the scenario key KEY as run. */
    static Object field(JsonObject summary, String path) {
        return path.startsWith("config.") ? summary.getJsonObject("config").getValue(path.substring(7))
                : Summary.get(summary, path);
    }

    static double number(JsonObject summary, String path) {
        Object v = field(summary, path);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            return parse(s);
        }
        throw new IllegalArgumentException("no number at " + path);
    }

    /** A config value: a plain number or a quantity with a unit, in canonical units. */
    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            for (Quantity q : Quantity.values()) {
                try {
                    return q.parse(s);
                } catch (IllegalArgumentException ignored) {
                    // not this quantity
                }
            }
            throw new IllegalArgumentException("not a number: " + s);
        }
    }

    private static SweepPlots.Series series(String name, List<JsonObject> points, String x,
                                            Function<JsonObject, Double> y, boolean dashed) {
        List<JsonObject> sorted = points.stream().sorted(Comparator.comparingDouble(p -> number(p, x))).toList();
        return new SweepPlots.Series(name, sorted.stream().map(p -> number(p, x)).toList(),
                sorted.stream().map(y).toList(), dashed);
    }

    /** Inference energy per multiply by part, ADC conversion time and chip area against ADC resolution. */
    static void adcBits(Path sweep, Path png) throws IOException {
        List<JsonObject> p = points(sweep);
        String bits = "config.chip.adc.bits";
        XYChart energy = SweepPlots.lines("256x256 multiply on a HERMES-like core: energy by part", "ADC bits",
                "nJ per multiply",
                SweepPlots.XScale.LINEAR, List.of(
                        series("total", p, bits, s -> 1e9 * number(s, "inference.energyJoulesPerSample"), false),
                        series("ADC", p, bits, s -> 1e9 * number(s, "inference.energy.adc"), false),
                        series("DAC and rows", p, bits, s -> 1e9 * number(s, "inference.energy.dac"), true),
                        series("array", p, bits, s -> 1e9 * number(s, "inference.energy.array"), true)), false);
        XYChart time = SweepPlots.lines("one CCO conversion (2^bits x 300 ps) and one multiply", "ADC bits", "ns",
                SweepPlots.XScale.LINEAR, List.of(
                        series("one conversion", p, bits, s -> 1e9 * number(s, "chip.adcConversionSeconds"), false),
                        series("one multiply", p, bits, s -> 1e9 * number(s, "inference.timeSecondsPerSample"),
                                true)), false);
        XYChart area = SweepPlots.lines("area of the tile and of its 256 ADCs", "ADC bits", "mm^2",
                SweepPlots.XScale.LINEAR, List.of(
                series("tile", p, bits, s -> number(s, "chip.areaMm2"), false),
                series("its ADCs", p, bits, s -> number(s, "chip.area.adcs"), false)), false);
        side(png, energy, time, area);
    }

    /** MNIST accuracy against the wires' resistance, verify reads through the wires or an ideal sense path. */
    static void wires(Path sweep, Path png) throws IOException {
        List<JsonObject> p = points(sweep);
        String r = "config.chip.wire.row";
        List<JsonObject> through = p.stream().filter(s -> "array".equals(field(s,
                "config.chip.wire.verifyReads")) && number(s, r) > 0).toList();
        List<JsonObject> ideal = p.stream().filter(s -> "ideal".equals(field(s,
                "config.chip.wire.verifyReads")) && number(s, r) > 0).toList();
        double none = p.stream().filter(s -> number(s, r) == 0).findFirst()
                .map(s -> 100 * number(s, "inference.analogAccuracy")).orElse(Double.NaN);
        List<Double> xs = through.stream().map(s -> number(s, r)).sorted().toList();
        XYChart chart = SweepPlots.lines("MNIST MLP: accuracy against wire resistance (row and column segments)",
                "resistance of one wire segment (ohm, log scale)", "test accuracy (%), 10,000 images",
                SweepPlots.XScale.LINEAR, List.of(
                        series("verify reads through the wires (closed loop compensates)", through, r,
                                s -> 100 * number(s, "inference.analogAccuracy"), false),
                        series("verify reads on an ideal sense path (no compensation)", ideal, r,
                                s -> 100 * number(s, "inference.analogAccuracy"), false),
                        new SweepPlots.Series("no wire resistance", xs, xs.stream().map(x -> none).toList(), true)),
                false);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        side(png, chart);
    }

    /** MNIST accuracy and Pfail against ADC offset and capacitor-mismatch spread, with and without calibration. */
    static void adcErrors(Path offsets, Path inl, Path png) throws IOException {
        side(png, errorPanel(points(offsets), "config.chip.adc.offsetSigma",
                        "ADC offset spread (LSB of 10 bits, sd)"),
                errorPanel(points(inl), "config.chip.adc.capMismatch",
                        "SAR unit-capacitor mismatch (relative sd): INL and DNL"));
    }

    private static XYChart errorPanel(List<JsonObject> p, String x, String xTitle) {
        List<JsonObject> none = p.stream().filter(s -> "none".equals(field(s, "config.chip.adc.calibration")))
                .toList();
        List<JsonObject> affine = p.stream().filter(s -> "affine".equals(field(s,
                "config.chip.adc.calibration"))).toList();
        return SweepPlots.lines("MNIST MLP against " + xTitle.replaceAll(" \\(.*", ""), xTitle, "%",
                SweepPlots.XScale.LINEAR,
                List.of(series("accuracy, uncalibrated", none, x, s -> 100 * number(s, "inference.analogAccuracy"),
                                false),
                        series("accuracy, per-column affine calibration", affine, x,
                                s -> 100 * number(s, "inference.analogAccuracy"), false),
                        series("Pfail, uncalibrated", none, x, s -> 100 * number(s, "programming.pfail"), true),
                        series("Pfail, calibrated", affine, x, s -> 100 * number(s, "programming.pfail"), true)),
                false);
    }

    /** Charts one above the other in one PNG, written atomically. */
    private static void side(Path png, XYChart... charts) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (XYChart c : charts) {
            images.add(BitmapEncoder.getBufferedImage(c));
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage i : images) {
            g.drawImage(i, 0, y, null);
            y += i.getHeight();
        }
        g.dispose();
        Path tmp = png.resolveSibling(png.getFileName() + ".tmp");
        ImageIO.write(all, "png", tmp.toFile());
        Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
