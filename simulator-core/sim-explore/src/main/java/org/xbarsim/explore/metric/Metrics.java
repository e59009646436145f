package org.xbarsim.explore.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.summary.SummaryMetrics;

/**
 * Every metric of a run summary, found from the summary's record types: a field added to the summary
 * is a metric here at once. The short names of the command line ({@code pfail}, {@code time},
 * {@code energy}) are aliases of the programming figures.
 */
public final class Metrics {
    // First: the constants below are looked up through it.
    private static final Map<String, String> ALIASES = Map.of("pfail", "programming.pfail", "time",
            "programming.timeSeconds", "energy", "programming.energyJoules", "accuracy", "inference.analogAccuracy",
            "bitsPerChar", "inference.analogBitsPerChar");

    public static final Metric PFAIL = of("programming.pfail");
    public static final Metric SUCCESS = of("programming.successFraction");
    public static final Metric TIME = of("programming.timeSeconds");
    public static final Metric ENERGY = of("programming.energyJoules");
    public static final Metric WEIGHTS = of("programming.weights");
    public static final Metric PULSE_OPS = of("programming.pulseOpsPerRow");
    public static final Metric SOFTWARE_ACCURACY = of("inference.softwareAccuracy");
    public static final Metric ANALOG_ACCURACY = of("inference.analogAccuracy");
    public static final Metric SOFTWARE_BITS_PER_CHAR = of("inference.softwareBitsPerChar");
    public static final Metric ANALOG_BITS_PER_CHAR = of("inference.analogBitsPerChar");
    public static final Metric INFERENCE_ENERGY = of("inference.energyJoulesPerSample");
    public static final Metric WALL = of("run.wallSeconds");

    private Metrics() {
    }

    /** Every metric, in the order of summary.json. */
    public static List<Metric> all() {
        List<Metric> all = new ArrayList<>();
        for (String path : SummaryMetrics.PATHS) {
            all.add(of(path));
        }
        return all;
    }

    /** Whether {@code name} is a metric path or alias. */
    public static boolean known(String name) {
        return ALIASES.containsKey(name) || SummaryMetrics.has(name);
    }

    /** A metric by path ({@code inference.analogAccuracy}) or alias ({@code pfail}); else an IllegalArgumentException. */
    public static Metric of(String name) {
        String path = ALIASES.getOrDefault(name, name);
        if (!SummaryMetrics.has(path)) {
            throw new IllegalArgumentException("no summary metric " + name);
        }
        String field = path.substring(path.lastIndexOf('.') + 1);
        boolean higher = field.endsWith("Accuracy") || field.equals("successFraction")
                || field.endsWith("PerWallSecond") || field.equals("samplesPerSecond") || field.startsWith("topsPer");
        return new Metric(path, Metric.Unit.ofPath(path), higher);
    }

    /** As {@link #of}, with a mistake an InputError on {@code option} that lists what there is. */
    public static Metric parse(String option, String name) {
        if (known(name.trim())) {
            return of(name.trim());
        }
        throw new InputError(option, name, "expected a summary metric: pfail, time, energy, accuracy, bitsPerChar or "
                + "a path such as " + String.join(", ", SummaryMetrics.PATHS.subList(0, 6)) + ", ... (every "
                + "number of summary.json; README, \"Summary fields\")");
    }
}
