package org.xbarsim.explore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.FileAccess;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.explore.cluster.PointMessages.Answer;
import org.xbarsim.explore.cluster.PointMessages.Handout;
import org.xbarsim.explore.cluster.PointMessages.PointJob;
import org.xbarsim.engine.fixtures.TinyRuns;
import org.xbarsim.engine.summary.RunSummary;

/**
 * A worker facing a coordinator that misbehaves (it holds the key, so TLS lets it in; what it sends is
 * still checked): replies that do not parse are dropped in a line and the worker goes on; a point whose
 * scenario names a file outside the worker's allowed directories is answered with an error, the file
 * never opened; a point it runs is answered with its summary, with heartbeats while it runs.
 */
class ClusterWorkerTest {
    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger beats = new AtomicInteger();

    @AfterEach
    void close() {
        Futures.await(vertx.close());
    }

    private PointJob job(String extra) {
        return new PointJob("tiny", TinyRuns.SCENARIO + extra, "tiny.yaml", dir.resolve("allowed/tiny.yaml").toString(),
                List.of(), null);
    }

    @Test
    void malformedRepliesAreDroppedAndAFileOutsideTheAllowedDirectoriesIsNeverOpened() throws Exception {
        Path allowed = Files.createDirectories(dir.resolve("allowed"));
        Path secret = dir.resolve("secret");
        Process mk = new ProcessBuilder("mkfifo", secret.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        // A named pipe: opening it would block the worker for ever, so a worker that is not stuck never opened it.
        List<Object> replies = new ArrayList<>(List.of(
                new JsonObject().put("sweep", "s").put("token", "t"), // no index
                "not an object",
                new Handout("s", 0, "t0", "answers", "beats", job("  file: " + secret + "\n")).toJson(),
                new Handout("s", 1, "t1", "answers", "beats", job("")).toJson()));
        vertx.eventBus().consumer(PointMessages.NEXT, m -> m.reply(replies.isEmpty()
                ? new PointMessages.Wait(100).toJson() : replies.remove(0)));
        vertx.eventBus().consumer("answers", m -> {
            answers.add(Answer.parse(m.body()));
            m.reply(new JsonObject().put("ok", true));
        });
        vertx.eventBus().consumer("beats", m -> {
            beats.incrementAndGet();
            m.reply(new PointMessages.HeartbeatAck(true).toJson());
        });
        ClusterWorker.PointRun simulating = ClusterWorker.simulating(TinyRuns.catalog(),
                FileAccess.only(List.of(allowed), null), 1);
        ClusterWorker worker = new ClusterWorker(vertx, "node", "me", job -> {
            RunSummary s = simulating.run(job);
            sleep(2 * PointMessages.HEARTBEAT_MILLIS + 500); // long enough for heartbeats
            return s;
        }, lines::add);
        long ran = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> worker.run(2L));
        assertEquals(2, ran);
        assertEquals(2, answers.size());
        Answer refused = answers.get(0);
        assertEquals(0, refused.index());
        assertTrue(refused.input() && refused.error().contains("workload.file: expected a file under")
                && refused.error().contains(allowed.toRealPath().toString()), refused.toString());
        Answer ran1 = answers.get(1);
        assertEquals("t1", ran1.token());
        assertEquals(96, ran1.summary().getJsonObject("programming").getLong("weights"));
        assertTrue(beats.get() >= 2, "heartbeats while the points ran: " + beats.get());
        assertTrue(lines.stream().anyMatch(l -> l.contains("dropped a message on xbarsim.sweep.next (a reply): "
                + "index: expected a whole number")), lines::toString);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
