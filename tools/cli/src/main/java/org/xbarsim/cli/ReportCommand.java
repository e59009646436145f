package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.metric.Metric;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.report.Charts;
import org.xbarsim.explore.report.CostChart;
import org.xbarsim.explore.report.FrontChart;
import org.xbarsim.explore.report.LossChart;
import org.xbarsim.explore.report.SweepReport;
import org.xbarsim.explore.sweep.SavedSweep;
import org.xbarsim.explore.sweep.SweepDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim report DIR}: PNG plots of a sweep's table: each quantity against each swept key it
 * depends on, inference loss against Pfail, and on request comparisons, Pareto fronts and the cost plot.
 */
@Command(name = "report", description = "Plot a sweep (DIR/sweep.csv and DIR/sweep.properties from 'xbarsim sweep'): "
        + "PNGs of Pfail, inference accuracy, programming time and energy against each swept key (means over seeds, "
        + "with their spread), and accuracy loss against Pfail, written into DIR.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Result directory of 'xbarsim sweep'.")
    Path dir;

    @Option(names = "--compare", paramLabel = "DIR", description = "Another sweep to compare with (repeatable): adds "
            + "inferenceLoss-vs-pfail-comparison.png, every network's relative loss against Pfail in one plot.")
    List<Path> compare = new ArrayList<>();

    @Option(names = "--front", paramLabel = "KEY", description = "A grid key (programming.impl, say): adds "
            + "front-by-KEY.png, Pfail (log axis) against programming time with one Pareto front per value of KEY, "
            + "and front-by-KEY.csv, the front points.")
    String front;

    @Option(names = "--front-include", paramLabel = "DIR", description = "Another sweep whose points join the --front "
            + "fronts, by their own value of KEY (repeatable): a policy's own knobs swept apart from the policies "
            + "that do not have them.")
    List<Path> frontInclude = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "PATH", description = "Another summary metric to plot against each swept "
            + "key it depends on (repeatable): any column of sweep.csv, inference.energy.adc or chip.areaMm2, say.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--cost", description = "Adds cost-vs-size.png: the wall time of each point against the weights "
            + "it programmed (log-log) and weights per second, with the fitted growth exponent: how the simulator's "
            + "cost grows with matrix size.")
    boolean cost;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (front == null && !frontInclude.isEmpty()) {
            throw new InputError("--front-include", "", "expected --front KEY as well: the included points join its "
                    + "fronts");
        }
        SavedSweep sweep = SavedSweep.read(dir, "");
        SweepReport report = new SweepReport(sweep.name(), sweep.axes().axes(), sweep.table()).plotting(metrics(sweep));
        List<Path> written = new ArrayList<>(report.metricPlots(dir));
        Path loss = LossChart.write(report, dir);
        if (loss != null) {
            written.add(loss);
        }
        written.addAll(extras(sweep, out));
        print(out, sweep, report, written);
        return 0;
    }

    private List<Metric> metrics(SavedSweep sweep) {
        List<Metric> list = new ArrayList<>();
        for (String name : metrics) {
            Metric m = Metrics.parse("--metric", name);
            if (!sweep.table().has(m)) {
                throw new InputError("--metric", name, "expected a column of " + dir.resolve(SweepDirectory.CSV)
                        + ", found none (the sweep's scenario has no such figure)");
            }
            list.add(m);
        }
        return list;
    }

    /** The plots asked for by option: the comparison, the fronts, the cost. */
    private List<Path> extras(SavedSweep sweep, PrintWriter out) throws IOException {
        List<Path> written = new ArrayList<>();
        if (!compare.isEmpty()) {
            List<LossChart.Named> sweeps = new ArrayList<>(List.of(new LossChart.Named(sweep.name(),
                    dir.toString(), sweep.table())));
            for (Path other : compare) {
                SavedSweep s = SavedSweep.read(other, "the sweep to compare with ");
                sweeps.add(new LossChart.Named(s.name(), other.toString(), s.table()));
            }
            written.add(LossChart.compare(sweeps, dir.resolve(Charts.fileName("inferenceLoss-vs-pfail-comparison"))));
        }
        if (front != null) {
            FrontChart chart = new FrontChart(front).add(dir.resolve(SweepDirectory.CSV).toString(), sweep.table());
            for (Path other : frontInclude) {
                chart.add(other.resolve(SweepDirectory.CSV).toString(), SavedSweep.read(other, "").table());
            }
            written.addAll(chart.write(dir, sweep.name()));
        }
        if (cost) {
            Path png = dir.resolve("cost-vs-size.png");
            double exponent = CostChart.write(sweep.name(), sweep.table().rows(), png);
            written.add(png);
            out.printf(Locale.ROOT, "report: wall time grows as weights^%.2f from a million weights (1 is linear)%n",
                    exponent);
        }
        return written;
    }

    private void print(PrintWriter out, SavedSweep sweep, SweepReport report, List<Path> written) {
        if (written.isEmpty()) {
            out.println("report: nothing to plot in " + dir + (report.swept().isEmpty()
                    ? ": no grid key has more than one value" : ": no metric changes with the swept keys"));
        } else {
            long plots = written.stream().filter(p -> p.toString().endsWith(".png")).count();
            out.printf(Locale.ROOT, "report: %d plot%s of %s (%d point%s)%n", plots, Format.plural(plots),
                    sweep.name(), sweep.table().rows().size(), Format.plural(sweep.table().rows().size()));
            written.forEach(p -> out.println("  " + p));
        }
        out.flush();
    }
}
