package org.xbarsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.trace.TraceCsv;
import org.xbarsim.engine.trace.TraceInspection;
import org.xbarsim.engine.trace.TraceText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim inspect FILE [--export csv DIR]}: what a trace holds, without running anything;
 * optionally every event as CSV, one file per event type.
 */
@Command(name = "inspect", description = "Describe a recorded trace (header, completeness, event counts, simulated "
        + "time, per-row pulse statistics); --export csv DIR writes every field of every event: rows.csv "
        + "(RowFinished), ops.csv (RowOp, with its masks), results.csv (RowResult, with the verify read's ADC codes) "
        + "and targets.csv (RowTargets), each with an event index and times in cycles and seconds.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A trace from 'xbarsim run --record FILE'.")
    Path file;

    @Option(names = "--export", arity = "2", paramLabel = "FORMAT DIR",
            description = "Export the events: 'csv DIR' writes rows.csv, ops.csv, results.csv, targets.csv.")
    List<String> export;

    @Option(names = "--force", description = "Overwrite existing CSV files.")
    boolean force;

    @Option(names = "--plugins", paramLabel = "DIR", hidden = true,
            description = "Accepted for symmetry with the other commands; inspect loads no plugins.")
    Path pluginDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path exportDir = exportDir();
        TraceText.lines(file, TraceInspection.of(file)).forEach(out::println);
        if (exportDir != null) {
            TraceCsv.export(file, exportDir);
            out.printf("  exported %s to %s%n", String.join(", ", TraceCsv.FILES), exportDir);
        }
        out.flush();
        return 0;
    }

    private Path exportDir() {
        if (export == null) {
            return null;
        }
        if (!"csv".equals(export.get(0))) {
            throw new InputError("--export", "", "expected the format csv, got '" + export.get(0) + "'");
        }
        Path dir = Path.of(export.get(1));
        if (!force) {
            TraceCsv.refuseOverwrite(dir);
        }
        return dir;
    }
}
