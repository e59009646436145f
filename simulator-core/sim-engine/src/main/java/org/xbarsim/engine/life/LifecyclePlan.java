package org.xbarsim.engine.life;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.param.Parameters;

/**
 * A working life as the {@code lifecycle.*} keys describe it, resolved: times in seconds after the
 * end of the first programming.
 *
 * @param durationSeconds    how long the life lasts
 * @param requestRate        requests a second the network serves, one sample each
 * @param evaluations        when the network is evaluated, in increasing order
 * @param evaluationSamples  samples at each evaluation (0: the whole evaluation set)
 * @param compensationEvery  period of drift-compensation reads (the first one period in, none at the very
 *                           end: the life ends there); 0 for none
 * @param refreshEvery       period of refreshes in place, alike; 0 for none
 * @param refreshTrigger     refresh when a compensation read finds more than this fraction of the weights
 *                           out of tolerance; 0 for never
 * @param refreshTolerance   how far from its target a weight may be before a refresh programs it again, uS
 * @param baseline           whether the same life is also followed without any refresh
 * @param swapAt             when a new network is loaded; 0 (or the end of the life or later) for never
 * @param swapModel          the new network's model (the workload's {@code model}), or null for the same network
 */
public record LifecyclePlan(double durationSeconds, double requestRate, List<Double> evaluations,
                            int evaluationSamples, double compensationEvery, double refreshEvery,
                            double refreshTrigger, double refreshTolerance, boolean baseline, double swapAt,
                            String swapModel) {
    public LifecyclePlan {
        evaluations = List.copyOf(evaluations);
    }

    /**
     * The plan of a scenario's {@code lifecycle.*} parameters; a weight is out of tolerance when further
     * than {@code lifecycle.refresh.tolerance} times {@code programmingTolerance} from its target.
     */
    public static LifecyclePlan of(Parameters p, double programmingTolerance) {
        double duration = p.number("duration");
        return new LifecyclePlan(duration, p.number("requestRate"),
                logSpaced(Math.min(p.number("evaluation.first"), duration), duration, p.integer("evaluation.points")),
                p.integer("evaluation.samples"), p.number("compensation.every"), p.number("refresh.every"),
                p.number("refresh.trigger"), p.number("refresh.tolerance") * programmingTolerance,
                p.text("refresh.baseline").equals("on"), p.number("swap.at"),
                p.has("swap.model") ? p.text("swap.model") : null);
    }

    /** {@code n} times from {@code first} to {@code last} at a constant ratio ({@code first} alone for one). */
    static List<Double> logSpaced(double first, double last, int n) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(n == 1 ? first : first * Math.pow(last / first, i / (double) (n - 1)));
        }
        // The last one exactly at the end, not a rounding away from it.
        if (n > 1) {
            times.set(n - 1, last);
        }
        return times;
    }

    /** Whether the life refreshes, on a schedule or a trigger. */
    public boolean refreshes() {
        return refreshEvery > 0 || refreshTrigger > 0;
    }

    /** The same life without any refresh. */
    public LifecyclePlan withoutRefresh() {
        return new LifecyclePlan(durationSeconds, requestRate, evaluations, evaluationSamples, compensationEvery, 0,
                0, refreshTolerance, false, swapAt, swapModel);
    }
}
