package org.xbarsim.engine.life;

import java.util.ArrayList;
import java.util.List;

/**
 * The books of one life: when the network was offline and for what, the energy of each activity, how
 * often each ran, and the evaluations; at the end, the serving energy and availability they imply.
 */
final class LifeBook {
    /** What took the network offline. */
    enum Activity { COMPENSATION, REFRESH, SWAP }

    private final double[] downSeconds = new double[Activity.values().length];
    private final double[] joules = new double[Activity.values().length];
    private final long[] counts = new long[Activity.values().length];
    private final List<double[]> downs = new ArrayList<>();
    private final List<LifecycleResult.Evaluation> evaluations = new ArrayList<>();
    private long weightsRefreshed;

    /** An activity took the network offline from {@code seconds} for {@code length} seconds, at {@code energy} J. */
    void offline(Activity a, double seconds, double length, double energy) {
        downSeconds[a.ordinal()] += length;
        joules[a.ordinal()] += energy;
        counts[a.ordinal()]++;
        downs.add(new double[] {seconds, length});
    }

    void refreshed(long weights) {
        weightsRefreshed += weights;
    }

    void evaluated(LifecycleResult.Evaluation e) {
        evaluations.add(e);
    }

    /**
     * The life's figures: the serving energy is the request rate times each evaluation's energy per
     * sample, over the time from it to the next evaluation (from the life's start for the first, to its
     * end for the last), less the time offline in that span (an activity that outlasts the life counts
     * up to its end there, and in full in the down time).
     */
    LifecycleResult.Life close(LifecyclePlan plan, boolean refreshes, double firstSeconds, double firstJoules,
                               LifecycleResult.Endurance endurance) {
        double down = 0;
        for (double d : downSeconds) {
            down += d;
        }
        double duration = plan.durationSeconds();
        LifecycleResult.Availability availability = new LifecycleResult.Availability(Math.max(0, duration - down)
                / duration, down,
                firstSeconds, downSeconds[Activity.COMPENSATION.ordinal()], downSeconds[Activity.REFRESH.ordinal()],
                downSeconds[Activity.SWAP.ordinal()], plan.requestRate() * down);
        LifecycleResult.EnergySplit energy = new LifecycleResult.EnergySplit(serving(plan),
                joules[Activity.COMPENSATION.ordinal()], joules[Activity.REFRESH.ordinal()],
                joules[Activity.SWAP.ordinal()], firstJoules);
        LifecycleResult.Activities activities = new LifecycleResult.Activities(
                counts[Activity.COMPENSATION.ordinal()], counts[Activity.REFRESH.ordinal()], weightsRefreshed,
                counts[Activity.SWAP.ordinal()]);
        double swap = plan.swapAt() > 0 && plan.swapAt() <= duration ? plan.swapAt() : 0;
        return new LifecycleResult.Life(refreshes, duration, swap, plan.requestRate(), evaluations, availability,
                energy, endurance, activities);
    }

    private double serving(LifecyclePlan plan) {
        double sum = 0;
        int n = evaluations.size();
        for (int k = 0; k < n; k++) {
            // An evaluation waiting for an activity can fall just past the end of the life: serving stops there.
            double from = k == 0 ? 0 : Math.min(evaluations.get(k).seconds(), plan.durationSeconds());
            double to = k + 1 < n ? Math.min(evaluations.get(k + 1).seconds(), plan.durationSeconds())
                    : plan.durationSeconds();
            double online = Math.max(0, to - from);
            for (double[] d : downs) {
                online -= Math.max(0, Math.min(to, d[0] + d[1]) - Math.max(from, d[0]));
            }
            sum += plan.requestRate() * Math.max(0, online) * evaluations.get(k).energyJoulesPerSample();
        }
        return sum;
    }

    /** Pulses per device over the life: mean, max and a histogram of about 20 bins. */
    static LifecycleResult.Endurance endurance(long[] pulses) {
        long max = 0;
        double sum = 0;
        for (long p : pulses) {
            max = Math.max(max, p);
            sum += p;
        }
        long width = Math.max(1, (max + 20) / 20);
        List<Long> counts = new ArrayList<>();
        for (long i = 0; i <= max / width; i++) {
            counts.add(0L);
        }
        for (long p : pulses) {
            int bin = (int) (p / width);
            counts.set(bin, counts.get(bin) + 1);
        }
        return new LifecycleResult.Endurance(pulses.length, pulses.length == 0 ? 0 : sum / pulses.length, max, width,
                counts);
    }
}
