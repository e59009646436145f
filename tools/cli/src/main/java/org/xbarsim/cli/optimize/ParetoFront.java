package org.xbarsim.cli.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runs no other run beats on both Pfail and programming time: the trade-off a designer chooses
 * from. A run is on the front when every faster run (or equally fast, found earlier) fails more
 * weights.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** The front, fastest first (so Pfail falls along it). */
    public static List<Evaluation> of(List<Evaluation> runs) {
        List<Evaluation> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Evaluation::timeSeconds).thenComparingDouble(Evaluation::pfail)
                .thenComparingInt(Evaluation::index));
        List<Evaluation> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (Evaluation e : sorted) {
            if (e.pfail() < best) {
                front.add(e);
                best = e.pfail();
            }
        }
        return front;
    }
}
