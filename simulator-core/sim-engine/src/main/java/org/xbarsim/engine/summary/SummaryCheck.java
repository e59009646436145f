package org.xbarsim.engine.summary;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A summary that came from elsewhere (a cluster worker's answer, a file a resumed sweep finds) checked
 * before anything records or reads it: it reads as a {@link RunSummary} (every field of its type), every
 * number is in its range, the parts add up (tiles and layers to the whole, the error histogram to the
 * weights), and it is the summary of the point it claims to be (same name, seed and configuration). A
 * forged or damaged summary ({@code {}}, "success 100%" with a histogram that says otherwise, another
 * point's result) is a {@link Problem} naming the field.
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

    /** The summary in {@code json} when it reads and fits {@code expected}; a {@link Problem} otherwise. */
    public static RunSummary read(JsonObject json, Expected expected) {
        RunSummary s;
        try {
            s = RunSummary.fromJson(json.encode(), "summary");
        } catch (RuntimeException e) { // an InputError naming the field, or a number beyond its type
            throw new Problem(String.valueOf(e.getMessage()).replaceFirst("^summary: ", ""));
        }
        check(s, expected);
        return s;
    }

    /** Checks {@code s}; returns normally only when it fits the schema and {@code expected}. */
    public static void check(RunSummary s, Expected expected) {
        present(s.xbarsim(), "xbarsim");
        RunSummary.ScenarioRef scenario = present(s.scenario(), "scenario");
        if (!expected.name().equals(scenario.name())) {
            throw new Problem("scenario.name: expected '" + expected.name() + "', got another");
        }
        present(scenario.source(), "scenario.source");
        if (scenario.seed() != expected.seed()) {
            throw new Problem("scenario.seed: expected " + expected.seed() + ", got another");
        }
        if (!s.config().equals(expected.config())) {
            throw new Problem("config: expected the point's configuration (" + expected.config().size()
                    + " keys), got another");
        }
        RunSummary.Programming p = present(s.programming(), "programming");
        long weights = outcome(p.total(), "programming");
        histogram(present(p.errorHistogram(), "programming.errorHistogram"), weights);
        parts(p.layers(), RunSummary.LayerOutcome::outcome, "layers", p.total());
        parts(p.tiles(), RunSummary.TileOutcome::outcome, "tiles", p.total());
        if (s.inference() != null) {
            inference(s.inference());
        }
        run(present(s.run(), "run"));
    }

    private static <T> T present(T value, String path) {
        if (value == null) {
            throw new Problem(path + ": expected a value, found none");
        }
        return value;
    }

    /** The fields every outcome (the whole, a layer, a tile) has; returns its weights. */
    private static long outcome(RunSummary.Outcome o, String path) {
        long weights = atLeastZero(o.weights(), path + ".weights");
        atLeastZero(o.rows(), path + ".rows");
        atLeastZero(o.cycles(), path + ".cycles");
        share(o.successFraction(), path + ".successFraction");
        share(o.pfail(), path + ".pfail");
        if (Math.abs(o.pfail() - (1 - o.successFraction())) > SHARE_SLACK) {
            throw new Problem(path + ".pfail: expected 1 - successFraction, got " + o.pfail());
        }
        nonNegative(o.meanAbsErrorMicroSiemens(), path + ".meanAbsErrorMicroSiemens");
        nonNegative(o.pulseOpsPerRow(), path + ".pulseOpsPerRow");
        nonNegative(o.setOpsPerRow(), path + ".setOpsPerRow");
        nonNegative(o.resetOpsPerRow(), path + ".resetOpsPerRow");
        nonNegative(o.readOpsPerRow(), path + ".readOpsPerRow");
        nonNegative(o.timeSeconds(), path + ".timeSeconds");
        nonNegative(o.energyJoules(), path + ".energyJoules");
        return weights;
    }

    private static void histogram(RunSummary.Histogram h, long weights) {
        String path = "programming.errorHistogram";
        finite(h.lowMicroSiemens(), path + ".lowMicroSiemens");
        if (!(nonNegative(h.binWidthMicroSiemens(), path + ".binWidthMicroSiemens") > 0)) {
            throw new Problem(path + ".binWidthMicroSiemens: expected a width > 0");
        }
        List<Long> counts = bounded(h.counts(), path + ".counts", MAX_BINS);
        long sum = atLeastZero(h.below(), path + ".below") + atLeastZero(h.above(), path + ".above");
        for (int i = 0; i < counts.size(); i++) {
            sum += atLeastZero(counts.get(i), path + ".counts[" + i + "]");
        }
        if (sum != weights) {
            throw new Problem(path + ": expected counts adding up to the " + weights + " weights, got " + sum);
        }
    }

    /** Tiles or layers: their weights add up to the whole's, and so do the weights they programmed. */
    private static <T> void parts(List<T> list, java.util.function.Function<T, RunSummary.Outcome> outcome,
                                  String key, RunSummary.Outcome total) {
        String path = "programming." + key;
        List<T> parts = bounded(list, path, MAX_PARTS);
        long sum = 0;
        double succeeded = 0;
        for (int i = 0; i < parts.size(); i++) {
            RunSummary.Outcome o = outcome.apply(parts.get(i));
            long w = outcome(o, path + "[" + i + "]");
            sum += w;
            succeeded += w * o.successFraction();
        }
        if (sum != total.weights()) {
            throw new Problem(path + ": expected parts adding up to the " + total.weights() + " weights, got " + sum);
        }
        if (Math.abs(succeeded - total.weights() * total.successFraction())
                > SHARE_SLACK * Math.max(1, total.weights())) {
            throw new Problem("programming.successFraction: expected the " + key + "' successes, "
                    + succeeded / Math.max(1, total.weights()) + ", got " + total.successFraction());
        }
    }

    private static void inference(RunSummary.Inference i) {
        atLeastZero(i.samples(), "inference.samples");
        optionalShare(i.softwareAccuracy(), "inference.softwareAccuracy");
        optionalShare(i.analogAccuracy(), "inference.analogAccuracy");
        optionalNonNegative(i.softwareBitsPerChar(), "inference.softwareBitsPerChar");
        optionalNonNegative(i.analogBitsPerChar(), "inference.analogBitsPerChar");
        nonNegative(i.timeSecondsPerSample(), "inference.timeSecondsPerSample");
        nonNegative(i.energyJoulesPerSample(), "inference.energyJoulesPerSample");
        optionalNonNegative(i.wallSeconds(), "inference.wallSeconds");
    }

    private static void run(RunSummary.HostRun r) {
        optionalNonNegative(r.wallSeconds(), "run.wallSeconds");
        optionalNonNegative(r.weightsPerWallSecond(), "run.weightsPerWallSecond");
        atLeastZero(r.busEvents(), "run.busEvents");
        optionalShare(r.busShare(), "run.busShare");
        optionalShare(r.pauseShare(), "run.pauseShare");
        int threads = present(r.threads(), "run.threads");
        if (threads < 1 || threads > 1024) {
            throw new Problem("run.threads: expected 1..1024, got " + threads);
        }
    }

    private static <T> List<T> bounded(List<T> list, String path, int max) {
        if (list == null || list.size() > max) {
            throw new Problem(path + ": expected a list of at most " + max);
        }
        return list;
    }

    private static long atLeastZero(long v, String path) {
        if (v < 0) {
            throw new Problem(path + ": expected a whole number >= 0, got " + v);
        }
        return v;
    }

    private static double finite(double v, String path) {
        if (!Double.isFinite(v)) {
            throw new Problem(path + ": expected a finite number");
        }
        return v;
    }

    private static double nonNegative(double v, String path) {
        if (finite(v, path) < 0) {
            throw new Problem(path + ": expected a number >= 0, got " + v);
        }
        return v;
    }

    private static void optionalNonNegative(Double v, String path) {
        if (v != null) {
            nonNegative(v, path);
        }
    }

    private static void share(double v, String path) {
        if (finite(v, path) < 0 || v > 1) {
            throw new Problem(path + ": expected a fraction in 0..1, got " + v);
        }
    }

    private static void optionalShare(Double v, String path) {
        if (v != null) {
            share(v, path);
        }
    }
}
