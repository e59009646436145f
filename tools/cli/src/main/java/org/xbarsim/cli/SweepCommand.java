package org.xbarsim.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.SweepFiles.Grid;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim sweep SCENARIO --grid path=v1,v2,...}: runs the scenario at every point of the
 * cartesian product of the grids, one point after another, and tabulates the summaries.
 */
@Command(name = "sweep", description = "Run a scenario over the cartesian product of parameter grids: "
        + "DIR/points/<i>/summary.json per point, DIR/sweep.csv (one row per point) and DIR/sweep.properties "
        + "(the axes, for 'xbarsim report DIR').")
final class SweepCommand implements Callable<Integer> {
    /** More points than this is almost surely a typo, and would run for days. */
    static final int MAX_POINTS = 10_000;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--grid", paramLabel = "path=v1,v2,...", required = true, description = "A scenario key and "
            + "the values it takes (repeatable; the sweep runs every combination), e.g. --grid chip.adc.bits=6,8,10.")
    List<String> gridSpecs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "path=value", description = "Override a scenario key at every point "
            + "(repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default runs/<name>-sweep).")
    Path outDir;

    @Option(names = "--force", description = "Overwrite an existing sweep in the result directory.")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads of each run (default: all "
            + "cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of plugin jars.")
    Path pluginDir;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** One point: its index, its grid values (one per grid, in grid order) and the loaded scenario. */
    private record Point(int index, List<String> values, Scenario scenario) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (seed != null && seed < 0) {
            throw new InputError("--seed", "", "expected a whole number >= 0, got " + seed);
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || threadCount > 1024) {
            throw new InputError("--threads", "", "expected 1..1024, got " + threadCount);
        }
        List<Grid> grids = parseGrids(gridSpecs, overrides, seed != null);
        List<List<String>> combinations = product(grids);
        try (PluginCatalog catalog = Plugins.load(pluginDir)) {
            List<Point> points = loadAll(catalog, grids, combinations);
            String name = points.get(0).scenario().name();
            Path dir = outDir != null ? outDir : Path.of("runs", name + "-sweep");
            Path csv = dir.resolve(SweepFiles.CSV);
            if (Files.exists(csv) && !force) {
                throw new InputError("--out", "", "expected a directory without a sweep, but " + dir
                        + " already holds one (" + SweepFiles.CSV + "); pass --force to overwrite it or --out for "
                        + "another directory");
            }
            clearPrevious(dir, csv, points.size());
            SweepFiles.writeAtomically(dir.resolve(SweepFiles.PROPERTIES), SweepFiles.propertiesText(
                    new SweepFiles.Axes(scenarioFile.toAbsolutePath().normalize().toString(), name, grids,
                            overrides, seed, points.size())));
            out.printf(Locale.ROOT, "%s: sweep of %d point%s (%s) into %s%n", name, points.size(),
                    points.size() == 1 ? "" : "s", describe(grids), dir);
            out.flush();
            runAll(catalog, dir, grids, points, threadCount, out);
            out.printf(Locale.ROOT, "  table: %s (plots: xbarsim report %s)%n", csv, dir);
        }
        out.flush();
        return 0;
    }

    /**
     * Parses the --grid options: path=v1,v2,... with a known-looking path, at least one value, no empty
     * value, no value twice, no key twice or also given with --set (which would be ambiguous).
     */
    static List<Grid> parseGrids(List<String> specs, List<String> sets, boolean seedGiven) {
        Set<String> setKeys = new HashSet<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq > 0) {
                setKeys.add(s.substring(0, eq).trim());
            }
        }
        List<Grid> grids = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String key = eq < 0 ? "" : spec.substring(0, eq).trim();
            if (eq < 0 || key.isEmpty()) {
                throw new InputError("--grid", "", "expected path=v1,v2,... (a scenario key, '=', values separated by "
                        + "commas), got '" + spec + "'");
            }
            String list = spec.substring(eq + 1).trim();
            if (list.isEmpty()) {
                throw new InputError("--grid", key, "expected one or more values after '=' separated by commas "
                        + "(path=v1,v2,...), got none");
            }
            String[] parts = list.split(",", -1);
            List<String> values = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < parts.length; i++) {
                String v = parts[i].trim();
                if (v.isEmpty()) {
                    throw new InputError("--grid", key, "expected a value between commas, got an empty value (value "
                            + (i + 1) + " of '" + list + "')");
                }
                if (!seen.add(v)) {
                    throw new InputError("--grid", key, "expected each value once, got '" + v + "' twice in '" + list
                            + "'");
                }
                values.add(v);
            }
            if (!keys.add(key)) {
                throw new InputError("--grid", key, "expected each key in one --grid only, got it twice");
            }
            if (setKeys.contains(key)) {
                throw new InputError("--grid", key, "expected a key not also given with --set, got both");
            }
            if (seedGiven && key.equals("seed")) {
                throw new InputError("--grid", key, "expected seeds either in --grid or as --seed, got both");
            }
            grids.add(new Grid(key, List.copyOf(values)));
        }
        long total = 1;
        for (Grid g : grids) {
            total *= g.values().size();
            if (total > MAX_POINTS) {
                throw new InputError("--grid", "", "expected at most " + MAX_POINTS + " points in all, the grids make "
                        + "more (" + describe(grids) + ")");
            }
        }
        return grids;
    }

    /** The cartesian product, first grid slowest, last fastest (as nested loops in grid order). */
    static List<List<String>> product(List<Grid> grids) {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (Grid g : grids) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String v : g.values()) {
                    List<String> p = new ArrayList<>(prefix);
                    p.add(v);
                    next.add(List.copyOf(p));
                }
            }
            result = next;
        }
        return result;
    }

    private static String describe(List<Grid> grids) {
        List<String> parts = new ArrayList<>();
        for (Grid g : grids) {
            parts.add(g.key() + " x" + g.values().size());
        }
        return String.join(", ", parts);
    }

    private static String label(List<Grid> grids, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            parts.add(grids.get(i).key() + "=" + values.get(i));
        }
        return String.join(" ", parts);
    }

    /**
     * Loads every point before running any, so a bad value in the last point fails in a second, not
     * after hours. A loader complaint about a grid's key says --grid rather than --set.
     */
    private List<Point> loadAll(PluginCatalog catalog, List<Grid> grids, List<List<String>> combinations) {
        ScenarioLoader loader = new ScenarioLoader(catalog);
        Set<String> setKeys = new HashSet<>();
        for (String s : overrides) {
            int eq = s.indexOf('=');
            if (eq > 0) {
                setKeys.add(s.substring(0, eq).trim());
            }
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            List<String> values = combinations.get(i);
            List<String> all = new ArrayList<>(overrides);
            for (int g = 0; g < grids.size(); g++) {
                all.add(grids.get(g).key() + "=" + values.get(g));
            }
            try {
                points.add(new Point(i, values, loader.load(scenarioFile, all, seed)));
            } catch (InputError e) {
                throw gridError(e, grids, setKeys, i, values);
            }
        }
        return points;
    }

    private static InputError gridError(InputError e, List<Grid> grids, Set<String> setKeys, int index,
                                        List<String> values) {
        String path = e.keyPath() == null ? "" : e.keyPath();
        boolean fromOverride = "--set".equals(e.source()) || (path.equals("seed") && e.source() != null
                && e.source().startsWith("--"));
        if (!fromOverride || path.isEmpty() || setKeys.contains(path)) {
            return e;
        }
        for (Grid g : grids) {
            String k = g.key();
            if (k.equals(path) || k.startsWith(path + ".") || path.startsWith(k + ".")) {
                return new InputError("--grid", path, e.detail() + " (point " + index + ": " + label(grids, values)
                        + ")", e);
            }
        }
        return e;
    }

    /** With --force: the old table goes first (the new one is written point by point), stale points too. */
    private static void clearPrevious(Path dir, Path csv, int points) {
        try {
            Files.deleteIfExists(csv);
            Path pointsDir = dir.resolve("points");
            if (Files.isDirectory(pointsDir)) {
                try (var list = Files.list(pointsDir)) {
                    for (Path p : list.toList()) {
                        String n = p.getFileName().toString();
                        if (n.matches("\\d{1,9}") && Integer.parseInt(n) >= points) {
                            Files.deleteIfExists(p.resolve("summary.json"));
                            try (var rest = Files.list(p)) {
                                if (rest.findAny().isEmpty()) {
                                    Files.delete(p);
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new InputError(dir.toString(), "", "cannot replace the previous sweep: " + e.getMessage());
        }
    }

    private void runAll(PluginCatalog catalog, Path dir, List<Grid> grids, List<Point> points, int threadCount,
                        PrintWriter out) {
        Simulator simulator = new Simulator(catalog);
        List<JsonObject> summaries = new ArrayList<>();
        boolean show = !quiet && System.console() != null;
        try (Bar bar = new Bar(points.size(), show, out)) {
            for (Point point : points) {
                Simulator.Prepared prepared = simulator.prepare(point.scenario());
                bar.startPoint(point.index(), prepared.rows());
                JsonObject summary = simulator.run(prepared, threadCount, bar);
                Path pointDir = dir.resolve("points").resolve(Integer.toString(point.index()));
                SweepFiles.writeAtomically(pointDir.resolve("summary.json"), summary.encodePrettily() + "\n");
                summaries.add(summary);
                SweepFiles.writeAtomically(dir.resolve(SweepFiles.CSV), table(grids, points, summaries));
                bar.println(line(grids, point, points.size(), summary));
                bar.step();
            }
        }
    }

    /** sweep.csv of the points finished so far; inference columns only when some point has them. */
    private static String table(List<Grid> grids, List<Point> points, List<JsonObject> summaries) {
        List<String> metrics = new ArrayList<>();
        for (String m : SweepFiles.METRICS) {
            boolean present = !m.startsWith("inference.")
                    || summaries.stream().anyMatch(s -> SweepFiles.metric(s, m) != null);
            if (present) {
                metrics.add(m);
            }
        }
        List<String> header = new ArrayList<>();
        grids.forEach(g -> header.add(g.key()));
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            List<String> row = new ArrayList<>(points.get(i).values());
            for (String m : metrics) {
                row.add(SweepFiles.cell(SweepFiles.metric(summaries.get(i), m)));
            }
            rows.add(row);
        }
        return SweepFiles.csvText(header, rows);
    }

    private static String line(List<Grid> grids, Point point, int total, JsonObject summary) {
        JsonObject p = summary.getJsonObject("programming");
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "  [%d/%d] %s: success %.2f%%  Pfail %.2f%%  %.1f pulse ops/row  programming %s, %s",
                point.index() + 1, total, label(grids, point.values()), 100 * p.getDouble("successFraction"),
                100 * p.getDouble("pfail"), p.getDouble("pulseOpsPerRow"), RunCommand.seconds(p.getDouble("timeSeconds")),
                RunCommand.joules(p.getDouble("energyJoules"))));
        JsonObject inference = summary.getJsonObject("inference");
        if (inference != null) {
            if (inference.getValue("analogAccuracy") != null) {
                b.append(String.format(Locale.ROOT, "  accuracy %.2f%% analog vs %.2f%% software",
                        100 * inference.getDouble("analogAccuracy"), 100 * inference.getDouble("softwareAccuracy")));
            }
            if (inference.getValue("analogBitsPerChar") != null) {
                b.append(String.format(Locale.ROOT, "  %.3f bits/char analog vs %.3f software",
                        inference.getDouble("analogBitsPerChar"), inference.getDouble("softwareBitsPerChar")));
            }
        }
        b.append(String.format(Locale.ROOT, "  (wall %.2f s)", summary.getJsonObject("run").getDouble("wallSeconds")));
        return b.toString();
    }

    /**
     * A progress bar over points on the terminal (rows of the current point as its message), with
     * the per-point lines printed above it; just the lines when not on a terminal.
     */
    private static final class Bar implements RunListener, AutoCloseable {
        private final PrintWriter out;
        private final ProgressBar bar;
        private final LineConsumer consumer;
        private final AtomicLong rows = new AtomicLong();
        private volatile long totalRows;
        private volatile int point;
        private long lastShown = -1;

        Bar(int points, boolean show, PrintWriter out) {
            this.out = out;
            if (show) {
                consumer = new LineConsumer(System.err, out);
                bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(points).setUnit(" points", 1)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).setConsumer(consumer).build();
            } else {
                consumer = null;
                bar = null;
            }
        }

        void startPoint(int index, long rowsOfPoint) {
            point = index;
            totalRows = rowsOfPoint;
            rows.set(0);
            lastShown = -1;
            message(0);
        }

        @Override
        public void rowFinished(org.xbarsim.api.event.RowFinished row) {
            message(rows.incrementAndGet());
        }

        @Override
        public void inferenceProgress(long done, long total) {
            if (bar != null) {
                bar.setExtraMessage(String.format(Locale.ROOT, " point %d: inference %d/%d samples", point + 1, done,
                        total));
            }
        }

        private void message(long n) {
            if (bar == null) {
                return;
            }
            long percent = totalRows == 0 ? 100 : 100 * n / totalRows;
            synchronized (this) {
                if (percent == lastShown) {
                    return;
                }
                lastShown = percent;
            }
            bar.setExtraMessage(String.format(Locale.ROOT, " point %d: %d%% of %d rows", point + 1, percent,
                    totalRows));
        }

        void println(String line) {
            if (consumer != null) {
                consumer.println(line);
            } else {
                out.println(line);
                out.flush();
            }
        }

        void step() {
            if (bar != null) {
                bar.setExtraMessage("");
                bar.step();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Renders the bar on stderr and lets lines go to stdout above it without the two garbling each other. */
    private static final class LineConsumer implements ProgressBarConsumer {
        private final ConsoleProgressBarConsumer console;
        private final PrintStream err;
        private final PrintWriter out;
        private String last = "";

        LineConsumer(PrintStream err, PrintWriter out) {
            this.console = new ConsoleProgressBarConsumer(err);
            this.err = err;
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return console.getMaxRenderedLength();
        }

        @Override
        public synchronized void accept(String rendered) {
            last = rendered;
            console.accept(rendered);
        }

        synchronized void println(String line) {
            err.print('\r' + " ".repeat(Math.max(last.length(), 1)) + '\r');
            err.flush();
            out.println(line);
            out.flush();
            if (!last.isEmpty()) {
                console.accept(last);
            }
        }

        @Override
        public synchronized void close() {
            console.close();
        }
    }
}
