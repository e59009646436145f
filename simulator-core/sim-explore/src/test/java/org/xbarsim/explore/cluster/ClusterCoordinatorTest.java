package org.xbarsim.explore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.explore.cluster.PointMessages.Answer;
import org.xbarsim.explore.cluster.PointMessages.Handout;
import org.xbarsim.explore.cluster.PointMessages.PointJob;
import org.xbarsim.engine.fixtures.TinyRuns;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryCheck;

/**
 * The coordinator on a local event bus, with workers played by the test: it records an answer only from
 * the worker it handed the point to, with a summary that fits; forged and malformed messages are
 * dropped in a line each; a silent worker loses its point; a point failing three times stops the sweep.
 */
class ClusterCoordinatorTest {
    @TempDir
    static Path dir;
    private static JsonObject summary;
    private static SummaryCheck.Expected expected;

    private final Vertx vertx = Vertx.vertx();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, RunSummary> recorded = Collections.synchronizedMap(new TreeMap<>());

    @BeforeAll
    static void run() throws IOException {
        Scenario s = TinyRuns.scenario(dir);
        summary = TinyRuns.summary(s);
        expected = new SummaryCheck.Expected(s.name(), s.seed(), s.effective());
    }

    @AfterEach
    void close() {
        Futures.await(vertx.close());
    }

    private ClusterCoordinator coordinator(int points, long lossMillis) {
        ClusterCoordinator.Results results = new ClusterCoordinator.Results() {
            @Override
            public boolean isDone(int index) {
                return recorded.containsKey(index);
            }

            @Override
            public boolean record(int index, RunSummary s, String worker) {
                return recorded.putIfAbsent(index, s) == null;
            }
        };
        List<PointJob> jobs = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            jobs.add(new PointJob("tiny", TinyRuns.SCENARIO, "tiny.yaml", "/x/tiny.yaml", List.of(), null));
        }
        return new ClusterCoordinator(results, jobs, Collections.nCopies(points, expected), 0, lossMillis, lines::add);
    }

    private CompletableFuture<Void> start(ClusterCoordinator c) throws InterruptedException {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> c.run(vertx));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // Until it listens: a malformed ask (dropped) is answered with a failure, not "no handlers".
        while (vertx.eventBus().request(PointMessages.NEXT, "probe").toCompletionStage().toCompletableFuture()
                .handle((m, e) -> e instanceof io.vertx.core.eventbus.ReplyException r
                        && r.failureType() == io.vertx.core.eventbus.ReplyFailure.NO_HANDLERS).join()) {
            assertTrue(System.nanoTime() < deadline, "the coordinator did not start listening");
            Thread.sleep(10);
        }
        return done;
    }

    private Handout ask(String worker) {
        Object body = Futures.await(vertx.eventBus().request(PointMessages.NEXT,
                new PointMessages.Ask("node-" + worker, worker).toJson())).body();
        return assertInstanceOf(Handout.class, PointMessages.Reply.parse(body));
    }

    private void answer(Handout h, String worker, String token, JsonObject s) {
        Futures.await(vertx.eventBus().request(h.replyTo(), new Answer(h.sweep(), h.index(), token, worker, s, null,
                false).toJson(), new DeliveryOptions().setSendTimeout(5000)));
    }

    private void error(Handout h, String worker, String message) {
        Futures.await(vertx.eventBus().request(h.replyTo(), new Answer(h.sweep(), h.index(), h.token(), worker, null,
                message, true).toJson(), new DeliveryOptions().setSendTimeout(5000)));
    }

    @Test
    void onlyTheWorkerAPointWasHandedToCanAnswerItAndOnlyWithASummaryThatFits() throws Exception {
        ClusterCoordinator c = coordinator(2, 60_000);
        CompletableFuture<Void> done = start(c);
        Handout a = ask("a");
        Handout b = ask("b");
        answer(a, "mallory", a.token(), summary); // another member with a's token: not a's worker
        answer(a, "a", "0".repeat(32), summary); // a guessed token
        answer(a, "a", b.token(), summary); // b's token for a's point
        answer(a, "a", a.token(), new JsonObject()); // a's own, but {}: fails the schema, the point waits again
        for (Object junk : List.of("text", new JsonObject(), new JsonObject().put("sweep", a.sweep()).put("token", "t"))) {
            vertx.eventBus().request(a.replyTo(), junk).toCompletionStage().toCompletableFuture()
                    .handle((m, e) -> null).join();
        }
        vertx.eventBus().request(PointMessages.NEXT, new JsonObject().put("node", 7)).toCompletionStage()
                .toCompletableFuture().handle((m, e) -> null).join();
        assertTrue(recorded.isEmpty(), "nothing forged was recorded: " + recorded);
        Handout again = ask("c");
        assertEquals(a.index(), again.index(), "a's point, back after its summary did not fit");
        answer(again, "c", again.token(), summary);
        answer(b, "b", b.token(), summary);
        done.get(10, TimeUnit.SECONDS);
        assertEquals(2, recorded.size());
        String log = String.join("\n", lines);
        assertTrue(log.contains("to whom it was not handed (no such token)"), log);
        assertTrue(log.contains("its summary did not fit the result schema"), log);
        assertTrue(lines.stream().allMatch(l -> !l.contains("\n")));
    }

    @Test
    void aWorkerThatFallsSilentLosesItsPointAndOneThatBeatsKeepsIt() throws Exception {
        ClusterCoordinator c = coordinator(2, 600);
        CompletableFuture<Void> done = start(c);
        Handout silent = ask("a");
        Handout beating = ask("b");
        for (int i = 0; i < 12; i++) {
            Thread.sleep(100);
            Object ack = Futures.await(vertx.eventBus().request(beating.heartbeatTo(),
                    new PointMessages.Heartbeat(beating.sweep(), beating.index(), beating.token()).toJson())).body();
            assertTrue(PointMessages.HeartbeatAck.parse(ack).keep());
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("point 1: worker a no heartbeat for")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("worker b no heartbeat")), lines::toString);
        Handout again = ask("c");
        assertEquals(silent.index(), again.index());
        Object ack = Futures.await(vertx.eventBus().request(silent.heartbeatTo(),
                new PointMessages.Heartbeat(silent.sweep(), silent.index(), silent.token()).toJson())).body();
        assertTrue(!PointMessages.HeartbeatAck.parse(ack).keep(), "a is told its point is no longer its own");
        answer(silent, "a", silent.token(), summary); // late but first: it counts, once
        answer(again, "c", again.token(), summary);
        answer(beating, "b", beating.token(), summary);
        done.get(10, TimeUnit.SECONDS);
        assertEquals(1, c.reissued());
    }

    @Test
    void aWorkerLeavingGivesItsPointBackAtOnce() throws Exception {
        ClusterCoordinator c = coordinator(1, 60_000);
        CompletableFuture<Void> done = start(c);
        ask("a");
        c.nodeLeft("node-a");
        Handout b = ask("b");
        answer(b, "b", b.token(), summary);
        done.get(10, TimeUnit.SECONDS);
        assertTrue(lines.stream().anyMatch(l -> l.contains("point 1: worker a left the cluster")), lines::toString);
    }

    @Test
    void aPointThatFailsOnThreeWorkersStopsTheSweepWithItsError() throws Exception {
        ClusterCoordinator c = coordinator(1, 60_000);
        CompletableFuture<Void> done = start(c);
        for (String w : List.of("a", "b", "c")) {
            error(ask(w), w, "model.npy: expected a file, found none");
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
        InputError input = assertInstanceOf(InputError.class, e.getCause());
        assertEquals("point 1 (failed on 3 workers, last c): model.npy: expected a file, found none",
                input.getMessage());
    }
}
