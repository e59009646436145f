package org.xbarsim.explore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.xbarsim.explore.cluster.PointMessages.Answer;
import org.xbarsim.explore.cluster.PointMessages.Ask;
import org.xbarsim.explore.cluster.PointMessages.Handout;
import org.xbarsim.explore.cluster.PointMessages.Heartbeat;
import org.xbarsim.explore.cluster.PointMessages.PointJob;
import org.xbarsim.explore.cluster.PointMessages.Reply;
import org.xbarsim.explore.cluster.PointMessages.Wait;

class PointMessagesTest {
    private static final PointJob JOB = new PointJob("t", "name: t\n", "t.yaml", "/x/t.yaml", List.of("seed=2"), 5L);
    private static final Handout HANDOUT = new Handout("s", 3, "ab".repeat(16), "r", "h", JOB);

    @Test
    void everyMessageSurvivesTheWire() {
        assertEquals(new Ask("n", "w"), Ask.parse(new JsonObject(new Ask("n", "w").toJson().encode())));
        assertEquals(HANDOUT, Reply.parse(new JsonObject(HANDOUT.toJson().encode())));
        assertEquals(new Wait(500), Reply.parse(new Wait(500).toJson()));
        Heartbeat beat = new Heartbeat("s", 3, "t");
        assertEquals(beat, Heartbeat.parse(beat.toJson()));
        Answer error = new Answer("s", 3, "t", "w", null, "boom", true);
        assertEquals(error, Answer.parse(error.toJson()));
        Answer summary = new Answer("s", 3, "t", "w", new JsonObject().put("a", 1), null, false);
        assertEquals(summary, Answer.parse(summary.toJson()));
        PointJob noSeed = new PointJob("t", "x", "t.yaml", "/t.yaml", List.of(), null);
        Handout h = new Handout("s", 0, "t", "r", "h", noSeed);
        assertEquals(h, Reply.parse(h.toJson()));
    }

    private static JsonObject handout(Function<JsonObject, JsonObject> edit) {
        return edit.apply(HANDOUT.toJson());
    }

    @Test
    void everyMalformedReplyIsAMalformedMessageNeverAnotherException() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("not an object", "a string");
        bad.put("nothing", null);
        bad.put("a buffer", Buffer.buffer("{}"));
        bad.put("an array", new JsonArray().add(1));
        bad.put("empty", new JsonObject());
        bad.put("no index", handout(o -> { o.remove("index"); return o; }));
        bad.put("index text", handout(o -> o.put("index", "3")));
        bad.put("index negative", handout(o -> o.put("index", -1)));
        bad.put("index fraction", handout(o -> o.put("index", 1.5)));
        bad.put("index huge", handout(o -> o.put("index", 1L << 40)));
        bad.put("no token", handout(o -> { o.remove("token"); return o; }));
        bad.put("token with a newline", handout(o -> o.put("token", "a\nb")));
        bad.put("no job", handout(o -> { o.remove("job"); return o; }));
        bad.put("job not an object", handout(o -> o.put("job", "x")));
        bad.put("scenario too long", handout(o -> { o.getJsonObject("job").put("scenarioText",
                "x".repeat((1 << 20) + 1)); return o; }));
        bad.put("scenario a number", handout(o -> { o.getJsonObject("job").put("scenarioText", 3); return o; }));
        bad.put("overrides not a list", handout(o -> { o.getJsonObject("job").put("overrides", "a=b"); return o; }));
        bad.put("an override not text", handout(o -> { o.getJsonObject("job").put("overrides",
                new JsonArray().add(3)); return o; }));
        bad.put("too many overrides", handout(o -> { o.getJsonObject("job").put("overrides",
                new JsonArray(new ArrayList<>(Collections.nCopies(5000, "a=b")))); return o; }));
        bad.put("seed negative", handout(o -> { o.getJsonObject("job").put("seed", -1); return o; }));
        bad.put("seed text", handout(o -> { o.getJsonObject("job").put("seed", "1"); return o; }));
        bad.put("location a megabyte", handout(o -> { o.getJsonObject("job").put("location", "/".repeat(1 << 20));
            return o; }));
        bad.put("wait text", new JsonObject().put("wait", "soon"));
        bad.put("wait an hour", new JsonObject().put("wait", 3_600_000));
        int tried = 0;
        List<String> unclean = new ArrayList<>();
        for (var e : bad.entrySet()) {
            tried++;
            try {
                Reply.parse(e.getValue());
                unclean.add(e.getKey() + ": accepted");
            } catch (MalformedMessage m) {
                assertFalse(m.getMessage().contains("\n"), m.getMessage());
            } catch (RuntimeException other) {
                unclean.add(e.getKey() + ": " + other);
            }
        }
        // Answers, asks and heartbeats likewise.
        for (Object body : List.of(new JsonObject(), "x", new JsonObject().put("sweep", "s").put("index", 0)
                        .put("token", "t").put("worker", "w"),
                new JsonObject().put("sweep", "s").put("index", 0).put("token", "t").put("worker", "w")
                        .put("summary", "not an object"),
                new JsonObject().put("sweep", "s").put("index", 0).put("token", "t").put("worker", "w")
                        .put("error", "e"))) {
            tried++;
            try {
                Answer.parse(body);
                unclean.add("answer " + body + ": accepted");
            } catch (MalformedMessage m) {
                // dropped, as it should be
            }
        }
        for (Object body : List.of(new JsonObject(), 3, new JsonObject().put("node", 1).put("worker", "w"))) {
            tried++;
            try {
                Ask.parse(body);
                unclean.add("ask " + body + ": accepted");
            } catch (MalformedMessage m) {
                // dropped
            }
        }
        System.out.printf("PointMessagesTest: %d tried, %d clean%n", tried, tried - unclean.size());
        assertEquals(List.of(), unclean);
        assertInstanceOf(Handout.class, Reply.parse(HANDOUT.toJson()));
    }
}
