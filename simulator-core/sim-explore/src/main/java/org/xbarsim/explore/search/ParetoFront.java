package org.xbarsim.explore.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The runs no other run beats on both Pfail and programming time: the trade-off a designer chooses
 * from. A run is on the front when every faster run (or equally fast, found earlier) fails more
 * weights.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** The front of a search's runs, fastest first (so Pfail falls along it). */
    public static List<Evaluation> of(List<Evaluation> runs) {
        return of(runs, Evaluation::timeSeconds, Evaluation::pfail);
    }

    /**
     * The front of any runs given their time and Pfail, fastest first; runs as fast and as good as an
     * earlier one (in the given order) are left out. The sort is stable, so ties keep that order.
     */
    public static <T> List<T> of(List<T> runs, ToDoubleFunction<T> time, ToDoubleFunction<T> pfail) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(time).thenComparingDouble(pfail));
        List<T> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (T e : sorted) {
            if (pfail.applyAsDouble(e) < best) {
                front.add(e);
                best = pfail.applyAsDouble(e);
            }
        }
        return front;
    }
}
