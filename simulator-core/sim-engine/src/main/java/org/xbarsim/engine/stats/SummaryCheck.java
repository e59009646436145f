package org.xbarsim.engine.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A summary that came from elsewhere (a cluster worker's answer, a file a resumed sweep finds) checked
 * against the result schema of {@link Summary#build} before anything records or reads it: every field
 * present, of its type, in its range, the parts adding up (tiles and layers to the whole, the error
 * histogram to the weights), and it is the summary of the point it claims to be (same name, seed and
 * configuration). A forged or damaged summary ({@code {}}, "success 100%" with a histogram that says
 * otherwise, another point's result) is a {@link Problem} naming the field.
 */
public final class SummaryCheck {
    /** More tiles or layers than a chip of 4.3e9 weights has: not a summary xbarsim wrote. */
    static final int MAX_PARTS = 1 << 16;
    /** The histogram's bins (ErrorHistogram): a few dozen; a bound, not the number. */
    static final int MAX_BINS = 1 << 12;
    /** Whole numbers in a summary add up weights; the parts may differ from the whole by rounding only. */
    static final double SHARE_SLACK = 1e-9;

    private SummaryCheck() {
    }

    /** What a summary does not fit; its message names the field. */
    public static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message);
        }
    }

    /**
     * The point a summary must be of: the scenario's name, seed and effective configuration as the
     * coordinator loaded it.
     */
    public record Expected(String name, long seed, Map<String, String> config) {
    }

    /** Checks {@code s}; returns normally only when it fits the schema and {@code expected}. */
    public static void check(JsonObject s, Expected expected) {
        text(s, "xbarsim");
        JsonObject scenario = object(s, "scenario");
        if (!expected.name().equals(text(scenario, "name"))) {
            throw new Problem("scenario.name: expected '" + expected.name() + "', got another");
        }
        text(scenario, "source");
        if (whole(scenario, "seed", "scenario.seed") != expected.seed()) {
            throw new Problem("scenario.seed: expected " + expected.seed() + ", got another");
        }
        for (Map.Entry<String, Object> e : object(s, "plugins")) {
            if (!(e.getValue() instanceof String)) {
                throw new Problem("plugins." + e.getKey() + ": expected text");
            }
        }
        JsonObject config = object(s, "config");
        if (!config.getMap().equals(expected.config())) {
            throw new Problem("config: expected the point's configuration (" + expected.config().size()
                    + " keys), got another");
        }
        JsonObject p = object(s, "programming");
        long weights = outcome(p, "programming");
        histogram(object(p, "errorHistogram"), weights);
        parts(p, "layers", weights);
        parts(p, "tiles", weights);
        if (s.containsKey("inference")) {
            inference(object(s, "inference"));
        }
        run(object(s, "run"));
    }

    /** The fields every outcome (the whole, a layer, a tile) has; returns its weights. */
    private static long outcome(JsonObject o, String path) {
        long weights = whole(o, "weights", path + ".weights");
        whole(o, "rows", path + ".rows");
        double success = share(o, "successFraction", path);
        double pfail = share(o, "pfail", path);
        if (Math.abs(pfail - (1 - success)) > SHARE_SLACK) {
            throw new Problem(path + ".pfail: expected 1 - successFraction, got " + pfail);
        }
        for (String f : new String[] {"meanAbsErrorMicroSiemens", "pulseOpsPerRow", "setOpsPerRow", "resetOpsPerRow",
            "readOpsPerRow", "timeSeconds", "energyJoules"}) {
            nonNegative(o, f, path);
        }
        whole(o, "cycles", path + ".cycles");
        return weights;
    }

    private static void histogram(JsonObject h, long weights) {
        String path = "programming.errorHistogram";
        finite(h, "lowMicroSiemens", path);
        if (!(nonNegative(h, "binWidthMicroSiemens", path) > 0)) {
            throw new Problem(path + ".binWidthMicroSiemens: expected a width > 0");
        }
        JsonArray counts = array(h, "counts", path, MAX_BINS);
        long sum = whole(h, "below", path + ".below") + whole(h, "above", path + ".above");
        for (int i = 0; i < counts.size(); i++) {
            if (!(counts.getValue(i) instanceof Number n) || !isWhole(n) || n.longValue() < 0) {
                throw new Problem(path + ".counts[" + i + "]: expected a whole number >= 0");
            }
            sum += n.longValue();
        }
        if (sum != weights) {
            throw new Problem(path + ": expected counts adding up to the " + weights + " weights, got " + sum);
        }
    }

    /** Tiles or layers: their weights add up to the whole's, and so do the weights they programmed. */
    private static void parts(JsonObject p, String key, long weights) {
        String path = "programming." + key;
        JsonArray a = array(p, key, path, MAX_PARTS);
        long sum = 0;
        double succeeded = 0;
        for (int i = 0; i < a.size(); i++) {
            String where = path + "[" + i + "]";
            if (!(a.getValue(i) instanceof JsonObject part)) {
                throw new Problem(where + ": expected an object");
            }
            long w = outcome(part, where);
            sum += w;
            succeeded += w * part.getDouble("successFraction");
            whole(part, "layer", where + ".layer");
        }
        if (sum != weights) {
            throw new Problem(path + ": expected parts adding up to the " + weights + " weights, got " + sum);
        }
        double whole = weights * p.getDouble("successFraction");
        if (Math.abs(succeeded - whole) > SHARE_SLACK * Math.max(1, weights)) {
            throw new Problem("programming.successFraction: expected the " + key + "' successes, "
                    + succeeded / Math.max(1, weights) + ", got " + p.getDouble("successFraction"));
        }
    }

    private static void inference(JsonObject i) {
        String path = "inference";
        whole(i, "samples", path + ".samples");
        for (String f : new String[] {"softwareAccuracy", "analogAccuracy"}) {
            if (i.getValue(f) != null) {
                share(i, f, path);
            }
        }
        for (String f : new String[] {"softwareBitsPerChar", "analogBitsPerChar"}) {
            if (i.getValue(f) != null) {
                nonNegative(i, f, path);
            }
        }
        for (String f : new String[] {"timeSecondsPerSample", "energyJoulesPerSample", "wallSeconds"}) {
            nonNegative(i, f, path);
        }
    }

    private static void run(JsonObject r) {
        for (String f : new String[] {"wallSeconds", "weightsPerWallSecond"}) {
            nonNegative(r, f, "run");
        }
        whole(r, "busEvents", "run.busEvents");
        for (String f : new String[] {"busShare", "pauseShare"}) {
            if (r.getValue(f) != null) {
                share(r, f, "run");
            }
        }
        long threads = whole(r, "threads", "run.threads");
        if (threads < 1 || threads > 1024) {
            throw new Problem("run.threads: expected 1..1024, got " + threads);
        }
    }

    private static JsonObject object(JsonObject o, String key) {
        if (o.getValue(key) instanceof JsonObject v) {
            return v;
        }
        throw new Problem(key + ": expected an object");
    }

    private static JsonArray array(JsonObject o, String key, String path, int max) {
        if (o.getValue(key) instanceof JsonArray a && a.size() <= max) {
            return a;
        }
        throw new Problem(path + ": expected a list of at most " + max);
    }

    private static String text(JsonObject o, String key) {
        if (o.getValue(key) instanceof String s) {
            return s;
        }
        throw new Problem(key + ": expected text");
    }

    private static boolean isWhole(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static long whole(JsonObject o, String key, String path) {
        if (o.getValue(key) instanceof Number n && isWhole(n) && n.longValue() >= 0) {
            return n.longValue();
        }
        throw new Problem(path + ": expected a whole number >= 0");
    }

    private static double finite(JsonObject o, String key, String path) {
        if (o.getValue(key) instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new Problem(path + "." + key + ": expected a finite number");
    }

    private static double nonNegative(JsonObject o, String key, String path) {
        double v = finite(o, key, path);
        if (v < 0) {
            throw new Problem(path + "." + key + ": expected a number >= 0, got " + v);
        }
        return v;
    }

    private static double share(JsonObject o, String key, String path) {
        double v = finite(o, key, path);
        if (v < 0 || v > 1) {
            throw new Problem(path + "." + key + ": expected a fraction in 0..1, got " + v);
        }
        return v;
    }
}
