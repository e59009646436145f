import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The trade-off plot of scenarios/sweeps/slicing.sh, drawn from its sweep.csv: analog accuracy against
 * energy per sample (left) and against time per sample (right), one series per input encoding and ADC
 * resolution, its points the cells per weight (1, 2, 3: energy rises with each), the mean over the seeds
 * with error bars of one standard deviation. A single-file program (java -cp xchart.jar SlicingTradeOff.java
 * CSV PNG) so that it runs beside any build of the command line.
 */
public final class SlicingTradeOff {
    private static final List<String> ENCODINGS = List.of("amplitude", "duration", "slices", "bitSerial");
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728)};

    /** One point of the grid over the seeds: accuracy in %, energy in nJ, time in ns per sample. */
    private record Point(List<Double> accuracy, List<Double> energy, List<Double> time) {
        Point() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SlicingTradeOff SWEEP_CSV OUT_PNG");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int adc = header.indexOf("chip.adc.bits");
        int slices = header.indexOf("inference.weightSlices");
        int encoding = header.indexOf("inference.dacEncoding");
        int accuracy = header.indexOf("inference.analogAccuracy");
        int energy = header.indexOf("inference.energyJoulesPerSample");
        int time = header.indexOf("inference.timeSecondsPerSample");
        // (ADC bits, encoding) -> weight slices -> the seeds' values
        Map<String, Map<Integer, Point>> series = new TreeMap<>(java.util.Comparator
                .comparing((String k) -> -Integer.parseInt(k.split("\\|")[0]))
                .thenComparing(k -> ENCODINGS.indexOf(k.split("\\|")[1])));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            // Without an ADC axis every point has the scenario's ADC: 0 stands for it.
            String key = (adc < 0 ? "0" : f[adc]) + "|" + f[encoding];
            Point p = series.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(f[slices]), k -> new Point());
            p.accuracy().add(100 * Double.parseDouble(f[accuracy]));
            p.energy().add(1e9 * Double.parseDouble(f[energy]));
            p.time().add(1e9 * Double.parseDouble(f[time]));
        }
        XYChart byEnergy = chart("Accuracy against energy: 1, 2, 3 cells per weight (amplitude lies under duration)",
                "energy per sample (nJ, log)");
        XYChart byTime = chart("Accuracy against time (weight slices run on tiles in parallel)",
                "time per sample (ns, log)");
        for (Map.Entry<String, Map<Integer, Point>> e : series.entrySet()) {
            String[] key = e.getKey().split("\\|");
            int bits = Integer.parseInt(key[0]);
            int colour = ENCODINGS.indexOf(key[1]);
            String name = bits == 0 ? key[1] : key[1] + ", " + bits + "-bit ADC";
            add(byEnergy, name, e.getValue(), Point::energy, COLOURS[colour], bits);
            add(byTime, name, e.getValue(), Point::time, COLOURS[colour], bits);
        }
        byEnergy.getStyler().setLegendVisible(false);
        BitmapEncoder.saveBitmap(List.of(byEnergy, byTime), 1, 2, args[1], BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String xTitle) {
        XYChart chart = new XYChartBuilder().width(900).height(620).title(title).xAxisTitle(xTitle)
                .yAxisTitle("MNIST test accuracy, analog (%)").build();
        Styler s = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setMarkerSize(9);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        return chart;
    }

    private interface Measure {
        List<Double> of(Point p);
    }

    /** A series: x the mean of {@code x} over the seeds, y the mean accuracy, error bars its standard deviation. */
    private static void add(XYChart chart, String name, Map<Integer, Point> points, Measure x, Color colour,
                            int adcBits) {
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] sd = new double[n];
        int i = 0;
        for (Point p : points.values()) {
            xs[i] = mean(x.of(p));
            ys[i] = mean(p.accuracy());
            sd[i] = sd(p.accuracy());
            i++;
        }
        XYSeries s = chart.addSeries(name, xs, ys, sd);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        boolean coarse = adcBits > 0 && adcBits < 10;
        s.setMarker(coarse ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        s.setLineStyle(coarse ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n - 1); 0 for a single seed. */
    private static double sd(List<Double> v) {
        if (v.size() < 2) {
            return 0;
        }
        double m = mean(v);
        double ss = v.stream().mapToDouble(d -> (d - m) * (d - m)).sum();
        return Math.sqrt(ss / (v.size() - 1));
    }
}
