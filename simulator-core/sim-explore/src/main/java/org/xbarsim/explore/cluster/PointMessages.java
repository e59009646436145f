package org.xbarsim.explore.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.xbarsim.engine.scenario.ScenarioLoader;

/**
 * The messages of a clustered sweep, as typed records, each parsed from what arrived and validated
 * before anything uses it: every field present, of its type, within its bounds. Whatever does not
 * parse is a {@link MalformedMessage}, which the receiver drops and logs in one line; nothing a peer
 * sends reaches the code as a missing field or a wrong type.
 *
 * <p>The conversation: a worker {@link Ask}s at {@link #NEXT}; a coordinator answers {@link Wait} or a
 * {@link Handout} (a point with a token of its own); while it runs the point, the worker sends a
 * {@link Heartbeat} every {@link #HEARTBEAT_MILLIS} to the handout's heartbeat address, which answers
 * whether the point is still the worker's; at the end it sends an {@link Answer} (a summary or an
 * error) with the token to the handout's result address.
 */
public final class PointMessages {
    /** Where workers ask for work; every coordinator on the cluster listens here (Vert.x alternates). */
    public static final String NEXT = "xbarsim.sweep.next";
    /** A worker running a point says so this often. */
    public static final long HEARTBEAT_MILLIS = 2_000;
    /**
     * A point whose worker has not said so for this long goes to another worker: five heartbeats
     * missed, as long as Hazelcast waits before declaring a member gone (ClusterNode).
     */
    public static final long HEARTBEAT_LOSS_MILLIS = 10_000;
    /** Names, ids, addresses, paths, overrides, error lines: a line, not a document. */
    static final int MAX_LINE = 4096;
    /** The overrides of a point: a sweep's --set and one value per grid key. */
    static final int MAX_OVERRIDES = 1024;

    private PointMessages() {
    }

    /** A worker asking for a point. */
    public record Ask(String node, String worker) {
        public JsonObject toJson() {
            return new JsonObject().put("node", node).put("worker", worker);
        }

        public static Ask parse(Object body) {
            Fields f = Fields.of(body);
            return new Ask(f.line("node"), f.line("worker"));
        }
    }

    /** A coordinator's answer to an {@link Ask}: nothing to do yet, or a point. */
    public sealed interface Reply permits Wait, Handout {
        JsonObject toJson();

        static Reply parse(Object body) {
            Fields f = Fields.of(body);
            if (f.has("wait")) {
                return new Wait(f.whole("wait", 1, 60_000));
            }
            return Handout.parse(f);
        }
    }

    /** Ask again after this long. */
    public record Wait(long millis) implements Reply {
        @Override
        public JsonObject toJson() {
            return new JsonObject().put("wait", millis);
        }
    }

    /**
     * What a worker needs to run a point: the scenario text as the coordinator read it, the file name
     * and place it stood (relative paths resolve there, and must still be under the worker's allowed
     * directories), the overrides of the sweep and of the point, and the seed.
     */
    public record PointJob(String name, String scenarioText, String source, String location, List<String> overrides,
                           Long seed) {
        JsonObject toJson() {
            return new JsonObject().put("name", name).put("scenarioText", scenarioText).put("source", source)
                    .put("location", location).put("overrides", new JsonArray(List.copyOf(overrides)))
                    .put("seed", seed);
        }

        static PointJob parse(Fields f) {
            Fields job = f.object("job");
            String text = job.text("scenarioText", (int) ScenarioLoader.MAX_FILE_BYTES);
            JsonArray list = job.array("overrides", MAX_OVERRIDES);
            List<String> overrides = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.getValue(i) instanceof String s) || s.length() > MAX_LINE) {
                    throw new MalformedMessage("job.overrides[" + i + "]: expected a line of text");
                }
                overrides.add(s);
            }
            Long seed = job.has("seed") && job.raw("seed") != null ? job.whole("seed", 0, Long.MAX_VALUE) : null;
            return new PointJob(job.line("name"), text, job.line("source"), job.line("location"),
                    List.copyOf(overrides), seed);
        }
    }

    /** A point handed to one worker, with the token that alone lets that worker answer for it. */
    public record Handout(String sweep, int index, String token, String replyTo, String heartbeatTo, PointJob job)
            implements Reply {
        @Override
        public JsonObject toJson() {
            return new JsonObject().put("sweep", sweep).put("index", index).put("token", token)
                    .put("replyTo", replyTo).put("heartbeatTo", heartbeatTo).put("job", job.toJson());
        }

        static Handout parse(Fields f) {
            return new Handout(f.line("sweep"), (int) f.whole("index", 0, Integer.MAX_VALUE), f.line("token"),
                    f.line("replyTo"), f.line("heartbeatTo"), PointJob.parse(f));
        }
    }

    /** A worker still running a point. */
    public record Heartbeat(String sweep, int index, String token) {
        public JsonObject toJson() {
            return new JsonObject().put("sweep", sweep).put("index", index).put("token", token);
        }

        public static Heartbeat parse(Object body) {
            Fields f = Fields.of(body);
            return new Heartbeat(f.line("sweep"), (int) f.whole("index", 0, Integer.MAX_VALUE), f.line("token"));
        }
    }

    /** The coordinator's answer to a heartbeat: whether the point is still this worker's to finish. */
    public record HeartbeatAck(boolean keep) {
        public JsonObject toJson() {
            return new JsonObject().put("keep", keep);
        }

        public static HeartbeatAck parse(Object body) {
            return new HeartbeatAck(Fields.of(body).bool("keep"));
        }
    }

    /**
     * A worker's answer for a point: its summary, or the error that stopped it ({@code input}: the
     * point's scenario is at fault, not the worker).
     */
    public record Answer(String sweep, int index, String token, String worker, JsonObject summary, String error,
                         boolean input) {
        public JsonObject toJson() {
            JsonObject o = new JsonObject().put("sweep", sweep).put("index", index).put("token", token)
                    .put("worker", worker);
            return summary != null ? o.put("summary", summary) : o.put("error", error).put("input", input);
        }

        public static Answer parse(Object body) {
            Fields f = Fields.of(body);
            String sweep = f.line("sweep");
            int index = (int) f.whole("index", 0, Integer.MAX_VALUE);
            String token = f.line("token");
            String worker = f.line("worker");
            if (f.has("summary")) {
                return new Answer(sweep, index, token, worker, f.object("summary").json(), null, false);
            }
            return new Answer(sweep, index, token, worker, null, f.line("error"), f.bool("input"));
        }
    }

    /** A message body's fields, each checked as it is read. */
    record Fields(JsonObject json) {
        static Fields of(Object body) {
            if (!(body instanceof JsonObject o)) {
                throw new MalformedMessage("expected a JSON object, got " + (body == null ? "nothing"
                        : body.getClass().getSimpleName()));
            }
            return new Fields(o);
        }

        boolean has(String key) {
            return json.containsKey(key);
        }

        Object raw(String key) {
            return json.getValue(key);
        }

        String text(String key, int max) {
            Object v = json.getValue(key);
            if (!(v instanceof String s)) {
                throw new MalformedMessage(key + ": expected text, got " + (v == null ? "nothing" : "another type"));
            }
            if (s.length() > max) {
                throw new MalformedMessage(key + ": expected at most " + max + " characters, got " + s.length());
            }
            return s;
        }

        /** Text of one line: a peer's text ends up in this process's messages. */
        String line(String key) {
            String s = text(key, MAX_LINE);
            for (int i = 0; i < s.length(); i++) {
                if (Character.isISOControl(s.charAt(i))) {
                    throw new MalformedMessage(key + ": expected one line of text");
                }
            }
            return s;
        }

        long whole(String key, long lo, long hi) {
            Object v = json.getValue(key);
            if (v instanceof Number n && (n instanceof Integer || n instanceof Long) && n.longValue() >= lo
                    && n.longValue() <= hi) {
                return n.longValue();
            }
            throw new MalformedMessage(key + ": expected a whole number in " + lo + ".." + hi + ", got "
                    + (v == null ? "nothing" : v instanceof Number ? v : "another type"));
        }

        boolean bool(String key) {
            if (json.getValue(key) instanceof Boolean b) {
                return b;
            }
            throw new MalformedMessage(key + ": expected true or false");
        }

        Fields object(String key) {
            if (json.getValue(key) instanceof JsonObject o) {
                return new Fields(o);
            }
            throw new MalformedMessage(key + ": expected an object");
        }

        JsonArray array(String key, int max) {
            if (json.getValue(key) instanceof JsonArray a && a.size() <= max) {
                return a;
            }
            throw new MalformedMessage(key + ": expected a list of at most " + max);
        }
    }
}
