package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.cli.SweepFiles.Grid;
import org.xbarsim.cli.SweepFiles.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim report DIR}: PNG plots of a sweep's table. For each grid key with more than one value,
 * each metric that depends on it against it (one series per value of the other keys); and accuracy loss
 * against Pfail when the sweep ran inference.
 */
@Command(name = "report", description = "Plot a sweep (DIR/sweep.csv and DIR/sweep.properties from 'xbarsim sweep'): "
        + "PNGs of Pfail, inference accuracy and programming time against each swept key, and accuracy loss "
        + "against Pfail, written into DIR.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Result directory of 'xbarsim sweep'.")
    Path dir;

    @picocli.CommandLine.Option(names = "--compare", paramLabel = "DIR", description = "Another sweep to compare "
            + "with (repeatable): adds inferenceLoss-vs-pfail-comparison.png, every network's relative loss "
            + "against Pfail in one plot.")
    List<Path> compare = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--front", paramLabel = "KEY", description = "A grid key (programming.impl, "
            + "say): adds front-by-KEY.png, Pfail (log axis) against programming time with one Pareto front per "
            + "value of KEY, and front-by-KEY.csv, the front points.")
    String front;

    @picocli.CommandLine.Option(names = "--cost", description = "Adds cost-vs-size.png: the wall time of each point "
            + "against the weights it programmed (log-log) and weights per second, with the fitted growth exponent: "
            + "how the simulator's cost grows with matrix size.")
    boolean cost;

    @picocli.CommandLine.Option(names = "--front-include", paramLabel = "DIR", description = "Another sweep whose "
            + "points join the --front fronts, by their own value of KEY (repeatable): a policy's own knobs swept "
            + "apart from the policies that do not have them.")
    List<Path> frontInclude = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** A plotted quantity: file-name stem, axis title, the y values of a row (null: absent) and a reference. */
    private record Metric(String stem, String title, String yTitle, Function<Row, Double> value,
                          Function<Row, Double> reference, String referenceName) {
    }

    /** An x axis: the swept values as numbers, or as words for bars. */
    private record Axis(String key, List<String> values, List<Double> numbers, SweepPlots.XScale scale, String title) {
        boolean categorical() {
            return numbers == null;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(dir)) {
            throw new InputError(dir.toString(), "", "expected a sweep result directory (from xbarsim sweep --out DIR), "
                    + "found no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputError(dir.toString(), "", "expected a sweep result directory (from xbarsim sweep --out DIR), "
                    + "got a file");
        }
        Path csv = dir.resolve(SweepFiles.CSV);
        if (!Files.exists(csv)) {
            throw new InputError(csv.toString(), "", "expected the sweep's table (written by xbarsim sweep), found no "
                    + "such file");
        }
        SweepFiles.Axes axes = SweepFiles.readProperties(dir.resolve(SweepFiles.PROPERTIES));
        List<String> keys = axes.grids().stream().map(Grid::key).toList();
        SweepFiles.Table table = SweepFiles.readCsv(csv, keys);
        List<Row> rows = table.rows();
        if (rows.isEmpty()) {
            throw new InputError(csv.toString(), "", "expected one row per point, got only the header");
        }
        for (String needed : List.of("programming.pfail", "programming.timeSeconds")) {
            if (!table.metricColumns().contains(needed)) {
                throw new InputError(csv + ":1", "", "expected a column " + needed + ", found none");
            }
        }
        String name = axes.name().isEmpty() ? dir.getFileName().toString() : axes.name();
        List<Metric> metrics = metrics(table);
        List<Path> written = new ArrayList<>();
        List<String> swept = new ArrayList<>();
        for (Grid g : axes.grids()) {
            List<String> values = distinct(rows, g.key(), g.values());
            if (values.size() > 1) {
                swept.add(g.key());
            }
        }
        for (String key : swept) {
            Axis axis = axis(key, distinct(rows, key, gridValues(axes, key)));
            List<String> others = swept.stream().filter(k -> !k.equals(key)).toList();
            for (Metric m : metrics) {
                if (!dependsOn(rows, key, others, m)) {
                    continue;
                }
                Path file = dir.resolve(fileName(m.stem() + "-vs-" + key));
                ResultFiles.savePng(chart(name, axis, others, rows, m, axes), file);
                written.add(file);
            }
        }
        Path loss = lossPlot(name, table, rows, swept);
        if (loss != null) {
            written.add(loss);
        }
        if (!compare.isEmpty()) {
            written.add(comparison(name, rows));
        }
        if (cost) {
            Path png = dir.resolve("cost-vs-size.png");
            double exponent = CostPlot.write(name, rows, png);
            written.add(png);
            out.printf(Locale.ROOT, "report: wall time grows as weights^%.2f from a million weights (1 is linear)%n",
                    exponent);
        }
        if (front == null && !frontInclude.isEmpty()) {
            throw new InputError("--front-include", "", "expected --front KEY as well: the included points join "
                    + "its fronts");
        }
        if (front != null) {
            Map<String, List<Row>> groups = new LinkedHashMap<>();
            FrontPlot.group(csv, rows, front, groups);
            for (Path other : frontInclude) {
                Path otherCsv = other.resolve(SweepFiles.CSV);
                SweepFiles.Axes otherAxes = SweepFiles.readProperties(other.resolve(SweepFiles.PROPERTIES));
                FrontPlot.group(otherCsv, SweepFiles.readCsv(otherCsv, otherAxes.grids().stream().map(Grid::key)
                        .toList()).rows(), front, groups);
            }
            written.addAll(FrontPlot.write(dir, name, front, groups));
        }
        if (written.isEmpty()) {
            out.println("report: nothing to plot in " + dir + (swept.isEmpty()
                    ? ": no grid key has more than one value" : ": no metric changes with the swept keys"));
        } else {
            long plots = written.stream().filter(p -> p.toString().endsWith(".png")).count();
            out.printf(Locale.ROOT, "report: %d plot%s of %s (%d point%s)%n", plots,
                    plots == 1 ? "" : "s", name, rows.size(), rows.size() == 1 ? "" : "s");
            for (Path p : written) {
                out.println("  " + p);
            }
        }
        out.flush();
        return 0;
    }

    private static List<String> gridValues(SweepFiles.Axes axes, String key) {
        return axes.grids().stream().filter(g -> g.key().equals(key)).findFirst().map(Grid::values).orElse(List.of());
    }

    /** The values a key takes in the rows, in the order the grid gave them (then any others as met). */
    private static List<String> distinct(List<Row> rows, String key, List<String> order) {
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(r -> present.add(r.grid().get(key)));
        List<String> result = new ArrayList<>();
        for (String v : order) {
            if (present.remove(v)) {
                result.add(v);
            }
        }
        result.addAll(present);
        return result;
    }

    private static List<Metric> metrics(SweepFiles.Table table) {
        List<String> c = table.metricColumns();
        List<Metric> m = new ArrayList<>();
        m.add(new Metric("pfail", "Pfail", "Pfail (%) = 1 - success fraction",
                r -> pct(r.metric("programming.pfail")), null, null));
        if (c.contains("inference.analogAccuracy")) {
            m.add(new Metric("analogAccuracy", "analog inference accuracy", "test accuracy (%)",
                    r -> pct(r.metric("inference.analogAccuracy")),
                    c.contains("inference.softwareAccuracy") ? r -> pct(r.metric("inference.softwareAccuracy")) : null,
                    "software"));
        }
        if (c.contains("inference.analogBitsPerChar")) {
            m.add(new Metric("analogBitsPerChar", "analog bits per character", "bits per character (lower is better)",
                    r -> r.metric("inference.analogBitsPerChar"),
                    c.contains("inference.softwareBitsPerChar") ? r -> r.metric("inference.softwareBitsPerChar") : null,
                    "software"));
        }
        m.add(new Metric("programmingTime", "simulated programming time", "programming time (ms)",
                r -> r.metric("programming.timeSeconds") == null ? null : r.metric("programming.timeSeconds") * 1e3,
                null, null));
        return m;
    }

    private static Double pct(Double v) {
        return v == null ? null : 100 * v;
    }

    /**
     * Whether the metric (or its reference) changes along the key for some fixed values of the other
     * swept keys: Pfail against inference.time is a flat line and no plot.
     */
    private static boolean dependsOn(List<Row> rows, String key, List<String> others, Metric m) {
        Map<List<String>, Set<Double>> seen = new LinkedHashMap<>();
        Map<List<String>, Set<Double>> seenRef = new LinkedHashMap<>();
        for (Row r : rows) {
            List<String> group = others.stream().map(k -> r.grid().get(k)).toList();
            Double v = m.value().apply(r);
            if (v != null) {
                seen.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(v);
            }
            if (m.reference() != null && m.reference().apply(r) != null) {
                seenRef.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(m.reference().apply(r));
            }
        }
        return seen.values().stream().anyMatch(s -> s.size() > 1) || seenRef.values().stream().anyMatch(s -> s.size() > 1);
    }

    /** Numbers as numbers, times with units as seconds on a log axis, anything else as categories. */
    private static Axis axis(String key, List<String> values) {
        List<Double> plain = new ArrayList<>();
        for (String v : values) {
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    plain = null;
                    break;
                }
                plain.add(d);
            } catch (NumberFormatException e) {
                plain = null;
                break;
            }
        }
        if (plain != null) {
            return new Axis(key, values, plain, SweepPlots.XScale.LINEAR, key);
        }
        for (Quantity q : List.of(Quantity.TIME, Quantity.CONDUCTANCE, Quantity.FREQUENCY, Quantity.ENERGY)) {
            List<Double> parsed = new ArrayList<>();
            for (String v : values) {
                try {
                    parsed.add(q.parse(v));
                } catch (IllegalArgumentException e) {
                    parsed = null;
                    break;
                }
            }
            if (parsed != null) {
                boolean log = q == Quantity.TIME && parsed.stream().allMatch(d -> d > 0);
                return new Axis(key, values, parsed, log ? SweepPlots.XScale.LOG_TIME : SweepPlots.XScale.LINEAR,
                        key + " (" + q.canonicalUnit() + (log ? ", log scale" : "") + ")");
            }
        }
        return new Axis(key, values, null, SweepPlots.XScale.LINEAR, key);
    }

    private static Chart<?, ?> chart(String name, Axis axis, List<String> others, List<Row> rows, Metric m,
                                     SweepFiles.Axes axes) {
        // One series per combination of the other swept keys' values, in grid order.
        Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
        for (List<String> combo : combinations(others, rows, axes)) {
            groups.put(combo, new ArrayList<>());
        }
        for (Row r : rows) {
            groups.get(others.stream().map(k -> r.grid().get(k)).toList()).add(r);
        }
        groups.values().removeIf(List::isEmpty);
        String title = name + ": " + m.title() + " against " + axis.key();
        // The reference (software) is drawn once when every group has the same values.
        boolean oneReference = m.reference() != null && groups.values().stream()
                .map(g -> referenceByValue(axis, g, m)).distinct().count() == 1;
        List<String> names = new ArrayList<>();
        List<List<Double>> ys = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        boolean referenceDone = false;
        for (Map.Entry<List<String>, List<Row>> g : groups.entrySet()) {
            String label = label(others, g.getKey());
            names.add(m.reference() == null ? (label.isEmpty() ? m.title() : label)
                    : "analog" + (label.isEmpty() ? "" : ", " + label));
            ys.add(byValue(axis, g.getValue(), m.value()));
            dashed.add(false);
            if (m.reference() != null && !(oneReference && referenceDone)) {
                names.add(m.referenceName() + (oneReference || label.isEmpty() ? "" : ", " + label));
                ys.add(referenceByValue(axis, g.getValue(), m));
                dashed.add(true);
                referenceDone = true;
            }
        }
        if (axis.categorical()) {
            return SweepPlots.bars(title, axis.title(), m.yTitle(), axis.values(), names, ys);
        }
        List<SweepPlots.Series> series = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            series.add(sorted(names.get(i), axis.numbers(), ys.get(i), dashed.get(i)));
        }
        return SweepPlots.lines(title, axis.title(), m.yTitle(), axis.scale(), series, false);
    }

    private static List<Double> referenceByValue(Axis axis, List<Row> group, Metric m) {
        return byValue(axis, group, m.reference());
    }

    /** The metric at each of the axis's values within one group (null where no row has it). */
    private static List<Double> byValue(Axis axis, List<Row> group, Function<Row, Double> f) {
        List<Double> ys = new ArrayList<>();
        for (String v : axis.values()) {
            ys.add(group.stream().filter(r -> v.equals(r.grid().get(axis.key()))).map(f).filter(Objects::nonNull)
                    .findFirst().orElse(null));
        }
        return ys;
    }

    private static SweepPlots.Series sorted(String name, List<Double> x, List<Double> y, boolean dashed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(x.get(a), x.get(b)));
        return new SweepPlots.Series(name, order.stream().map(x::get).toList(),
                order.stream().map(y::get).toList(), dashed);
    }

    private static List<List<String>> combinations(List<String> keys, List<Row> rows, SweepFiles.Axes axes) {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (String k : keys) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String v : distinct(rows, k, gridValues(axes, k))) {
                    List<String> p = new ArrayList<>(prefix);
                    p.add(v);
                    next.add(p);
                }
            }
            result = next;
        }
        return result;
    }

    private static String label(List<String> keys, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i) + "=" + values.get(i));
        }
        return String.join(", ", parts);
    }

    /**
     * Accuracy loss against Pfail, every point: software minus analog accuracy (points), or the relative
     * increase of bits per character for language models; one series per value of a swept key that does
     * not move Pfail (inference.time, say), else one series.
     */
    private Path lossPlot(String name, SweepFiles.Table table, List<Row> rows, List<String> swept) throws IOException {
        List<String> c = table.metricColumns();
        Function<Row, Double> loss;
        String stem;
        String yTitle;
        if (c.contains("inference.analogAccuracy") && c.contains("inference.softwareAccuracy")) {
            loss = r -> r.metric("inference.analogAccuracy") == null || r.metric("inference.softwareAccuracy") == null
                    ? null : 100 * (r.metric("inference.softwareAccuracy") - r.metric("inference.analogAccuracy"));
            stem = "accuracyLoss-vs-pfail";
            yTitle = "accuracy loss (points) = software - analog accuracy";
        } else if (c.contains("inference.analogBitsPerChar") && c.contains("inference.softwareBitsPerChar")) {
            loss = r -> {
                Double a = r.metric("inference.analogBitsPerChar");
                Double s = r.metric("inference.softwareBitsPerChar");
                return a == null || s == null || s == 0 ? null : 100 * (a - s) / s;
            };
            stem = "bitsPerCharLoss-vs-pfail";
            yTitle = "bits-per-character increase (%) = (analog - software) / software";
        } else {
            return null;
        }
        List<Row> usable = rows.stream().filter(r -> loss.apply(r) != null && r.metric("programming.pfail") != null)
                .toList();
        if (usable.isEmpty()) {
            return null;
        }
        Metric pfail = new Metric("pfail", "", "", r -> r.metric("programming.pfail"), null, null);
        String by = null;
        for (String k : swept) {
            List<String> rest = swept.stream().filter(o -> !o.equals(k)).toList();
            if (!dependsOn(usable, k, rest, pfail)) {
                by = k;
                break;
            }
        }
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : usable) {
            groups.computeIfAbsent(by == null ? "sweep points" : by + "=" + r.grid().get(by), g -> new ArrayList<>())
                    .add(r);
        }
        List<SweepPlots.Series> series = new ArrayList<>();
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            List<Double> x = g.getValue().stream().map(r -> 100 * r.metric("programming.pfail")).toList();
            List<Double> y = g.getValue().stream().map(loss).toList();
            series.add(new SweepPlots.Series(g.getKey(), x, y, false));
        }
        Path file = dir.resolve(fileName(stem));
        ResultFiles.savePng(SweepPlots.lines(name + ": inference loss against Pfail (" + usable.size() + " points)",
                "Pfail (%)", yTitle, SweepPlots.XScale.LINEAR, series, true), file);
        return file;
    }

    /**
     * Relative inference loss against Pfail for this sweep and every {@code --compare} sweep, one series
     * each: (software - analog) / software accuracy for classifiers, (analog - software) / software
     * bits per character for language models, both in percent, so that networks of different kinds share
     * an axis and the more sensitive one stands above the other.
     */
    private Path comparison(String name, List<Row> rows) throws IOException {
        List<SweepPlots.Series> series = new ArrayList<>();
        series.add(relativeLoss(name, rows));
        for (Path other : compare) {
            Path csv = other.resolve(SweepFiles.CSV);
            if (!Files.exists(csv)) {
                throw new InputError(csv.toString(), "", "expected the table of the sweep to compare with, found no "
                        + "such file");
            }
            SweepFiles.Axes axes = SweepFiles.readProperties(other.resolve(SweepFiles.PROPERTIES));
            List<Row> otherRows = SweepFiles.readCsv(csv, axes.grids().stream().map(Grid::key).toList()).rows();
            series.add(relativeLoss(axes.name().isEmpty() ? other.getFileName().toString() : axes.name(), otherRows));
        }
        Path file = dir.resolve(fileName("inferenceLoss-vs-pfail-comparison"));
        ResultFiles.savePng(SweepPlots.lines("Relative inference loss against Pfail", "Pfail (%)",
                "loss (%) of accuracy, or of bits per character", SweepPlots.XScale.LINEAR, series, true), file);
        return file;
    }

    private static SweepPlots.Series relativeLoss(String name, List<Row> rows) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Row r : rows) {
            Double pfail = r.metric("programming.pfail");
            Double sa = r.metric("inference.softwareAccuracy");
            Double aa = r.metric("inference.analogAccuracy");
            Double sb = r.metric("inference.softwareBitsPerChar");
            Double ab = r.metric("inference.analogBitsPerChar");
            Double loss = sa != null && aa != null && sa > 0 ? 100 * (sa - aa) / sa
                    : sb != null && ab != null && sb > 0 ? 100 * (ab - sb) / sb : null;
            if (pfail != null && loss != null) {
                x.add(100 * pfail);
                y.add(loss);
            }
        }
        return sorted(name, x, y, false);
    }

    /** A file name from a key path: letters, digits, dot, dash, underscore. */
    private static String fileName(String stem) {
        return stem.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
    }
}
