package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.options.ClusterOptions;
import org.xbarsim.cli.options.OutputOptions;
import org.xbarsim.cli.options.PluginOptions;
import org.xbarsim.cli.options.ScenarioOptions;
import org.xbarsim.cli.options.WorkerOptions;
import org.xbarsim.cli.progress.PointProgress;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.metric.Limit;
import org.xbarsim.explore.metric.Metric;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.files.ResultFiles;
import org.xbarsim.explore.report.FrontCheckChart;
import org.xbarsim.explore.report.SearchChart;
import org.xbarsim.explore.runner.PointRunner;
import org.xbarsim.explore.search.FrontCheck;
import org.xbarsim.explore.search.Goal;
import org.xbarsim.explore.search.SearchFiles;
import org.xbarsim.explore.search.SearchPlan;
import org.xbarsim.explore.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim optimize SCENARIO --vary path=lo:hi ... --objective METRIC --limit METRIC<=X}: the best
 * hardware conditions for a scenario (science.md section 4's "framework"), and the Pareto front of
 * Pfail against programming time found on the way.
 */
@Command(name = "optimize", description = "Search the knobs of a scenario (policy, periphery) for the best "
        + "conditions under a goal: any summary metric minimised or maximised within limits on others (the lowest "
        + "Pfail within a time limit, the fastest programming within a Pfail limit, the best accuracy a year "
        + "later). Writes every run (evaluations.csv, every metric), the Pareto front of Pfail against "
        + "programming time (pareto.csv, pareto.png) and the best run's summary (best.summary.json).")
final class OptimizeCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--vary", paramLabel = "path=lo:hi", required = true, description = "A numeric scenario key and "
            + "its range (repeatable), e.g. --vary programming.nMsp=5:40 --vary programming.margin=0.2uS:2uS.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--objective", paramLabel = "METRIC", description = "What to search for: pfail (default), "
            + "time, energy, accuracy or any number of summary.json by its path (inference.analogAccuracy); "
            + "accuracies are maximised, the rest minimised; min:METRIC or max:METRIC says which.")
    String objective = "pfail";

    @Option(names = "--limit", paramLabel = "METRIC<=VALUE", description = "A limit (repeatable): metric<=value or "
            + "metric>=value (metric=value is an upper limit), e.g. programming.timeSeconds<=3ms, pfail<=2%%, "
            + "inference.analogAccuracy>=97.3%%. One limit may list several values (time<=1ms,2ms,3ms): CMA-ES "
            + "then refines the front at each, sharing the budget.")
    List<String> limits = new ArrayList<>();

    @Option(names = "--each", paramLabel = "path=v1,v2,...", description = "Search once for each value of a key "
            + "(e.g. programming.impl=rowwise-closed-loop,adaptive-closed-loop) and draw their fronts in one plot.")
    String each;

    @Option(names = "--budget", paramLabel = "N", description = "Runs per search, the design included (default 60).")
    int budget = 60;

    @Option(names = "--design", paramLabel = "N", description = "Quasi-random design runs before CMA-ES "
            + "(default: half the budget).")
    Integer design;

    @Option(names = "--chips", paramLabel = "N", description = "Score each candidate on N chips (seeds seed..seed+N-1) "
            + "by the means of their figures: conditions that hold across device populations, not one chip's luck; "
            + "each run's mean, sd, min and max of every metric go into its summary (default 1; N times the runs).")
    int chips = 1;

    @Option(names = "--check-chips", paramLabel = "N", description = "Then score every front run again on N chips "
            + "the search never saw (seeds from --check-seed): front-check.csv per search (Pfail, time and energy as "
            + "mean, sd, min, max) and front-check.png (default 0: no check).")
    int checkChips;

    @Option(names = "--check-seed", paramLabel = "S", description = "The first seed of --check-chips (default 101; "
            + "refused if it overlaps the search's seeds).")
    long checkSeed = 101;

    @Mixin
    WorkerOptions workers;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        double timeout = cluster.check(workers.workers, workers.threads);
        long started = System.nanoTime();
        SearchPlan plan = plan();
        try (SimulatorHost host = plugins.open(spec.commandLine().getErr())) {
            Scenario base = host.load(scenario.spec());
            Path dir = output.dir(base.name(), "-optimize");
            SearchFiles files = new SearchFiles(dir, plan);
            if (!output.force) {
                files.refuseOverwrite();
            }
            plan.setups(host.loader()); // every search's knobs checked before the first run
            SearchResult result;
            try (PointRunner runner = cluster.runner(host, timeout, () -> workers.runner(host, Long.MAX_VALUE));
                 PointProgress progress = new PointProgress("optimize", (long) budget * plan.eachValues().size(), 0,
                         output.progress(), out, null)) {
                result = plan.run(host.loader(), runner, progress, done -> { });
            }
            files.write(result);
            try {
                SearchChart.write(base.name(), result, files.plot());
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("xbarsim: could not draw " + files.plot() + ": " + e.getMessage());
            }
            SearchText.print(out, base, result, files, (System.nanoTime() - started) / 1e9);
            if (checkChips > 0) {
                check(host, base, result, files, out);
            }
        }
        out.flush();
        return 0;
    }

    /** {@code --check-chips}: every front run again on unseen chips, its table, plot and lines. */
    private void check(SimulatorHost host, Scenario base, SearchResult result, SearchFiles files, PrintWriter out)
            throws IOException {
        FrontCheck check;
        int runs = result.searches().stream().mapToInt(s -> s.front().size()).sum();
        try (PointRunner runner = workers.runner(host, (long) runs * checkChips);
             PointProgress progress = new PointProgress("front check", runs, 0, output.progress(), out, null)) {
            check = FrontCheck.run(result, checkSeed, checkChips, host.loader(), runner, progress);
        }
        List<String> names = result.searches().stream().map(s -> s.setup().value() == null ? base.name()
                : s.setup().value()).toList();
        for (FrontCheck.Checked c : check.searches()) {
            ResultFiles.writeString(files.of(c.search()).resolve("front-check.csv"), FrontCheck.csv(c));
        }
        Path plot = files.dir().resolve("front-check.png");
        try {
            FrontCheckChart.write(base.name() + ": Pareto fronts on unseen chips " + checkSeed + ".."
                    + (checkSeed + checkChips - 1), check, names, plot);
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("xbarsim: could not draw " + plot + ": " + e.getMessage());
        }
        SearchText.check(out, check, names, plot);
    }

    private SearchPlan plan() {
        String name = objective.replaceFirst("^(min|max):", "");
        Metric metric = Metrics.parse("--objective", name);
        boolean maximise = objective.startsWith("max:") || (!objective.startsWith("min:") && metric.higherIsBetter());
        List<List<Limit>> parsed = new ArrayList<>();
        limits.forEach(l -> parsed.add(Limit.parse("--limit", l)));
        SearchPlan plan = SearchPlan.of(scenario.spec()).goals(Goal.forEachValue(metric, maximise, parsed))
                .budget(budget).chips(chips);
        plan = design == null ? plan : plan.design(design);
        for (String v : vary) {
            plan = plan.vary(v);
        }
        if (each != null) {
            int eq = each.indexOf('=');
            if (eq <= 0 || each.substring(eq + 1).isBlank()) {
                throw new InputError("--each", "", "expected path=v1,v2,..., got '" + each + "'");
            }
            plan = plan.each(each.substring(0, eq), List.of(each.substring(eq + 1).split(",", -1)));
        }
        return plan;
    }
}
