package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.report.CostChart;
import org.xbarsim.explore.report.LossChart;
import org.xbarsim.explore.report.SweepPlots;
import org.xbarsim.explore.report.SweepReport;
import org.xbarsim.explore.sweep.SavedSweep;
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
        SweepReport report = new SweepReport(sweep.name(), sweep.axes().axes(), sweep.table())
                .plotting(SweepPlots.metrics(sweep, metrics));
        List<Path> written = new ArrayList<>(report.metricPlots(dir));
        Path loss = LossChart.write(report, dir);
        if (loss != null) {
            written.add(loss);
        }
        written.addAll(extras(sweep, out));
        SweepPlots.lines(sweep, report, written).forEach(out::println);
        out.flush();
        return 0;
    }

    /** The plots asked for by option: the comparison, the fronts, the cost. */
    private List<Path> extras(SavedSweep sweep, PrintWriter out) throws IOException {
        List<Path> written = new ArrayList<>();
        if (!compare.isEmpty()) {
            written.add(SweepPlots.comparison(sweep, compare));
        }
        if (front != null) {
            written.addAll(SweepPlots.fronts(sweep, front, frontInclude));
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
}
