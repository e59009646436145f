package org.xbarsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.FileAccess;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.options.PluginOptions;
import org.xbarsim.explore.cluster.ClusterKey;
import org.xbarsim.explore.cluster.ClusterNode;
import org.xbarsim.explore.cluster.ClusterWorker;
import org.xbarsim.explore.SimulatorHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim worker --cluster}: joins the sweep cluster (holding its key) and runs points for
 * whichever coordinator hands them out, one at a time with every core (or --threads), until killed.
 * The plugins are this machine's own (--plugins or the launcher's directory), as for {@code run}; the
 * files a point may name are those under --allow-dir and --data-dir, and a point never downloads.
 */
@Command(name = "worker", description = "Join a sweep cluster and run the points of clustered sweeps "
        + "('xbarsim sweep ... --cluster') until stopped.")
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--cluster", required = true, description = "Join the clustered event bus (required: the "
            + "only kind of worker there is, named so the command says what it does).")
    boolean cluster;

    @Option(names = "--host", paramLabel = "ADDR", description = "This machine's address the cluster uses "
            + "(default 127.0.0.1: a cluster of this machine only).")
    String host = ClusterNode.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "P", description = "First cluster port (default 5701); members bind "
            + "the first free one of P..P+9 and find each other there.")
    int port = ClusterNode.DEFAULT_PORT;

    @Option(names = "--join", paramLabel = "ADDR,...", split = ",", description = "Addresses of other cluster "
            + "members' machines (default: --host only, i.e. this machine).")
    List<String> join;

    @Option(names = "--key", paramLabel = "FILE", description = "The cluster key every member holds (created, mode "
            + "600, if missing; default $XBARSIM_CLUSTER_KEY or ~/.config/xbarsim/cluster.key).")
    Path keyFile;

    @Option(names = "--allow-dir", paramLabel = "DIR", description = "A directory whose files points may name "
            + "(.npy weights, models, texts; repeatable). Points may name no other file.")
    List<Path> allowDirs = new ArrayList<>();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where data sets are cached (MNIST): points "
            + "read them there, and may name files there too; nothing is ever downloaded by a point.")
    Path dataDir;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads of each point's run (default: "
            + "all cores). Results do not depend on it.")
    Integer threads;

    @Mixin
    PluginOptions plugins;

    @Option(names = "--points", paramLabel = "N", description = "Stop after N points (default: run until killed).")
    Long maxPoints;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || threadCount > 1024) {
            throw new InputError("--threads", "", "expected 1..1024, got " + threadCount);
        }
        if (maxPoints != null && maxPoints < 1) {
            throw new InputError("--points", "", "expected a whole number >= 1, got " + maxPoints);
        }
        FileAccess access = ClusterWorker.access(allowDirs, dataDir);
        plugins.timeout(); // checked before the cluster is joined
        ClusterKey key = ClusterKey.createOrRead(keyFile != null ? keyFile : ClusterKey.defaultFile(), "--key");
        try (SimulatorHost simulatorHost = plugins.open(spec.commandLine().getErr());
             ClusterNode node = ClusterNode.join(host, port, join, key)) {
            String me = node.address();
            out.printf(Locale.ROOT, "xbarsim worker %s: joined the cluster (%d thread%s a point); waiting for sweep "
                    + "points%n", me, threadCount, threadCount == 1 ? "" : "s");
            out.flush();
            Object lock = new Object();
            new ClusterWorker(node.vertx(), node.nodeId(), me, ClusterWorker.simulating(
                    simulatorHost.simulator().restrictedTo(access), simulatorHost.catalog(), threadCount),
                    line -> {
                        synchronized (lock) {
                            out.println(line);
                            out.flush();
                        }
                    }).run(maxPoints);
        }
        out.flush();
        return 0;
    }
}
