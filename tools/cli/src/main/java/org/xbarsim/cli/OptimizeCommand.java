package org.xbarsim.cli;

import org.xbarsim.engine.summary.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.cli.optimize.ChipAverage;
import org.xbarsim.cli.optimize.Evaluation;
import org.xbarsim.cli.optimize.Goal;
import org.xbarsim.cli.optimize.Knob;
import org.xbarsim.cli.optimize.Metric;
import org.xbarsim.cli.optimize.ParetoFront;
import org.xbarsim.cli.optimize.Search;
import org.xbarsim.cli.optimize.ToleranceRule;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.bus.Futures;
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
 * {@code xbarsim optimize SCENARIO --vary path=lo:hi ... --objective pfail --limit
 * programming.timeSeconds=X}: the best hardware conditions for a scenario (science.md section 4's
 * "framework"), and the Pareto front of Pfail against programming time found on the way.
 */
@Command(name = "optimize", description = "Search the knobs of a scenario (policy, periphery) for the best "
        + "conditions under a goal: the lowest Pfail within a time limit, or the fastest programming within a Pfail "
        + "limit. Writes every run (evaluations.csv), the Pareto front of Pfail against programming time "
        + "(pareto.csv, pareto.png) and the best run's summary (best.summary.json).")
final class OptimizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--vary", paramLabel = "path=lo:hi", required = true, description = "A numeric scenario key and "
            + "its range (repeatable), e.g. --vary programming.nMsp=5:40 --vary programming.margin=0.2uS:2uS.")
    List<String> varySpecs = new ArrayList<>();

    @Option(names = "--objective", paramLabel = "METRIC", description = "pfail (default), time or energy: what to "
            + "minimise.")
    String objective = "pfail";

    @Option(names = "--limit", paramLabel = "metric=value", description = "An upper limit (repeatable), e.g. "
            + "--limit programming.timeSeconds=3ms or --limit pfail=2%%. One limit may list several values "
            + "(programming.timeSeconds=1ms,2ms,3ms): CMA-ES then refines the front at each, sharing the budget.")
    List<String> limitSpecs = new ArrayList<>();

    @Option(names = "--each", paramLabel = "path=v1,v2,...", description = "Search once for each value of a key "
            + "(e.g. programming.impl=rowwise-closed-loop,adaptive-closed-loop) and draw their fronts in one plot.")
    String each;

    @Option(names = "--budget", paramLabel = "N", description = "Runs per search, the design included (default 60).")
    int budget = 60;

    @Option(names = "--design", paramLabel = "N", description = "Quasi-random design runs before CMA-ES "
            + "(default: half the budget).")
    Integer design;

    @Option(names = "--chips", paramLabel = "N", description = "Score each candidate on N chips (the seeds from the "
            + "scenario's on) by the means of their figures: conditions that hold across device populations, "
            + "not one chip's luck (default 1; N times the runs).")
    int chips = 1;

    @Option(names = "--set", paramLabel = "path=value", description = "Override a scenario key at every run "
            + "(repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario seed (every run uses it).")
    Long seed;

    @Option(names = "--workers", paramLabel = "N", description = "Runs at a time (default: one per core).")
    Integer workers;

    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default runs/<name>-optimize).")
    Path outDir;

    @Option(names = "--force", description = "Overwrite an existing result in the result directory.")
    boolean force;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of plugin jars.")
    Path pluginDir;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    static final String EVALUATIONS = "evaluations.csv";
    static final String PARETO = "pareto.csv";
    static final String PLOT = "pareto.png";
    static final String BEST = "best.summary.json";

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        if (budget < 2 || budget > 10_000) {
            throw new InputError("--budget", "", "expected 2..10000 runs, got " + budget);
        }
        int designs = design == null ? Math.max(1, budget / 2) : design;
        if (designs < 1 || designs > budget) {
            throw new InputError("--design", "", "expected 1.." + budget + " (at most the budget), got " + designs);
        }
        if (chips < 1 || chips > 64) {
            throw new InputError("--chips", "", "expected 1..64 chips, got " + chips);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int workerCount = workers == null ? cores : workers;
        if (workerCount < 1 || workerCount > 256) {
            throw new InputError("--workers", "", "expected 1..256, got " + workerCount);
        }
        if (seed != null && seed < 0) {
            throw new InputError("--seed", "", "expected a whole number >= 0, got " + seed);
        }
        Metric goalMetric = Metric.of("--objective", objective);
        List<Goal> goals = Goal.parseAll(goalMetric, limitSpecs);
        Goal goal = goals.get(0);
        List<String> eachValues = eachValues();

        try (PluginCatalog catalog = Plugins.load(pluginDir)) {
            ScenarioLoader loader = new ScenarioLoader(catalog);
            Scenario base = loader.load(scenarioFile, overrides, seed);
            Path dir = outDir != null ? outDir : Path.of("runs", base.name() + "-optimize");
            if (!force) {
                // With --each, every value's results go into a directory of their own: check those too.
                List<Path> places = new ArrayList<>(List.of(dir));
                for (String value : eachValues) {
                    if (value != null) {
                        places.add(dir.resolve(safeName(value)));
                    }
                }
                for (Path place : places) {
                    for (String name : List.of(EVALUATIONS, PARETO, BEST, PLOT)) {
                        if (Files.exists(place.resolve(name))) {
                            throw new InputError("--out", "", "expected a directory without a result, but " + place
                                    + " already holds one (" + name + "); pass --force to overwrite it or --out for "
                                    + "another directory");
                        }
                    }
                }
            }
            // Every search's knobs are checked before the first run: a typo fails in a second, not an hour in.
            List<Setup> setups = new ArrayList<>();
            for (String value : eachValues) {
                List<String> fixed = new ArrayList<>(overrides);
                if (value != null) {
                    fixed.add(eachKey() + "=" + value);
                }
                Scenario s = value == null ? base : loader.load(scenarioFile, fixed, seed);
                List<Knob> knobs = new ArrayList<>();
                for (String v : varySpecs) {
                    String path = v.indexOf('=') > 0 ? v.substring(0, v.indexOf('=')).trim() : v;
                    if (value != null && specOf(s, path) == null && knownElsewhere(loader, eachValues, path)) {
                        continue; // a knob of another policy or device of --each: this one has no such key
                    }
                    knobs.add(Knob.parse(v, p -> specOf(s, p)));
                }
                if (knobs.isEmpty()) {
                    throw new InputError("--vary", "", "expected at least one key that " + eachKey() + "=" + value
                            + " has, got none of " + String.join(", ", varySpecs));
                }
                checkDistinct(knobs);
                setups.add(new Setup(value, fixed, knobs, baseValues(s, knobs), ToleranceRule.of(s, knobs)));
            }
            Simulator simulator = new Simulator(catalog);
            int threadsPerRun = Math.max(1, cores / workerCount);
            List<ParetoPlot.Searched> searched = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(workerCount, r -> {
                Thread t = new Thread(r, "xbarsim-optimize");
                t.setDaemon(true);
                return t;
            });
            try (ProgressBar bar = !quiet && System.console() != null ? new ProgressBarBuilder()
                    .setTaskName("optimize").setInitialMax((long) budget * setups.size()).setUnit(" runs", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null) {
                long[] done = new long[1];
                for (Setup setup : setups) {
                    long before = done[0];
                    Search search = new Search(setup.knobs(),
                            candidates -> runAll(pool, loader, simulator, setup, candidates, threadsPerRun,
                                    base.seed()),
                            runs -> {
                                done[0] = before + runs;
                                if (bar != null) {
                                    bar.stepTo(done[0]);
                                }
                            });
                    List<Evaluation> runs = search.run(setup.base(), designs, budget, base.seed(), goals);
                    List<Evaluation> best = new ArrayList<>();
                    for (Goal g : goals) {
                        best.add(search.best(g));
                    }
                    Path where = setup.value() == null ? dir : dir.resolve(safeName(setup.value()));
                    writeResults(where, setup, goals, runs, best);
                    searched.add(new ParetoPlot.Searched(setup.value() == null ? base.name() : setup.value(), runs,
                            best));
                }
            } finally {
                pool.shutdownNow();
            }
            Files.createDirectories(dir);
            Path plot = dir.resolve(PLOT);
            try {
                ParetoPlot.draw(base.name() + ": Pfail against programming time, " + goals.get(0).objective().id()
                        + " minimised" + (limitSpecs.isEmpty() ? "" : " within the limits"), searched, Goal.limitValues(goals, Metric.TIME),
                        Goal.limitValues(goals, Metric.PFAIL), plot);
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("xbarsim: could not draw " + plot + ": " + e.getMessage());
            }
            print(out, base, goals, setups, searched, dir, plot, (System.nanoTime() - started) / 1e9);
        }
        out.flush();
        return 0;
    }

    /**
     * One search: the value of --each it is for (null without --each), its overrides and knobs, and
     * the tolerance rule when the knobs change the weight range (else null).
     */
    private record Setup(String value, List<String> overrides, List<Knob> knobs, double[] base,
                         ToleranceRule tolerance) {
    }

    private List<String> eachValues() {
        if (each == null) {
            List<String> one = new ArrayList<>();
            one.add(null);
            return one;
        }
        int eq = each.indexOf('=');
        if (eq <= 0 || each.substring(eq + 1).isBlank()) {
            throw new InputError("--each", "", "expected path=v1,v2,..., got '" + each + "'");
        }
        List<String> values = new ArrayList<>();
        for (String v : each.substring(eq + 1).split(",", -1)) {
            if (v.isBlank()) {
                throw new InputError("--each", eachKey(), "expected a list of values without empty ones, got '"
                        + each.substring(eq + 1) + "'");
            }
            if (values.contains(v.trim())) {
                throw new InputError("--each", eachKey(), "expected distinct values, got " + v.trim() + " twice");
            }
            values.add(v.trim());
        }
        return values;
    }

    private String eachKey() {
        return each.substring(0, each.indexOf('=')).trim();
    }

    private static void checkDistinct(List<Knob> knobs) {
        for (int i = 0; i < knobs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (knobs.get(i).path().equals(knobs.get(j).path())) {
                    throw new InputError("--vary", knobs.get(i).path(), "expected each key once, got it twice");
                }
            }
        }
    }

    /** The parameter a scenario key names, or null. */
    static ParameterSpec specOf(Scenario s, String path) {
        return s.parameter(path);
    }

    /** The knobs' values in the scenario as written (with presets and defaults), canonical units. */
    private static double[] baseValues(Scenario s, List<Knob> knobs) {
        double[] v = new double[knobs.size()];
        for (int i = 0; i < v.length; i++) {
            String written = s.effective().get(knobs.get(i).path());
            if (written == null) {
                return null;
            }
            v[i] = (Double) specOf(s, knobs.get(i).path()).parse(written);
        }
        return v;
    }

    private List<RunSummary> runAll(ExecutorService pool, ScenarioLoader loader, Simulator simulator, Setup setup,
                                    List<double[]> candidates, int threadsPerRun, long firstSeed) {
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < chips; k++) {
            seeds.add(firstSeed + k);
        }
        List<Future<RunSummary>> futures = new ArrayList<>();
        for (double[] values : candidates) {
            List<String> o = new ArrayList<>(setup.overrides());
            for (int i = 0; i < values.length; i++) {
                Knob k = setup.knobs().get(i);
                o.add(k.path() + "=" + k.written(values[i]));
            }
            if (setup.tolerance() != null) {
                o.add(setup.tolerance().override(values));
            }
            // Every chip of every candidate goes to the pool at once: the cores stay busy.
            for (long chipSeed : seeds) {
                futures.add(pool.submit(() -> {
                    Scenario s = loader.load(scenarioFile, o, chipSeed);
                    return simulator.run(simulator.prepare(s), threadsPerRun, RunListener.NONE);
                }));
            }
        }
        List<RunSummary> summaries = new ArrayList<>();
        List<RunSummary> chipRuns = new ArrayList<>();
        for (Future<RunSummary> f : futures) {
            chipRuns.add(Futures.get(f));
            if (chipRuns.size() == chips) {
                summaries.add(ChipAverage.merge(List.copyOf(chipRuns), seeds));
                chipRuns.clear();
            }
        }
        return summaries;
    }

    /** Whether another value of --each has this key: then a value without it just does not vary it. */
    private boolean knownElsewhere(ScenarioLoader loader, List<String> values, String path) {
        for (String v : values) {
            List<String> o = new ArrayList<>(overrides);
            o.add(eachKey() + "=" + v);
            if (specOf(loader.load(scenarioFile, o, seed), path) != null) {
                return true;
            }
        }
        return false;
    }

    private static String safeName(String value) {
        return value.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private void writeResults(Path dir, Setup setup, List<Goal> goals, List<Evaluation> runs, List<Evaluation> best)
            throws IOException {
        Files.createDirectories(dir);
        List<Evaluation> front = ParetoFront.of(runs);
        StringBuilder header = new StringBuilder("run,phase");
        for (Knob k : setup.knobs()) {
            header.append(',').append(k.path());
        }
        if (setup.tolerance() != null) {
            header.append(',').append(ToleranceRule.TOL);
        }
        header.append(",pfail,timeSeconds,energyJoules,pulseOpsPerRow");
        for (Goal g : goals) {
            header.append(",feasible").append(goals.size() == 1 ? "" : "@" + Goal.lastLimit(g));
        }
        header.append(",pareto\n");
        StringBuilder all = new StringBuilder(header);
        StringBuilder pareto = new StringBuilder(header);
        for (Evaluation e : runs) {
            all.append(row(setup, goals, e, front.contains(e)));
        }
        for (Evaluation e : front) {
            pareto.append(row(setup, goals, e, true));
        }
        ResultFiles.writeString(dir.resolve(EVALUATIONS), all.toString());
        ResultFiles.writeString(dir.resolve(PARETO), pareto.toString());
        ResultFiles.writeString(dir.resolve(BEST), best.get(0).summary().toJson());
        for (int g = 1; g < goals.size(); g++) {
            ResultFiles.writeString(dir.resolve("best@" + Goal.lastLimit(goals.get(g)) + ".summary.json"),
                    best.get(g).summary().toJson());
        }
    }


    private static String row(Setup setup, List<Goal> goals, Evaluation e, boolean onFront) {
        StringBuilder b = new StringBuilder().append(e.index()).append(',').append(e.phase());
        for (int i = 0; i < setup.knobs().size(); i++) {
            b.append(',').append(setup.knobs().get(i).written(e.values()[i]));
        }
        if (setup.tolerance() != null) {
            String tol = setup.tolerance().override(e.values());
            b.append(',').append(tol.substring(tol.indexOf('=') + 1));
        }
        RunSummary.Outcome p = e.summary().programming().total();
        b.append(',').append(e.pfail()).append(',').append(e.timeSeconds()).append(',').append(e.energyJoules())
                .append(',').append(p.pulseOpsPerRow());
        for (Goal g : goals) {
            b.append(',').append(g.feasible(e));
        }
        b.append(',').append(onFront).append('\n');
        return b.toString();
    }

    private void print(PrintWriter out, Scenario base, List<Goal> goals, List<Setup> setups,
                              List<ParetoPlot.Searched> searched, Path dir, Path plot, double wallSeconds) {
        out.printf(Locale.ROOT, "optimize %s (%s): %s%n", base.name(), chips == 1 ? "seed " + base.seed()
                : "means over " + chips + " chips, seeds " + base.seed() + ".." + (base.seed() + chips - 1),
                Goal.describe(goals));
        for (int k = 0; k < setups.size(); k++) {
            Setup setup = setups.get(k);
            ParetoPlot.Searched s = searched.get(k);
            Path where = setup.value() == null ? dir : dir.resolve(safeName(setup.value()));
            if (setup.value() != null) {
                out.printf("  %s:%n", setup.value());
            }
            out.printf(Locale.ROOT, "  %d runs over %d knobs%s%n", s.runs().size(), setup.knobs().size(),
                    chips == 1 ? "" : " (" + chips * s.runs().size() + " simulations: each run on " + chips + " chips)");
            for (int g = 0; g < goals.size(); g++) {
                Goal goal = goals.get(g);
                Evaluation best = s.best().get(g);
                List<String> conditions = new ArrayList<>(best.overrides(setup.knobs()));
                if (setup.tolerance() != null) {
                    conditions.add(setup.tolerance().override(best.values())
                            + " (the scenario's fraction of F G_T)");
                }
                out.printf(Locale.ROOT, "  best%s (run %d%s): %s%n", goals.size() == 1 ? "" : " within "
                        + Goal.lastLimit(goal), best.index(), goal.feasible(best) ? "" : ", NOT within the limits: none was",
                        String.join(" ", conditions));
                out.printf(Locale.ROOT, "    Pfail %s  time %s  energy %s  (%.1f pulse ops per row)%n",
                        Metric.PFAIL.format(best.pfail()), Metric.TIME.format(best.timeSeconds()),
                        Metric.ENERGY.format(best.energyJoules()),
                        best.summary().programming().total().pulseOpsPerRow());
            }
            List<Evaluation> front = ParetoFront.of(s.runs());
            Evaluation fast = front.get(0);
            Evaluation good = front.get(front.size() - 1);
            out.printf(Locale.ROOT, "    Pareto front: %d runs, from %s at Pfail %s to %s at Pfail %s: %s%n",
                    front.size(), Metric.TIME.format(fast.timeSeconds()), Metric.PFAIL.format(fast.pfail()),
                    Metric.TIME.format(good.timeSeconds()), Metric.PFAIL.format(good.pfail()), where.resolve(PARETO));
        }
        out.printf(Locale.ROOT, "  plot: %s; every run: %s; wall %.1f s%n", plot,
                setups.get(0).value() == null ? dir.resolve(EVALUATIONS) : dir.resolve("*").resolve(EVALUATIONS),
                wallSeconds);
    }
}
