package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.engine.fixtures.Summaries;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.scenario.ScenarioSpec;
import org.xbarsim.explore.sweep.SweepPlan;
import org.xbarsim.engine.bus.Futures;

/**
 * The coordinator's bookkeeping on a local event bus, with the test playing the workers: a point not
 * answered within the timeout goes to another worker, a late second answer is ignored, a point that
 * keeps failing stops the sweep with its error.
 */
class SweepCoordinatorTest {
    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() {
        Futures.await(vertx.close());
    }

    private SweepCoordinator coordinator(int points, double timeout) {
        List<JsonObject> jobs = new ArrayList<>();
        SweepPlan plan = SweepPlan.of(ScenarioSpec.of("name: test\n", dir.resolve("test.yaml")));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            values.add(Integer.toString(10 * (i + 1)));
            jobs.add(new JsonObject().put("name", "test").put("point", i));
        }
        plan = plan.grid("programming.nMsp", values);
        List<Point> list = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            list.add(plan.point(i, List.of(values.get(i))));
        }
        SweepResults results = new SweepResults(dir, plan.axes(), list);
        return new SweepCoordinator(results, jobs, timeout, lines::add);
    }

    /** A stand-in summary: what sweep.csv and the printed line read, with the worker that made it. */
    private static JsonObject summary(String worker) {
        RunSummary.Outcome o = new RunSummary.Outcome(1, 1, 0.9, 0.1, 0, 50.0, 50.0, 0, 0, 0, 1e-3, 1e-6);
        return new JsonObject(Summaries.of(o, null, worker, new RunSummary.HostRun(0.5, 0, null, null, null, 1, null, null, null))
                .toJson());
    }

    private JsonObject ask(String worker) {
        return Futures.await(vertx.eventBus().<JsonObject>request(SweepCoordinator.NEXT,
                new JsonObject().put("node", "node-" + worker).put("worker", worker))).body();
    }

    private void answer(JsonObject handout, String worker, JsonObject body) {
        body.put("sweep", handout.getString("sweep")).put("index", handout.getInteger("index")).put("worker", worker);
        Futures.await(vertx.eventBus().request(handout.getString("replyTo"), body,
                new DeliveryOptions().setSendTimeout(5000)));
    }

    private CompletableFuture<Void> start(SweepCoordinator c) throws InterruptedException {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> c.run(vertx));
        // The coordinator registers its consumers on its own thread: ask until it answers.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (vertx.eventBus().request(SweepCoordinator.NEXT, new JsonObject().put("probe", true))
                .toCompletionStage().toCompletableFuture().handle((m, e) -> e).join() != null) {
            assertTrue(System.nanoTime() < deadline, "the coordinator did not start listening");
            Thread.sleep(10);
        }
        return done;
    }

    @Test
    void anUnansweredPointGoesToAnotherWorkerAndALateAnswerIsIgnored() throws Exception {
        SweepCoordinator c = coordinator(4, 0.2);
        // The probe in start() took point 0 for a worker that never answers.
        CompletableFuture<Void> done = start(c);
        JsonObject a = ask("a");
        assertEquals(1, a.getInteger("index"));
        JsonObject b = ask("b");
        assertEquals(2, b.getInteger("index"));
        JsonObject d = ask("d");
        assertEquals(3, d.getInteger("index"));
        assertTrue(ask("b").containsKey("wait"), "nothing to hand out before the timeout");
        answer(b, "b", new JsonObject().put("summary", summary("b")));

        Thread.sleep(300);
        JsonObject again = ask("b");
        assertEquals(0, again.getInteger("index"), "the longest-unanswered point, handed out again");
        JsonObject alsoAgain = ask("c");
        assertEquals(1, alsoAgain.getInteger("index"), "a's point too, now overdue");
        answer(again, "b", new JsonObject().put("summary", summary("b")));
        answer(a, "a", new JsonObject().put("summary", summary("a")));
        answer(alsoAgain, "c", new JsonObject().put("summary", summary("c"))); // late: a answered first
        answer(d, "d", new JsonObject().put("summary", summary("d"))); // overdue too, but nobody took it over

        done.get(10, TimeUnit.SECONDS);
        assertEquals(2, c.reissued());
        assertEquals("a", RunSummary.read(SweepResults.summaryFile(dir, 1)).scenario().source(),
                "the first answer stands");
        List<String> table = Files.readAllLines(dir.resolve(SweepResults.CSV));
        assertEquals(List.of("programming.nMsp", "10", "20", "30", "40"),
                table.stream().map(l -> l.split(",")[0]).toList());
        assertEquals(4, lines.stream().filter(l -> l.matches("\\s+\\[\\d/4] .*")).count(), lines::toString);
    }

    @Test
    void aWorkerLeavingGivesItsPointBackAtOnce() throws Exception {
        SweepCoordinator c = coordinator(2, 3600);
        CompletableFuture<Void> done = start(c);
        JsonObject a = ask("a");
        assertEquals(1, a.getInteger("index"));
        c.nodeLeft("node-a");
        JsonObject b = ask("b");
        assertEquals(1, b.getInteger("index"), "handed out again without waiting for the hour-long timeout");
        answer(b, "b", new JsonObject().put("summary", summary("b")));
        c.nodeLeft("?"); // the probe's point 0
        answer(ask("b"), "b", new JsonObject().put("summary", summary("b")));
        done.get(10, TimeUnit.SECONDS);
        assertTrue(lines.stream().anyMatch(l -> l.contains("point 2: worker a left the cluster")), lines::toString);
    }

    @Test
    void anErrorFromAWorkerThePointWasTakenFromLeavesTheNewHandoutAlone() throws Exception {
        SweepCoordinator c = coordinator(2, 0.2);
        CompletableFuture<Void> done = start(c);
        c.nodeLeft("?"); // the probe's point 0
        JsonObject a = ask("a");
        assertEquals(0, a.getInteger("index"));
        JsonObject b0 = ask("b");
        assertEquals(1, b0.getInteger("index"));
        answer(b0, "b", new JsonObject().put("summary", summary("b")));
        Thread.sleep(300);
        JsonObject b = ask("b");
        assertEquals(0, b.getInteger("index"), "a's overdue point, handed to b");
        // a wakes up and reports a failure: b's handout stands, the point is not queued a third time.
        answer(a, "a", new JsonObject().put("error", "interrupted"));
        assertTrue(ask("c").containsKey("wait"), "nothing to hand out: b holds the only open point");
        answer(b, "b", new JsonObject().put("summary", summary("b")));
        done.get(10, TimeUnit.SECONDS);
        assertEquals(2, c.reissued(), "the probe's point and a's overdue one, nothing more");
    }

    @Test
    void aPointThatFailsOnThreeWorkersStopsTheSweepWithItsError() throws Exception {
        SweepCoordinator c = coordinator(1, 3600);
        CompletableFuture<Void> done = start(c);
        c.nodeLeft("?"); // the probe's point
        for (String w : List.of("a", "b", "c")) {
            JsonObject h = ask(w);
            assertEquals(0, h.getInteger("index"));
            answer(h, w, new JsonObject().put("error", "model.npy: expected a file, found none").put("input", true));
        }
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
        InputError input = (InputError) e.getCause();
        assertEquals("point 1 (failed on 3 workers, last c): model.npy: expected a file, found none",
                input.getMessage());
    }
}
