package org.xbarsim.cli;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.summary.RunSummary;

/**
 * The coordinator of a clustered sweep. Workers pull: each asks {@link #NEXT} for a point, runs it and
 * sends the summary to this sweep's own result address. Pulling balances the load by itself (a fast
 * worker asks more often) and makes failover a matter of bookkeeping: a point handed to a worker
 * that leaves the cluster, or that has not answered within the point timeout, goes back to the front
 * of the queue for the next worker that asks. A result for a point that already has one is ignored.
 * The coordinator runs no point itself: it only hands out and gathers, so it can sit on a machine
 * with no cores to spare; with no worker connected it waits.
 */
final class SweepCoordinator {
    /** Where workers ask for work; every coordinator on the cluster listens here (Vert.x alternates among them). */
    static final String NEXT = "xbarsim.sweep.next";
    /** A worker that finds no point to run asks again after this long. */
    static final long WAIT_MILLIS = 500;
    /** Times a point may fail on workers (an error, not a lost worker) before the sweep stops with that error. */
    static final int MAX_FAILURES = 3;
    /** The member attribute in which vertx-hazelcast keeps a member's Vert.x node id. */
    static final String VERTX_NODE_ID = "__vertx.nodeId";

    private final String sweepId = UUID.randomUUID().toString();
    private final String resultAddress = "xbarsim.sweep." + sweepId + ".result";
    private final SweepResults results;
    private final List<JsonObject> jobs;
    private final long timeoutNanos;
    private final Consumer<String> println;

    private final TreeSet<Integer> pending = new TreeSet<>();
    private final Map<Integer, Handout> handed = new HashMap<>();
    private final Map<Integer, Integer> failures = new HashMap<>();
    private final Set<String> workers = new LinkedHashSet<>();
    private final Promise<Void> finished = Promise.promise();
    private int reissued;

    /** A point handed to a worker: which node, since when. */
    private record Handout(String node, String worker, long sinceNanos) {
    }

    /**
     * @param jobs    per point index, what a worker needs to run it (see {@link #job})
     * @param timeout seconds a worker may take for one point before the point goes to another
     */
    SweepCoordinator(SweepResults results, List<JsonObject> jobs, double timeout, Consumer<String> println) {
        this.results = results;
        this.jobs = jobs;
        this.timeoutNanos = (long) (timeout * 1e9);
        this.println = println;
        for (int i = 0; i < jobs.size(); i++) {
            if (!results.isDone(i)) {
                pending.add(i);
            }
        }
    }

    /**
     * What a worker needs to run a point: the scenario text as read (with the file name and location
     * relative paths resolve against), the overrides of the sweep and of the point, and the seed.
     */
    static JsonObject job(String name, String scenarioText, String source, String location, List<String> overrides,
                          Long seed) {
        return new JsonObject().put("name", name).put("scenarioText", scenarioText).put("source", source)
                .put("location", location).put("overrides", new JsonArray(List.copyOf(overrides))).put("seed", seed);
    }

    synchronized int reissued() {
        return reissued;
    }

    synchronized Set<String> workersSeen() {
        return Set.copyOf(workers);
    }

    /** Hands out every unfinished point and gathers the results; returns when all are on disk. */
    void run(ClusterNode node) {
        var cluster = ((io.vertx.spi.cluster.hazelcast.HazelcastClusterManager) node.manager())
                .getHazelcastInstance().getCluster();
        // Hazelcast's own membership events: Vert.x keeps the cluster manager's node listener for itself.
        UUID listener = cluster.addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // a new worker asks for work by itself
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                // Workers name their Vert.x node id, which the Hazelcast cluster manager keeps as a member
                // attribute: the member's own UUID is another id.
                String nodeId = event.getMember().getAttribute(VERTX_NODE_ID);
                nodeLeft(nodeId != null ? nodeId : event.getMember().getUuid().toString());
            }
        });
        try {
            run(node.vertx());
        } finally {
            cluster.removeMembershipListener(listener);
        }
    }

    /** As above on any event bus (the tests' local one); a lost worker is then noticed by the timeout only. */
    void run(Vertx vertx) {
        synchronized (this) {
            if (pending.isEmpty() && handed.isEmpty()) {
                return;
            }
        }
        var bus = vertx.eventBus();
        MessageConsumer<JsonObject> next = bus.consumer(NEXT, this::next);
        MessageConsumer<JsonObject> result = bus.consumer(resultAddress, this::result);
        try {
            Futures.await(next.completion());
            Futures.await(result.completion());
            Futures.await(finished.future());
        } finally {
            next.unregister();
            result.unregister();
        }
    }

    /** A worker's node left the cluster: its points go back to the queue. */
    synchronized void nodeLeft(String node) {
        for (var it = handed.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Handout> e = it.next();
            if (e.getValue().node().equals(node)) {
                println.accept("  point " + (e.getKey() + 1) + ": worker " + e.getValue().worker()
                        + " left the cluster; handing the point to another worker");
                pending.add(e.getKey());
                reissued++;
                it.remove();
            }
        }
    }

    private synchronized void next(Message<JsonObject> request) {
        JsonObject ask = request.body();
        String node = ask.getString("node", "?");
        String worker = ask.getString("worker", node);
        if (workers.add(worker)) {
            println.accept("  worker " + worker + " joined");
        }
        Integer index = pending.pollFirst();
        if (index == null) {
            index = overdue();
        }
        if (index == null) {
            request.reply(new JsonObject().put("wait", WAIT_MILLIS));
            return;
        }
        handed.put(index, new Handout(node, worker, System.nanoTime()));
        request.reply(new JsonObject().put("sweep", sweepId).put("index", index).put("replyTo", resultAddress)
                .put("job", jobs.get(index)));
    }

    /** The longest-waiting point whose worker has not answered within the timeout, taken from it; else null. */
    private Integer overdue() {
        long now = System.nanoTime();
        Integer oldest = null;
        for (Map.Entry<Integer, Handout> e : handed.entrySet()) {
            if (now - e.getValue().sinceNanos() > timeoutNanos
                    && (oldest == null || e.getValue().sinceNanos() < handed.get(oldest).sinceNanos())) {
                oldest = e.getKey();
            }
        }
        if (oldest != null) {
            reissued++;
            println.accept("  point " + (oldest + 1) + ": no answer from worker " + handed.get(oldest).worker()
                    + " within the point timeout; handing it to another worker");
            handed.remove(oldest);
        }
        return oldest;
    }

    private synchronized void result(Message<JsonObject> message) {
        JsonObject r = message.body();
        message.reply(new JsonObject().put("ok", true));
        Integer index = r.getInteger("index");
        if (!sweepId.equals(r.getString("sweep")) || index == null || index < 0 || index >= jobs.size()) {
            return;
        }
        String worker = r.getString("worker", "?");
        String error = r.getString("error");
        if (error != null) {
            Handout current = handed.get(index);
            if (current != null && !current.worker().equals(worker)) {
                return; // from a worker the point was taken from (timed out): the new handout stands
            }
            handed.remove(index);
            if (results.isDone(index)) {
                return;
            }
            int n = failures.merge(index, 1, Integer::sum);
            println.accept("  point " + (index + 1) + " failed on worker " + worker + ": " + error);
            if (n >= MAX_FAILURES) {
                String where = "point " + (index + 1) + " (failed on " + n + " workers, last " + worker + ")";
                finished.tryFail(r.getBoolean("input", false) ? new InputError(where, "", error)
                        : new PluginFailure(where + ": " + error, null));
                return;
            }
            pending.add(index);
            return;
        }
        RunSummary summary;
        try {
            summary = r.getJsonObject("summary") == null ? null
                    : RunSummary.fromJson(r.getJsonObject("summary").encode(), "point " + (index + 1));
        } catch (InputError e) {
            summary = null;
        }
        Handout h = handed.get(index);
        if (h != null && h.worker().equals(worker)) {
            handed.remove(index);
        }
        if (summary == null || !results.record(index, summary)) {
            return; // a late second answer for a point handed out twice: the first one stands
        }
        // A point handed out again and then answered by its first worker is no longer pending for anyone.
        pending.remove(index);
        handed.remove(index);
        println.accept(results.line(index, summary) + " on " + worker);
        if (results.doneCount() == results.points()) {
            finished.tryComplete();
        }
    }
}
