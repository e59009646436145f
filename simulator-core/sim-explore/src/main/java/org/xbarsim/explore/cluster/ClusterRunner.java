package org.xbarsim.explore.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryCheck;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.runner.PointResult;
import org.xbarsim.explore.runner.PointRunner;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * Runs points on the workers of a cluster ({@code xbarsim worker --cluster}, or {@link ClusterWorker}s
 * of one's own): joins it as a coordinator on first use and hands each batch of points out
 * ({@link ClusterCoordinator}), recording only answers from the worker a point was handed to whose
 * summaries are that point's ({@link SummaryCheck}). Runs nothing itself. A point's result is the one
 * a local run gives: the same scenario and seed, on any worker.
 */
public final class ClusterRunner implements PointRunner {
    private final ScenarioLoader loader;
    private final Address address;
    private final ClusterKey key;
    private final double limitSeconds;
    private final Set<String> workersSeen = new TreeSet<>();
    private ClusterNode node;
    private int reissued;

    /**
     * Where the cluster is: this machine's address, the first port, other members' machines (empty:
     * this one only).
     */
    public record Address(String host, int port, List<String> join) {
        public Address {
            join = join == null ? List.of() : List.copyOf(join);
        }

        /** The loopback cluster of this machine on the default ports. */
        public static Address loopback() {
            return new Address(ClusterNode.DEFAULT_HOST, ClusterNode.DEFAULT_PORT, List.of());
        }
    }

    /**
     * @param limitSeconds longest a point may run on a worker before it goes to another (0: no limit;
     *                     heartbeats find lost workers)
     */
    /**
     * A point's time limit from its text (a time such as {@code 90s}), in seconds: 0 (no limit: heartbeats
     * find lost workers) when null; anything under a second, or not a time, is an InputError on {@code option}.
     */
    public static double limitSeconds(String text, String option) {
        if (text == null) {
            return 0;
        }
        double t;
        try {
            t = Quantity.TIME.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputError(option, "", e.getMessage());
        }
        if (t < 1) {
            throw new InputError(option, "", "expected at least 1s, got " + text);
        }
        return t;
    }

    public ClusterRunner(ScenarioLoader loader, Address address, ClusterKey key, double limitSeconds) {
        this.loader = loader;
        this.address = address;
        this.key = key;
        this.limitSeconds = limitSeconds;
    }

    /** Joins the cluster now (else on the first run): its address, for people ("127.0.0.1:5701"). */
    public synchronized String join() {
        if (node == null) {
            node = ClusterNode.join(address.host(), address.port(), address.join(), key);
        }
        return node.address();
    }

    @Override
    public List<PointResult> run(List<Point> points, PointListener listener) {
        List<PointMessages.PointJob> jobs = new ArrayList<>();
        List<SummaryCheck.Expected> expected = new ArrayList<>();
        for (Point p : points) {
            Scenario s = p.scenario().load(loader); // every point checked here before any is handed out
            jobs.add(job(s.name(), p.scenario()));
            expected.add(new SummaryCheck.Expected(s.name(), s.seed(), s.effective()));
        }
        boolean first;
        synchronized (this) {
            first = node == null;
        }
        String me = join();
        if (first) {
            listener.note("  coordinator " + me + ": waiting for workers ('xbarsim worker --cluster --host "
                    + address.host() + " --port " + address.port() + "' with the same --key)");
        }
        PointResult[] results = new PointResult[points.size()];
        ClusterCoordinator coordinator = new ClusterCoordinator(new ClusterCoordinator.Results() {
            @Override
            public synchronized boolean isDone(int index) {
                return results[index] != null;
            }

            @Override
            public boolean record(int index, RunSummary summary, String worker) {
                PointResult r;
                synchronized (this) {
                    if (results[index] != null) {
                        return false;
                    }
                    Double wall = summary.run() == null ? null : summary.run().wallSeconds();
                    r = new PointResult(points.get(index), summary, wall == null ? 0 : wall, 1, worker);
                    results[index] = r;
                }
                listener.finished(r);
                return true;
            }
        }, jobs, expected, limitSeconds, listener::note);
        node.onMemberLeft(coordinator::nodeLeft);
        coordinator.run(node.vertx());
        synchronized (this) {
            workersSeen.addAll(coordinator.workersSeen());
            reissued += coordinator.reissued();
        }
        return List.copyOf(Arrays.asList(results));
    }

    /** What a worker needs to run a point: the scenario text as read, where it stood, its settings and seed. */
    static PointMessages.PointJob job(String name, ScenarioSpec s) {
        return new PointMessages.PointJob(name, s.text().text(), s.text().source(),
                s.text().location().toAbsolutePath().normalize().toString(), s.describe(), s.seed());
    }

    /** The longest a point may run on a worker before it goes to another, s (0: no limit). */
    public double limitSeconds() {
        return limitSeconds;
    }

    /** The workers that have asked for points so far. */
    public synchronized Set<String> workersSeen() {
        return Set.copyOf(workersSeen);
    }

    /** Points handed to another worker so far (their worker left, fell silent or ran out of time). */
    public synchronized int reissued() {
        return reissued;
    }

    @Override
    public String describe() {
        return "cluster workers via " + address.host() + ":" + address.port();
    }

    @Override
    public synchronized void close() {
        if (node != null) {
            node.close();
            node = null;
        }
    }
}
