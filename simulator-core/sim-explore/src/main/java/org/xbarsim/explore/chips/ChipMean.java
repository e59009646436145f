package org.xbarsim.explore.chips;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.xbarsim.engine.summary.NotAMetric;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.engine.summary.SummaryMetrics;
import org.xbarsim.engine.summary.RunSummary.Inference;
import org.xbarsim.engine.summary.RunSummary.Programming;

/**
 * One candidate's runs on several chips (seeds) as one summary whose figures are their means: what a
 * search then scores, so that it finds conditions that hold across device populations rather than
 * ones that suit a single chip. Every real-valued figure of the programming outcome and the inference
 * is averaged (fields added to the summary later too); counts (weights, rows, cycles, samples), the
 * per-layer and per-tile outcomes, the error histogram and everything else are the first chip's, and
 * {@code chips} records the seeds and how every metric spreads over the chips (mean, sd, min, max).
 * A mean here is the same number as its {@link Spread#mean()}: both sum left to right in seed order.
 */
public final class ChipMean {
    private ChipMean() {
    }

    /**
     * @param summaries one per chip, in seed order
     * @param seeds     the seeds they ran with
     */
    public static RunSummary of(List<RunSummary> summaries, List<Long> seeds) {
        if (summaries.size() == 1) {
            return summaries.get(0);
        }
        RunSummary first = summaries.get(0);
        Programming p = mean(Programming.class, summaries.stream().map(RunSummary::programming).toList());
        Inference i = mean(Inference.class, summaries.stream().map(RunSummary::inference).toList());
        return first.withResults(p, i, new RunSummary.ChipMeans(summaries.size(), List.copyOf(seeds),
                spreads(summaries)));
    }

    /**
     * Every metric some chip has, with its spread over the chips, in the order of the summary; the
     * host's figures (wall times, threads) are left out: they measure the machine, not the chips.
     */
    static List<RunSummary.MetricSpread> spreads(List<RunSummary> summaries) {
        List<RunSummary.MetricSpread> out = new ArrayList<>();
        for (String path : SummaryMetrics.PATHS) {
            if (SummaryMetrics.HOST.contains(path)) {
                continue;
            }
            Spread s = Spread.of(summaries.stream().map(r -> r.metric(path)).toList());
            if (s != null) {
                out.add(new RunSummary.MetricSpread(path, s));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The record whose every real number (double or Double, in nested records too) is the mean over
     * {@code values}; whole numbers, text, lists and parts marked {@link NotAMetric} are the first's. A
     * figure one record lacks (null) has no mean; a section one record lacks is the first's.
     */
    private static <R extends Record> R mean(Class<R> type, List<R> values) {
        if (values.contains(null)) {
            return values.get(0);
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            types[c] = components[c].getType();
            args[c] = meanOf(components[c], values);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object meanOf(RecordComponent c, List<? extends Record> values) {
        List<Object> parts = values.stream().map(v -> get(c, v)).toList();
        Class<?> t = c.getType();
        if (t == double.class || t == Double.class) {
            return parts.contains(null) ? null : mean(parts);
        }
        if (t.isRecord() && !c.isAnnotationPresent(NotAMetric.class)) {
            return mean((Class) t, (List) parts);
        }
        return parts.get(0);
    }

    /** The chips' mean as {@link Spread#of} takes it; a non-finite figure makes it non-finite, as it is. */
    private static double mean(List<Object> parts) {
        List<Double> values = parts.stream().map(x -> (Double) x).toList();
        if (values.stream().allMatch(Double::isFinite)) {
            return Spread.of(values).mean();
        }
        double sum = 0;
        for (double x : values) {
            sum += x;
        }
        return sum / values.size();
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
