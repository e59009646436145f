package org.xbarsim.engine.summary;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a summary that a sweep tabulates and a search can minimise or limit: every numeric
 * field reachable from a section of {@link RunSummary} through records (not lists, not maps, not
 * {@link NotAMetric} fields), named by its path as in the file: {@code programming.pfail},
 * {@code inference.analogAccuracy}, {@code run.wallSeconds}. A field added to the tree is a metric at
 * once. Paths are found from the record types, so they are the same for every summary; a value is
 * null where a summary lacks the section (inference of a weight-only run) or the number.
 */
public final class SummaryMetrics {
    /**
     * The metrics that measure the host rather than the simulation: wall times, rates, threads, the
     * event loops' bus and pause shares. Everything else is the same for every run of a scenario and seed.
     */
    public static final List<String> HOST = List.of("inference.wallSeconds", "run.wallSeconds", "run.busShare",
            "run.pauseShare", "run.weightsPerWallSecond", "run.threads", "run.timelineBufferedRows",
            "run.peakResidentBytes", "run.residentBytesPerDevice", "lifecycle.wallSeconds");

    /** Every metric path, in the order of the file. */
    public static final List<String> PATHS;
    private static final Map<String, List<RecordComponent>> ROUTES;

    static {
        Map<String, List<RecordComponent>> routes = new LinkedHashMap<>();
        for (RecordComponent section : RunSummary.class.getRecordComponents()) {
            if (section.getType().isRecord() && !section.isAnnotationPresent(NotAMetric.class)) {
                walk(section.getType(), section.getName(), new ArrayList<>(List.of(section)), routes);
            }
        }
        ROUTES = Collections.unmodifiableMap(routes);
        PATHS = List.copyOf(routes.keySet());
    }

    private SummaryMetrics() {
    }

    private static void walk(Class<?> type, String path, List<RecordComponent> route,
                             Map<String, List<RecordComponent>> routes) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.isAnnotationPresent(NotAMetric.class)) {
                continue;
            }
            List<RecordComponent> next = new ArrayList<>(route);
            next.add(c);
            boolean inline = c.isAnnotationPresent(Inline.class);
            String at = inline ? path : path + "." + c.getName();
            if (c.getType().isRecord()) {
                walk(c.getType(), at, next, routes);
            } else if (isNumber(c.getType())) {
                routes.put(at, List.copyOf(next));
            }
        }
    }

    private static boolean isNumber(Class<?> t) {
        return t == double.class || t == long.class || t == int.class || Number.class.isAssignableFrom(t);
    }

    /** Whether {@code path} names a metric. */
    public static boolean has(String path) {
        return ROUTES.containsKey(path);
    }

    /** The metric's value in a summary, or null when the summary does not have it (or it is not finite). */
    public static Double value(RunSummary summary, String path) {
        List<RecordComponent> route = ROUTES.get(path);
        if (route == null) {
            throw new IllegalArgumentException("no summary metric " + path);
        }
        Object node = summary;
        for (RecordComponent c : route) {
            node = RecordJson.get(c, (Record) node);
            if (node == null) {
                return null;
            }
        }
        double v = ((Number) node).doubleValue();
        return Double.isFinite(v) ? v : null;
    }

    /** Every metric of a summary, in {@link #PATHS} order (nulls where absent). */
    public static Map<String, Double> values(RunSummary summary) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String p : PATHS) {
            out.put(p, value(summary, p));
        }
        return out;
    }
}
