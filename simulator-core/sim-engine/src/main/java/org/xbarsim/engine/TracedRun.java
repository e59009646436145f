package org.xbarsim.engine;

import java.nio.file.Path;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.trace.Recording;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceWriter;

/**
 * A run that records its events into a trace file ({@code xbarsim run --record}): the header first
 * ({@link Simulator#traceHeader}), then the events as the run makes them. A failed run's trace is kept,
 * marked incomplete (no end marker: a replay refuses it, {@code inspect} reads it), and the failure of a
 * plugin says so in its one line.
 */
public final class TracedRun {
    private TracedRun() {
    }

    /** Runs {@code prepared} recording into {@code file} (claimed by the caller) at {@code level}. */
    public static RunSummary run(Simulator simulator, Simulator.Prepared prepared, int threads, RunListener listener,
                                 Path file, TraceFormat.Level level, TraceWriter.Compression compression) {
        TraceWriter trace = new TraceWriter(file, simulator.traceHeader(prepared, level).metadata(), compression);
        RunSummary summary;
        try {
            summary = simulator.run(prepared, threads, listener, new Recording(level, trace::record));
        } catch (RuntimeException | Error e) {
            keptUpToTheFailure(trace, file, e);
            throw e;
        }
        trace.close();
        return summary;
    }

    /**
     * A failed run's trace is kept, marked incomplete; the one line that reports a plugin's failure says
     * so (thrown from here), any other failure goes on as it was.
     */
    private static void keptUpToTheFailure(TraceWriter trace, Path file, Throwable e) {
        try {
            trace.abort();
        } catch (RuntimeException closing) {
            e.addSuppressed(closing);
            return;
        }
        String kept = "; trace " + file + " kept up to the failure (" + trace.events() + " events, marked "
                + "incomplete)";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PluginFailure failure) {
                throw new PluginFailure(failure.getMessage() + kept, failure);
            }
        }
    }
}
