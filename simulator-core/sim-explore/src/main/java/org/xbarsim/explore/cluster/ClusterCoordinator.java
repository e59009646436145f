package org.xbarsim.explore.cluster;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.explore.cluster.HandoutBook.Given;
import org.xbarsim.explore.cluster.HandoutBook.Lost;
import org.xbarsim.explore.cluster.PointMessages.Answer;
import org.xbarsim.explore.cluster.PointMessages.Ask;
import org.xbarsim.explore.cluster.PointMessages.Handout;
import org.xbarsim.explore.cluster.PointMessages.Heartbeat;
import org.xbarsim.explore.cluster.PointMessages.HeartbeatAck;
import org.xbarsim.explore.cluster.PointMessages.PointJob;
import org.xbarsim.explore.cluster.PointMessages.Wait;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryCheck;

/**
 * The coordinator of a clustered sweep. Workers pull: each asks {@link PointMessages#NEXT} for a point,
 * runs it, sends heartbeats while it runs and its answer at the end. Pulling balances the load by
 * itself and makes failover bookkeeping ({@link HandoutBook}): a point whose worker leaves the cluster,
 * or falls silent, waits for the next worker that asks. An answer is recorded only if it carries the
 * token of a handout of that point and its summary fits the result schema for that point
 * ({@link SummaryCheck}); anything else is dropped and logged in one line, and no message, however
 * malformed, ends the coordinator. It runs no point itself: it only hands out and gathers.
 */
public final class ClusterCoordinator {
    /** A worker that finds no point to run asks again after this long. */
    public static final long WAIT_MILLIS = 500;
    /** Times a point may fail on workers (an error, a summary that does not fit) before the sweep stops. */
    public static final int MAX_FAILURES = 3;
    /** How often silent handouts are looked for. */
    static final long SWEEP_MILLIS = 500;

    /** Where results go (a runner's listener, a sweep's files). */
    public interface Results {
        boolean isDone(int index);

        /** Takes the point's checked summary from {@code worker}; false when the point already has one. */
        boolean record(int index, RunSummary summary, String worker);
    }

    private final String sweepId = UUID.randomUUID().toString();
    private final String resultAddress = "xbarsim.sweep." + sweepId + ".result";
    private final String heartbeatAddress = "xbarsim.sweep." + sweepId + ".heartbeat";
    private final Results results;
    private final List<PointJob> jobs;
    private final List<SummaryCheck.Expected> expected;
    private final HandoutBook book;
    private final Consumer<String> println;
    private final DropLog drops;
    private final Set<String> workers = new LinkedHashSet<>();
    private final Promise<Void> finished = Promise.promise();

    /**
     * @param jobs         per point index, what a worker needs to run it
     * @param expected     per point index, what its summary must say (name, seed, configuration)
     * @param limitSeconds longest a point may run on a worker (0: no limit; heartbeats find lost workers)
     */
    public ClusterCoordinator(Results results, List<PointJob> jobs, List<SummaryCheck.Expected> expected,
                              double limitSeconds, Consumer<String> println) {
        this(results, jobs, expected, limitSeconds, PointMessages.HEARTBEAT_LOSS_MILLIS, println);
    }

    /** As above, with the heartbeat silence after which a point is taken back (tests shorten it). */
    ClusterCoordinator(Results results, List<PointJob> jobs, List<SummaryCheck.Expected> expected,
                       double limitSeconds, long lossMillis, Consumer<String> println) {
        this.results = results;
        this.jobs = List.copyOf(jobs);
        this.expected = List.copyOf(expected);
        this.println = println;
        this.drops = new DropLog(println, System::nanoTime);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (!results.isDone(i)) {
                todo.add(i);
            }
        }
        this.book = new HandoutBook(todo, jobs.size(), lossMillis, limitSeconds, System::nanoTime);
    }

    public int reissued() {
        return book.reissued();
    }

    public synchronized Set<String> workersSeen() {
        return Set.copyOf(workers);
    }

    /** Hands out every unfinished point and gathers the answers; returns when all are on disk. */
    public void run(Vertx vertx) {
        if (book.finished()) {
            return;
        }
        var bus = vertx.eventBus();
        MessageConsumer<Object> next = bus.consumer(PointMessages.NEXT, m -> safely(m, this::next));
        MessageConsumer<Object> answers = bus.consumer(resultAddress, m -> safely(m, this::answer));
        MessageConsumer<Object> beats = bus.consumer(heartbeatAddress, m -> safely(m, this::heartbeat));
        long timer = vertx.setPeriodic(SWEEP_MILLIS, id -> report(book.takeBackLost()));
        try {
            Futures.await(next.completion());
            Futures.await(answers.completion());
            Futures.await(beats.completion());
            Futures.await(finished.future());
        } finally {
            vertx.cancelTimer(timer);
            next.unregister();
            answers.unregister();
            beats.unregister();
        }
    }

    /** A member left the cluster (by its Vert.x node id): its points wait again. */
    public void nodeLeft(String node) {
        report(book.nodeLeft(node));
    }

    private void report(List<Lost> lost) {
        for (Lost l : lost) {
            println.accept("  point " + (l.index() + 1) + ": worker " + l.worker() + " " + l.why()
                    + "; handing the point to another worker");
        }
    }

    private interface Handler {
        void handle(Message<Object> m);
    }

    /** Runs a handler; whatever a message does to it ends as one dropped-message line, never as a crash. */
    private void safely(Message<Object> m, Handler h) {
        try {
            h.handle(m);
        } catch (MalformedMessage | SummaryCheck.Problem e) {
            drops.dropped(m.address(), e.getMessage());
            m.fail(400, "malformed: " + e.getMessage());
        } catch (RuntimeException e) {
            drops.dropped(m.address(), e.toString());
            m.fail(500, "refused");
        }
    }

    private void next(Message<Object> request) {
        Ask ask = Ask.parse(request.body());
        synchronized (this) {
            if (workers.add(ask.worker())) {
                println.accept("  worker " + ask.worker() + " joined");
            }
        }
        var given = book.next(ask.node(), ask.worker());
        if (given.isEmpty()) {
            request.reply(new Wait(WAIT_MILLIS).toJson());
            return;
        }
        Given g = given.get();
        request.reply(new Handout(sweepId, g.index(), g.token(), resultAddress, heartbeatAddress, jobs.get(g.index()))
                .toJson());
    }

    private void heartbeat(Message<Object> m) {
        Heartbeat beat = Heartbeat.parse(m.body());
        m.reply(new HeartbeatAck(sweepId.equals(beat.sweep()) && book.heartbeat(beat.index(), beat.token())).toJson());
    }

    private synchronized void answer(Message<Object> m) {
        Answer a = Answer.parse(m.body());
        m.reply(new JsonObject().put("ok", true));
        if (!sweepId.equals(a.sweep()) || a.index() >= jobs.size()) {
            drops.dropped(m.address(), "an answer for another sweep or point (" + a.index() + ") from " + a.worker());
            return;
        }
        HandoutBook.Verdict verdict = book.judge(a.index(), a.token(), a.worker());
        if (verdict == HandoutBook.Verdict.FOREIGN) {
            drops.dropped(m.address(), "an answer for point " + (a.index() + 1) + " from " + a.worker()
                    + ", to whom it was not handed (no such token)");
            return;
        }
        if (verdict == HandoutBook.Verdict.LATE) {
            return; // a late second answer for a point handed out twice: the first one stands
        }
        if (a.error() != null) {
            fail(a.index(), a.token(), a.worker(), a.error(), a.input());
            return;
        }
        RunSummary summary;
        try {
            summary = SummaryCheck.read(a.summary(), expected.get(a.index()));
        } catch (SummaryCheck.Problem p) {
            drops.dropped(m.address(), "point " + (a.index() + 1) + " from " + a.worker() + ": a summary that does "
                    + "not fit the result schema (" + p.getMessage() + ")");
            fail(a.index(), a.token(), a.worker(), "its summary did not fit the result schema: " + p.getMessage(),
                    false);
            return;
        }
        results.record(a.index(), summary, a.worker());
        book.recorded(a.index());
        if (book.finished()) {
            finished.tryComplete();
        }
    }

    private void fail(int index, String token, String worker, String error, boolean input) {
        int n = book.failed(index, token);
        if (n == 0) {
            return; // from a worker the point was taken from: the new handout stands
        }
        println.accept("  point " + (index + 1) + " failed on worker " + worker + ": " + error);
        if (n >= MAX_FAILURES) {
            String where = "point " + (index + 1) + " (failed on " + n + " workers, last " + worker + ")";
            finished.tryFail(input ? new InputError(where, "", error) : new PluginFailure(where + ": " + error, null));
        }
    }
}
