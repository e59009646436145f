package org.xbarsim.cli.options;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.cluster.ClusterKey;
import org.xbarsim.explore.cluster.ClusterNode;
import org.xbarsim.explore.cluster.ClusterRunner;
import org.xbarsim.explore.runner.PointRunner;
import picocli.CommandLine.Option;

/**
 * {@code --cluster} and how to reach the cluster: its address, first port, other machines, point
 * timeout, and the key that makes a process a member.
 */
public final class ClusterOptions {
    @Option(names = "--cluster", description = "Hand the points to the workers of a sweep cluster "
            + "('xbarsim worker --cluster') instead of running them here.")
    public boolean cluster;

    @Option(names = "--host", paramLabel = "ADDR", description = "With --cluster: this machine's cluster address "
            + "(default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "P", description = "With --cluster: first cluster port (default 5701).")
    Integer port;

    @Option(names = "--join", paramLabel = "ADDR,...", split = ",", description = "With --cluster: addresses of "
            + "other cluster members' machines (default: --host only, i.e. this machine).")
    public List<String> join;

    @Option(names = "--point-timeout", paramLabel = "TIME", description = "With --cluster: a point still running after "
            + "this long goes to another worker (default: no limit; a worker that leaves the cluster or stops sending "
            + "heartbeats loses its point within seconds).")
    String pointTimeout;

    @Option(names = "--key", paramLabel = "FILE", description = "With --cluster: the cluster key every member holds "
            + "(created, mode 600, if missing; default $XBARSIM_CLUSTER_KEY or ~/.config/xbarsim/cluster.key).")
    Path keyFile;

    public String host() {
        return host == null ? ClusterNode.DEFAULT_HOST : host;
    }

    public int port() {
        return port == null ? ClusterNode.DEFAULT_PORT : port;
    }

    /** The cluster key of --key (or the default file), created if missing. */
    public ClusterKey key() {
        return ClusterKey.createOrRead(keyFile != null ? keyFile : ClusterKey.defaultFile(), "--key");
    }

    /**
     * The runner of the points: the cluster's workers with --cluster (joined on first use; points may
     * run {@code timeoutSeconds} each, 0 for no limit), else {@code local}.
     */
    public PointRunner runner(SimulatorHost simulatorHost, double timeoutSeconds, Supplier<PointRunner> local) {
        return !cluster ? local.get() : new ClusterRunner(simulatorHost.loader(),
                new ClusterRunner.Address(host(), port(), join), key(), timeoutSeconds);
    }

    /**
     * Checks the options against each other; returns the point timeout in seconds (0 without a cluster).
     *
     * @param workers the local workers option, which a cluster does not take
     * @param threads the local threads option, likewise
     */
    public double check(Integer workers, Integer threads) {
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
        return ClusterRunner.limitSeconds(pointTimeout, "--point-timeout");
    }
}
