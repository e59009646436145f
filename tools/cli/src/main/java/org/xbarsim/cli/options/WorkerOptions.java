package org.xbarsim.cli.options;

import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.runner.LocalRunner;
import picocli.CommandLine.Option;

/** How many points run at a time here, and on how many event loops each. */
public final class WorkerOptions {
    @Option(names = "--workers", paramLabel = "N", description = "Points run at a time in this process (default: "
            + "one per core, at most the number of points); each run gets cores/N event-loop threads.")
    public Integer workers;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads of each run (default: cores "
            + "divided by --workers, at least 1). Results do not depend on it.")
    public Integer threads;

    /** A local runner for {@code points} points: one worker per core unless {@code --workers}, never more than points. */
    public LocalRunner runner(SimulatorHost host, long points) {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = workers != null ? workers : (int) Math.max(1, Math.min(cores, points));
        return host.localRunner(n, threads);
    }
}
