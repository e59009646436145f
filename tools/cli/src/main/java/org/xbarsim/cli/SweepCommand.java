package org.xbarsim.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.cli.SweepFiles.Grid;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.cluster.ClusterCoordinator;
import org.xbarsim.engine.cluster.ClusterKey;
import org.xbarsim.engine.cluster.PointMessages;
import org.xbarsim.engine.output.OutputNames;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.stats.SummaryCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim sweep SCENARIO --grid path=v1,v2,...}: runs the scenario at every point of the
 * cartesian product of the grids and tabulates the summaries; points run on a pool of local workers,
 * or with --cluster on the workers of a sweep cluster. Each point's result depends only on its
 * scenario and seed, so neither the number of workers nor where a point ran changes a result.
 */
@Command(name = "sweep", description = "Run a scenario over the cartesian product of parameter grids: "
        + "DIR/points/<i>/summary.json per point, DIR/sweep.csv (one row per point), DIR/sweep.properties "
        + "(the axes, for 'xbarsim report DIR') and DIR/sweep-summary.json (the sweep's wall time).")
final class SweepCommand implements Callable<Integer> {
    /** More points than this is almost surely a typo, and would run for days. */
    static final int MAX_POINTS = 10_000;
    /** The sweep's own record: how it ran and how long it took. */
    static final String SUMMARY = "sweep-summary.json";

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--grid", paramLabel = "path=v1,v2,...", required = true, description = "A scenario key and "
            + "the values it takes (repeatable; the sweep runs every combination), e.g. --grid chip.adc.bits=6,8,10, "
            + "or a range lo:hi:n (n evenly spaced values, whole numbers for a whole-number key, units as in a "
            + "scenario), lo:hi:n:log for a constant ratio, e.g. --grid inference.time=1s:1y:5:log.")
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

    @Option(names = "--resume", description = "Finish the sweep already in the result directory: run only the "
            + "points without a result (refused if the directory holds a different sweep, unless --force).")
    boolean resume;

    @Option(names = "--workers", paramLabel = "N", description = "Points run at a time in this process (default: "
            + "one per core, at most the number of points); each run gets cores/N event-loop threads.")
    Integer workers;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads of each run (default: cores "
            + "divided by --workers, at least 1). Results do not depend on it.")
    Integer threads;

    @Option(names = "--cluster", description = "Hand the points to the workers of a sweep cluster "
            + "('xbarsim worker --cluster') instead of running them here.")
    boolean cluster;

    @Option(names = "--host", paramLabel = "ADDR", description = "With --cluster: this machine's cluster address "
            + "(default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "P", description = "With --cluster: first cluster port (default 5701).")
    Integer port;

    @Option(names = "--join", paramLabel = "ADDR,...", split = ",", description = "With --cluster: addresses of "
            + "other cluster members' machines (default: --host only, i.e. this machine).")
    List<String> join;

    @Option(names = "--point-timeout", paramLabel = "TIME", description = "With --cluster: a point still running after "
            + "this long goes to another worker (default: no limit; a worker that leaves the cluster or stops sending "
            + "heartbeats loses its point within seconds).")
    String pointTimeout;

    @Option(names = "--key", paramLabel = "FILE", description = "With --cluster: the cluster key every member holds "
            + "(created, mode 600, if missing; default $XBARSIM_CLUSTER_KEY or ~/.config/xbarsim/cluster.key).")
    Path keyFile;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of plugin jars.")
    Path pluginDir;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--plugin-timeout", paramLabel = "TIME", description = "A plugin call during which a point makes "
            + "no progress for this long is named and the sweep stopped, exit status 1 (default 5min; a resumed "
            + "sweep keeps the points done).")
    String pluginTimeout = Plugins.DEFAULT_TIMEOUT;

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
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new InputError("--threads", "", "expected 1..1024, got " + threads);
        }
        if (workers != null && (workers < 1 || workers > 1024)) {
            throw new InputError("--workers", "", "expected 1..1024, got " + workers);
        }
        double timeout = clusterOptions();
        Plugins.timeout(pluginTimeout); // checked before anything is claimed
        List<Grid> grids = parseGrids(gridSpecs, overrides, seed != null);
        try (PluginCatalog catalog = Plugins.load(pluginDir)) {
            grids = expandRanges(new ScenarioLoader(catalog), grids);
            checkSize(grids);
            List<Point> points = loadAll(catalog, grids, product(grids));
            String name = points.get(0).scenario().name();
            Path dir = outDir != null ? outDir : OutputNames.under(Path.of("runs"), name + "-sweep");
            // One sweep (or coordinator) per directory at a time: claimed before anything in it is read.
            try (ResultClaim claim = ResultClaim.directory(dir, "--out")) {
                sweep(out, catalog, grids, points, name, dir, timeout);
            }
        }
        out.flush();
        return 0;
    }

    /** The sweep into its claimed directory. */
    private void sweep(PrintWriter out, PluginCatalog catalog, List<Grid> grids, List<Point> points, String name,
                       Path dir, double timeout) {
        String properties = SweepFiles.propertiesText(new SweepFiles.Axes(
                scenarioFile.toAbsolutePath().normalize().toString(), name, grids, overrides, seed, points.size()))
                + "scenarioSha256=" + sha256(scenarioText()) + "\n";
        List<List<String>> values = points.stream().map(Point::values).toList();
        SweepResults results = new SweepResults(dir, grids, values);
        int already = prepareDirectory(dir, properties, results, points);
        ResultFiles.writeString(dir.resolve(SweepFiles.PROPERTIES), properties);
        out.printf(Locale.ROOT, "%s: sweep of %d point%s (%s) into %s%s%n", name, points.size(),
                points.size() == 1 ? "" : "s", describe(grids), dir,
                already == 0 ? "" : String.format(Locale.ROOT, "; resuming, %d done before", already));
        out.flush();
        long start = System.nanoTime();
        JsonObject record = new JsonObject().put("points", points.size()).put("pointsDoneBefore", already);
        if (cluster) {
            runOnCluster(results, grids, points, timeout, out, record);
        } else {
            runLocally(catalog, results, points, out, record);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        int ran = points.size() - already;
        record.put("pointsRun", ran).put("wallSeconds", wall)
                .put("pointsPerWallSecond", wall > 0 ? ran / wall : null);
        ResultFiles.writeString(dir.resolve(SUMMARY), record.encodePrettily() + "\n");
        out.printf(Locale.ROOT, "  wall %.2f s for %d point%s (%s)%n", wall, ran, ran == 1 ? "" : "s",
                cluster ? record.getInteger("workersSeen") + " cluster worker"
                        + (record.getInteger("workersSeen") == 1 ? "" : "s")
                        : record.getInteger("workers") + " worker" + (record.getInteger("workers") == 1 ? "" : "s")
                        + " x " + record.getInteger("threadsPerPoint") + " thread"
                        + (record.getInteger("threadsPerPoint") == 1 ? "" : "s"));
        out.printf(Locale.ROOT, "  table: %s (plots: xbarsim report %s; wall time: %s)%n",
                dir.resolve(SweepFiles.CSV), dir, dir.resolve(SUMMARY));
    }

    /** Checks the options that belong to --cluster; returns the point timeout in seconds. */
    private double clusterOptions() {
        if (!cluster) {
            for (var o : List.of(new Object[] {"--host", host}, new Object[] {"--port", port},
                    new Object[] {"--join", join}, new Object[] {"--point-timeout", pointTimeout},
                    new Object[] {"--key", keyFile})) {
                if (o[1] != null) {
                    throw new InputError((String) o[0], "", "expected together with --cluster (it sets up the "
                            + "cluster), got it without");
                }
            }
            return 0;
        }
        if (workers != null) {
            throw new InputError("--workers", "", "expected without --cluster: a clustered sweep's workers are the "
                    + "'xbarsim worker --cluster' processes");
        }
        if (threads != null) {
            throw new InputError("--threads", "", "expected without --cluster: give it to 'xbarsim worker'");
        }
        if (pointTimeout == null) {
            return 0;
        }
        double t;
        try {
            t = Quantity.TIME.parse(pointTimeout);
        } catch (IllegalArgumentException e) {
            throw new InputError("--point-timeout", "", e.getMessage());
        }
        if (t < 1) {
            throw new InputError("--point-timeout", "", "expected at least 1s, got " + pointTimeout);
        }
        return t;
    }

    private String scenarioText() {
        try {
            return BoundedFiles.readString(scenarioFile, ScenarioLoader.MAX_FILE_BYTES, "a scenario YAML file",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputError(scenarioFile.toString(), "", "cannot read: " + e.getMessage());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Readies the result directory: a new sweep clears what a previous one left (with --force), a
     * resumed one keeps the results of the same sweep. Returns the number of points already done.
     */
    private int prepareDirectory(Path dir, String properties, SweepResults results, List<Point> points) {
        Path csv = dir.resolve(SweepFiles.CSV);
        Path axes = dir.resolve(SweepFiles.PROPERTIES);
        if (resume && Files.isRegularFile(axes)) {
            String before;
            try {
                before = BoundedFiles.readString(axes, SweepFiles.MAX_AXES_BYTES, "a sweep's axes file",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputError(axes.toString(), "", "cannot read: " + e.getMessage());
            }
            if (before.equals(properties)) {
                int done = results.loadFinished(expected(points));
                results.writeTable();
                return done;
            }
            if (!force) {
                throw new InputError("--resume", "", "expected the same sweep in " + dir + ", but it holds another ("
                        + firstDifference(before, properties) + "); pass --force to start this one over it or --out "
                        + "for another directory");
            }
        } else if (resume && !force && (Files.exists(csv) || Files.isDirectory(dir.resolve("points")))) {
            // Results without the sweep's axes cannot be matched to points: keep them, do not guess.
            throw new InputError("--resume", "", "expected a sweep to resume in " + dir + ", but it has results "
                    + "without their " + SweepFiles.PROPERTIES + "; pass --force to start over it or --out for "
                    + "another directory");
        } else if (Files.exists(csv) && !force && !resume) {
            throw new InputError("--out", "", "expected a directory without a sweep, but " + dir
                    + " already holds one (" + SweepFiles.CSV + "); pass --force to overwrite it, --resume to finish "
                    + "it, or --out for another directory");
        }
        clearPrevious(dir, csv, points.size());
        return 0;
    }

    /** What each point's summary must say: its scenario's name, seed and configuration. */
    private static List<SummaryCheck.Expected> expected(List<Point> points) {
        return points.stream().map(p -> new SummaryCheck.Expected(p.scenario().name(), p.scenario().seed(),
                p.scenario().effective())).toList();
    }

    /** The first line of sweep.properties that differs, as "key: there vs here". */
    private static String firstDifference(String before, String now) {
        List<String> a = before.lines().filter(l -> !l.startsWith("#")).toList();
        List<String> b = now.lines().filter(l -> !l.startsWith("#")).toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "";
            String y = i < b.size() ? b.get(i) : "";
            if (!x.equals(y)) {
                String key = (x.isEmpty() ? y : x).replaceFirst("=.*", "");
                return key + ": '" + x.replaceFirst("^[^=]*=", "") + "' there, '" + y.replaceFirst("^[^=]*=", "")
                        + "' here";
            }
        }
        return "it differs";
    }

    /**
     * Parses the --grid options: path=v1,v2,... with a known-looking path, at least one value, no empty
     * value, no value twice, no key twice or also given with --set (which would be ambiguous). A range
     * lo:hi:n stays one value here; {@link #expandRanges} turns it into its values once the key's kind
     * is known.
     */
    static List<Grid> parseGrids(List<String> specs, List<String> sets, boolean seedGiven) {
        Set<String> setKeys = keysOf(sets);
        List<Grid> grids = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String key = eq < 0 ? "" : spec.substring(0, eq).trim();
            if (eq < 0 || key.isEmpty()) {
                throw new InputError("--grid", "", "expected path=v1,v2,... or path=lo:hi:n (a scenario key, '=', "
                        + "values separated by commas or a range), got '" + spec + "'");
            }
            String list = spec.substring(eq + 1).trim();
            if (list.isEmpty()) {
                throw new InputError("--grid", key, "expected one or more values after '=' separated by commas "
                        + "(path=v1,v2,...) or a range (path=lo:hi:n), got none");
            }
            List<String> values = GridRange.isRange(list) ? List.of(list) : values(key, list);
            for (String part : key.split("\\+", -1)) {
                if (part.isBlank()) {
                    throw new InputError("--grid", key, "expected keys joined by '+' (workload.rows+workload.cols=...), "
                            + "got an empty one");
                }
                if (!keys.add(part)) {
                    throw new InputError("--grid", part, "expected each key in one --grid only, got it twice");
                }
                if (setKeys.contains(part)) {
                    throw new InputError("--grid", part, "expected a key not also given with --set, got both");
                }
                if (seedGiven && part.equals("seed")) {
                    throw new InputError("--grid", part, "expected seeds either in --grid or as --seed, got both");
                }
            }
            grids.add(new Grid(key, values));
        }
        return grids;
    }

    private static List<String> values(String key, String list) {
        String[] parts = list.split(",", -1);
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
        }
        return List.copyOf(seen);
    }

    private static Set<String> keysOf(List<String> sets) {
        Set<String> setKeys = new HashSet<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq > 0) {
                setKeys.add(s.substring(0, eq).trim());
            }
        }
        return setKeys;
    }

    /**
     * Turns each range into its values, in the kind of its key: the key's parameter is looked up in
     * the scenario as the other grids' first values make it (so a range of a plugin's key follows a
     * grid that picks the plugin only as far as its first value does).
     */
    private List<Grid> expandRanges(ScenarioLoader loader, List<Grid> grids) {
        if (grids.stream().noneMatch(g -> g.values().size() == 1 && GridRange.isRange(g.values().get(0)))) {
            return grids;
        }
        List<String> base = new ArrayList<>(overrides);
        for (Grid g : grids) {
            if (!GridRange.isRange(g.values().get(0))) {
                base.addAll(g.overrides(g.values().get(0)));
            }
        }
        Scenario scenario = loader.load(scenarioFile, base, seed);
        List<Grid> expanded = new ArrayList<>();
        for (Grid g : grids) {
            String text = g.values().get(0);
            if (!GridRange.isRange(text)) {
                expanded.add(g);
                continue;
            }
            // Linked keys take the same values: the range is read in the kind of the first.
            String first = g.keys().get(0);
            ParameterSpec parameter = GridRange.specOf(scenario, first);
            for (String k : g.keys()) {
                if (GridRange.specOf(scenario, k) != null) {
                    continue;
                }
                // An unknown key gets the loader's own message (with its suggestion) on --grid.
                List<String> probe = new ArrayList<>(base);
                probe.add(k + "=" + text.substring(0, text.indexOf(':')));
                try {
                    loader.load(scenarioFile, probe, seed);
                } catch (InputError e) {
                    if (k.equals(e.keyPath()) || k.startsWith(e.keyPath() + ".")) {
                        throw new InputError("--grid", e.keyPath(), e.detail(), e);
                    }
                }
            }
            expanded.add(new Grid(g.key(), GridRange.expand(first, text, parameter)));
        }
        return expanded;
    }

    private static void checkSize(List<Grid> grids) {
        long total = 1;
        for (Grid g : grids) {
            total *= g.values().size();
            if (total > MAX_POINTS) {
                throw new InputError("--grid", "", "expected at most " + MAX_POINTS + " points in all, the grids make "
                        + "more (" + describe(grids) + ")");
            }
        }
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

    /** The overrides of one point: the sweep's --set, then the point's grid values. */
    private List<String> pointOverrides(List<Grid> grids, List<String> values) {
        List<String> all = new ArrayList<>(overrides);
        for (int g = 0; g < grids.size(); g++) {
            all.addAll(grids.get(g).overrides(values.get(g)));
        }
        return all;
    }

    /**
     * Loads every point before running any, so a bad value in the last point fails in a second, not
     * after hours. A loader complaint about a grid's key says --grid rather than --set.
     */
    private List<Point> loadAll(PluginCatalog catalog, List<Grid> grids, List<List<String>> combinations) {
        ScenarioLoader loader = new ScenarioLoader(catalog);
        Set<String> setKeys = keysOf(overrides);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            List<String> values = combinations.get(i);
            try {
                points.add(new Point(i, values, loader.load(scenarioFile, pointOverrides(grids, values), seed)));
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
            for (String k : g.keys()) {
                if (k.equals(path) || k.startsWith(path + ".") || path.startsWith(k + ".")) {
                    return new InputError("--grid", path, e.detail() + " (point " + index + ": "
                            + SweepResults.label(grids, values) + ")", e);
                }
            }
        }
        return e;
    }

    /** With --force: the old table goes first (the new one is written point by point), stale points too. */
    private static void clearPrevious(Path dir, Path csv, int points) {
        try {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir.resolve(SUMMARY));
            Path pointsDir = dir.resolve("points");
            if (Files.isDirectory(pointsDir)) {
                try (var list = Files.list(pointsDir)) {
                    for (Path p : list.toList()) {
                        String n = p.getFileName().toString();
                        if (n.matches("\\d{1,9}")) {
                            // Every old point goes: a new sweep must not resume from another's results.
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

    /**
     * The local pool: {@code workers} threads take the unfinished points in index order, each running
     * its point with cores/workers event loops. The first failure stops the pool from starting more
     * points and is rethrown once the running ones end.
     */
    private void runLocally(PluginCatalog catalog, SweepResults results, List<Point> points, PrintWriter out,
                            JsonObject record) {
        List<Point> todo = points.stream().filter(p -> !results.isDone(p.index())).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        int pool = workers != null ? workers : Math.max(1, Math.min(cores, todo.size()));
        int threadCount = threads != null ? threads : Math.max(1, cores / pool);
        record.put("mode", "local").put("workers", pool).put("threadsPerPoint", threadCount);
        Simulator simulator = Plugins.watched(new Simulator(catalog), Plugins.timeout(pluginTimeout),
                spec.commandLine().getErr());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        boolean show = !quiet && System.console() != null;
        try (Bar bar = new Bar(points.size(), points.size() - todo.size(), show, out)) {
            Runnable worker = () -> {
                for (int i = next.getAndIncrement(); i < todo.size() && failure.get() == null;
                     i = next.getAndIncrement()) {
                    Point point = todo.get(i);
                    try {
                        Simulator.Prepared prepared = simulator.prepare(point.scenario());
                        bar.startPoint(point.index(), prepared.rows());
                        JsonObject summary = simulator.run(prepared, threadCount, bar);
                        bar.finishPoint(point.index(), prepared.rows());
                        results.record(point.index(), summary);
                        bar.println(results.line(point.index(), summary));
                        bar.step();
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e instanceof RuntimeException r ? r
                                : new IllegalStateException(e.toString(), e));
                    }
                }
            };
            List<Thread> threadsOfPool = new ArrayList<>();
            for (int w = 1; w < pool; w++) {
                Thread t = new Thread(worker, "sweep-worker-" + w);
                t.start();
                threadsOfPool.add(t);
            }
            worker.run(); // this thread is worker 0
            for (Thread t : threadsOfPool) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Hands the points to the cluster's workers and waits for every result. */
    private void runOnCluster(SweepResults results, List<Grid> grids, List<Point> points, double timeout,
                              PrintWriter out, JsonObject record) {
        String text = scenarioText();
        String location = scenarioFile.toAbsolutePath().normalize().toString();
        List<PointMessages.PointJob> jobs = new ArrayList<>();
        for (Point p : points) {
            jobs.add(new PointMessages.PointJob(p.scenario().name(), text, scenarioFile.toString(), location,
                    pointOverrides(grids, p.values()), seed));
        }
        Object lock = new Object();
        ClusterCoordinator coordinator = new ClusterCoordinator(results, jobs, expected(points), timeout, line -> {
            synchronized (lock) {
                out.println(line);
                out.flush();
            }
        });
        String h = host == null ? ClusterNode.DEFAULT_HOST : host;
        int p = port == null ? ClusterNode.DEFAULT_PORT : port;
        ClusterKey key = ClusterKey.createOrRead(keyFile != null ? keyFile : ClusterKey.defaultFile(), "--key");
        try (ClusterNode node = ClusterNode.join(h, p, join, key)) {
            synchronized (lock) {
                out.printf(Locale.ROOT, "  coordinator %s: waiting for workers ('xbarsim worker --cluster --host %s "
                        + "--port %d' with the same --key)%n", node.address(), h, p);
                out.flush();
            }
            node.onMemberLeft(coordinator::nodeLeft);
            coordinator.run(node.vertx());
        }
        record.put("mode", "cluster").put("workersSeen", coordinator.workersSeen().size())
                .put("pointsHandedAgain", coordinator.reissued()).put("pointTimeoutSeconds", timeout);
    }

    /**
     * A progress bar over points on the terminal (the rows of the running points as its message),
     * with the per-point lines printed above it; just the lines when not on a terminal. Points run
     * concurrently, so everything here is thread-safe.
     */
    private static final class Bar implements RunListener, AutoCloseable {
        private final PrintWriter out;
        private final ProgressBar bar;
        private final LineConsumer consumer;
        private final AtomicLong rows = new AtomicLong();
        private final TreeMap<Integer, Long> running = new TreeMap<>();
        private long totalRows;
        private long lastShown = -1;

        Bar(int points, int done, boolean show, PrintWriter out) {
            this.out = out;
            if (show) {
                consumer = new LineConsumer(System.err, out);
                bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(points).setUnit(" points", 1)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).setConsumer(consumer).build();
                bar.stepTo(done);
            } else {
                consumer = null;
                bar = null;
            }
        }

        synchronized void startPoint(int index, long rowsOfPoint) {
            running.put(index, rowsOfPoint);
            totalRows += rowsOfPoint;
            lastShown = -1;
            message(rows.get());
        }

        /** A finished point's rows leave both the count and the total. */
        synchronized void finishPoint(int index, long rowsOfPoint) {
            running.remove(index);
            totalRows -= rowsOfPoint;
            lastShown = -1;
            message(rows.addAndGet(-rowsOfPoint));
        }

        @Override
        public void rowFinished(org.xbarsim.api.event.RowFinished row) {
            long n = rows.incrementAndGet();
            if (bar != null) {
                synchronized (this) {
                    message(n);
                }
            }
        }

        @Override
        public void inferenceProgress(long done, long total) {
            if (bar != null) {
                bar.setExtraMessage(String.format(Locale.ROOT, " inference %d/%d samples", done, total));
            }
        }

        private void message(long n) {
            if (bar == null || running.isEmpty()) {
                return;
            }
            long percent = totalRows == 0 ? 100 : Math.min(100, 100 * n / totalRows);
            if (percent == lastShown) {
                return;
            }
            lastShown = percent;
            List<String> names = running.keySet().stream().map(i -> Integer.toString(i + 1)).toList();
            bar.setExtraMessage(String.format(Locale.ROOT, " point%s %s: %d%% of %d rows", names.size() == 1 ? "" : "s",
                    String.join(", ", names), percent, totalRows));
        }

        void println(String line) {
            if (consumer != null) {
                consumer.println(line);
            } else {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            }
        }

        void step() {
            if (bar != null) {
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
