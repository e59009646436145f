package org.xbarsim.explore.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.inference.InferenceWorkload;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * The unit of work of a runner: the points that share one programmed chip. Points whose scenarios
 * differ only in {@code inference.time} are the same chip read at different times, so the chip is
 * programmed once and read at each ({@link Simulator#runAtTimes}): each summary is the one a run of
 * its own would give, at a fraction of the cost (a drift sweep of six times programs once, not six
 * times). Every other point is a job of its own.
 *
 * @param chip   the scenario programmed: the points' common spec without their inference time
 * @param points the points read from it, in order
 */
public record ChipJob(ScenarioSpec chip, List<Point> points) {
    /** The setting that selects when a programmed chip is read. */
    public static final String TIME = "inference.time";

    /** The points grouped by chip, in order of their first point. */
    public static List<ChipJob> of(List<Point> points) {
        Map<ScenarioSpec, List<Point>> byChip = new LinkedHashMap<>();
        for (Point p : points) {
            byChip.computeIfAbsent(p.scenario().dropSetting(TIME), k -> new ArrayList<>()).add(p);
        }
        List<ChipJob> jobs = new ArrayList<>();
        byChip.forEach((chip, group) -> {
            if (group.size() == 1) {
                jobs.add(new ChipJob(group.get(0).scenario(), group));
            } else {
                jobs.add(new ChipJob(chip, List.copyOf(group)));
            }
        });
        return jobs;
    }

    /**
     * Runs the job: loads, programs and reads the chip, telling {@code listener} as points start and
     * finish. Points of a weight-only workload (which have no inference time) run one by one.
     */
    public List<PointResult> run(ScenarioLoader loader, Simulator simulator, int threads, PointListener listener,
                                 String where) {
        long start = System.nanoTime();
        Scenario scenario = points.size() == 1 ? points.get(0).scenario().load(loader) : chip.load(loader);
        if (points.size() > 1 && !(scenario.workload() instanceof InferenceWorkload)) {
            List<PointResult> results = new ArrayList<>();
            for (Point p : points) {
                results.addAll(new ChipJob(p.scenario(), List.of(p)).run(loader, simulator, threads, listener, where));
            }
            return results;
        }
        Simulator.Prepared prepared = simulator.prepare(scenario);
        for (int i = 0; i < points.size(); i++) {
            listener.started(points.get(i), i == 0 ? prepared.rows() : 0);
        }
        List<RunSummary> summaries = points.size() == 1 ? List.of(simulator.run(prepared, threads, listener))
                : simulator.runAtTimes(prepared, threads, listener, times(scenario));
        double wall = (System.nanoTime() - start) / 1e9;
        List<PointResult> results = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            PointResult r = new PointResult(points.get(i), summaries.get(i), wall, points.size(), where);
            results.add(r);
            listener.finished(r);
        }
        return results;
    }

    /** Each point's inference time: its own setting, or the scenario's when it sets none. */
    private List<String> times(Scenario scenario) {
        List<String> times = new ArrayList<>();
        for (Point p : points) {
            String t = p.scenario().setting(TIME);
            times.add(t != null ? t : scenario.effective().get(TIME));
        }
        return times;
    }
}
