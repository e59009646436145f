package org.xbarsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.options.ClusterOptions;
import org.xbarsim.cli.options.OutputOptions;
import org.xbarsim.cli.options.PluginOptions;
import org.xbarsim.cli.options.ScenarioOptions;
import org.xbarsim.cli.options.WorkerOptions;
import org.xbarsim.cli.progress.PointProgress;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.engine.summary.RecordJson;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.files.ResultFiles;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointRunner;
import org.xbarsim.explore.scenario.ScenarioSpec;
import org.xbarsim.explore.sweep.SweepAxes;
import org.xbarsim.explore.sweep.SweepDirectory;
import org.xbarsim.explore.sweep.SweepPlan;
import org.xbarsim.explore.sweep.SweepRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim sweep SCENARIO --grid path=v1,v2,...}: runs the scenario at every point of the
 * cartesian product of the grids and tabulates the summaries; points run on a pool of local workers,
 * or with --cluster on the workers of a sweep cluster.
 */
@Command(name = "sweep", description = "Run a scenario over the cartesian product of parameter grids: "
        + "DIR/points/<i>/summary.json per point, DIR/sweep.csv (one row per point), DIR/sweep.properties "
        + "(the axes, for 'xbarsim report DIR') and DIR/sweep-summary.json (the sweep's wall time).")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--grid", paramLabel = "path=v1,v2,...", required = true, description = "A scenario key and "
            + "the values it takes (repeatable; the sweep runs every combination), e.g. --grid chip.adc.bits=6,8,10, "
            + "or a range lo:hi:n (n evenly spaced values, whole numbers for a whole-number key, units as in a "
            + "scenario), lo:hi:n:log for a constant ratio, e.g. --grid inference.time=1s:1y:5:log; keys joined by "
            + "'+' take the same values (workload.rows+workload.cols=64,128). Points that differ only in "
            + "inference.time are read from one programmed chip.")
    List<String> grids = new ArrayList<>();

    @Option(names = "--chips", paramLabel = "N", description = "Run every point on N chips (seeds seed..seed+N-1): "
            + "each point's summary holds their means and every metric's mean, sd, min and max; sweep.csv has a "
            + "column path:sd, path:min and path:max after each metric's mean, and the plots draw the mean with a "
            + "band of +-1 sd (default 1; N times the runs; not with --cluster).")
    int chips = 1;

    @Option(names = "--resume", description = "Finish the sweep already in the result directory: run only the "
            + "points without a result (refused if the directory holds a different sweep, unless --force).")
    boolean resume;

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
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        double timeout = cluster.check(workers.workers, workers.threads);
        try (SimulatorHost host = plugins.open(spec.commandLine().getErr())) {
            ScenarioSpec base = scenario.spec();
            SweepPlan plan = SweepPlan.of(base);
            for (String g : grids) {
                plan = plan.grid(g);
            }
            plan = plan.chips(chips);
            if (chips > 1 && cluster.cluster) {
                throw new InputError("--chips", "", "expected one chip a point on a cluster (its workers take whole "
                        + "points), got --chips " + chips + " with --cluster");
            }
            plan = plan.expanded(host.loader());
            List<Point> points = plan.points(host.loader());
            String name = host.load(points.get(0).scenario()).name();
            Path dir = output.dir(name, "-sweep");
            // One sweep (or coordinator) per directory at a time: claimed before anything in it is read.
            try (ResultClaim claim = output.claim(dir)) {
                sweep(host, plan, base, points, name, dir, timeout, out);
            }
        }
        out.flush();
        return 0;
    }

    /** The sweep into its claimed directory: the points not done before, on this machine or the cluster. */
    private void sweep(SimulatorHost host, SweepPlan plan, ScenarioSpec base, List<Point> points, String name,
                       Path dir, double timeout, PrintWriter out) {
        SweepDirectory results = new SweepDirectory(dir, plan.axes(), points);
        SweepAxes axes = new SweepAxes(scenario.file.toAbsolutePath().normalize().toString(), name, plan.axes(),
                scenario.sets(), scenario.seed(), points.size(), SweepAxes.sha256(base.text().text()), chips);
        int before = results.prepare(axes, host.loader(), resume, output.force);
        out.printf(Locale.ROOT, "%s: sweep of %d point%s (%s) into %s%s%n", name, points.size(),
                Format.plural(points.size()), plan.describe(), dir, before == 0 ? ""
                        : String.format(Locale.ROOT, "; resuming, %d done before", before));
        out.flush();
        long start = System.nanoTime();
        List<Point> todo = points.stream().filter(p -> !results.isDone(p.index())).toList();
        SweepRecord record;
        try (PointRunner runner = cluster.runner(host, timeout, () -> workers.runner(host, (long) todo.size() * chips));
             PointProgress progress = new PointProgress("sweep", points.size(), before, output.progress(), out,
                     r -> SummaryText.point(r, points.size())).keeping(results::record)) {
            plan.runner(runner, host.loader()).run(todo, progress); // N chips a point with --chips N
            record = SweepRecord.of(points.size(), before, (System.nanoTime() - start) / 1e9, runner);
        }
        ResultFiles.writeString(dir.resolve(SweepRecord.FILE), RecordJson.text(record));
        printEnd(out, record, dir);
    }

    private static void printEnd(PrintWriter out, SweepRecord r, Path dir) {
        out.printf(Locale.ROOT, "  wall %.2f s for %d point%s (%s)%n", r.wallSeconds(), r.pointsRun(),
                Format.plural(r.pointsRun()), r.mode().equals("cluster") ? r.workersSeen() + " cluster worker"
                        + Format.plural(r.workersSeen()) : r.workers() + " worker" + Format.plural(r.workers())
                        + " x " + r.threadsPerPoint() + " thread" + Format.plural(r.threadsPerPoint()));
        out.printf(Locale.ROOT, "  table: %s (plots: xbarsim report %s; wall time: %s)%n",
                dir.resolve(SweepDirectory.CSV), dir, dir.resolve(SweepRecord.FILE));
    }
}
