package org.xbarsim.explore.sweep;

import java.util.List;
import org.xbarsim.explore.runner.PointResult;

/**
 * A sweep's results: its axes (ranges expanded) and each point's result in point order.
 */
public record SweepResult(List<Axis> axes, List<PointResult> results) {
    public SweepResult {
        axes = List.copyOf(axes);
        results = List.copyOf(results);
    }

    /** The results as a table: one row per point, its axis values and every metric. */
    public SweepTable table() {
        return SweepTable.of(axes, results);
    }
}
