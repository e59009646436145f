package org.xbarsim.explore.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.run.EventLoops;
import org.xbarsim.engine.scenario.ScenarioLoader;

/**
 * Runs points on this machine: {@code workers} points at a time, each on {@code threadsPerPoint}
 * event loops (cores / workers unless given). Workers take the chips in order of their first point;
 * the first failure stops them taking more and is thrown once the running ones end.
 */
public final class LocalRunner implements PointRunner {
    private final ScenarioLoader loader;
    private final Simulator simulator;
    private final int workers;
    private final int threadsPerPoint;

    /**
     * @param workers         points at a time, 1..1024
     * @param threadsPerPoint event loops of each run, 1..1024, or null for cores / workers (at least 1)
     */
    public LocalRunner(ScenarioLoader loader, Simulator simulator, int workers, Integer threadsPerPoint) {
        EventLoops.check("--workers", workers, 0);
        EventLoops.check("--threads", threadsPerPoint, 0);
        this.loader = loader;
        this.simulator = simulator;
        this.workers = workers;
        this.threadsPerPoint = threadsPerPoint != null ? threadsPerPoint
                : Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    }

    public int workers() {
        return workers;
    }

    public int threadsPerPoint() {
        return threadsPerPoint;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%d worker%s x %d thread%s", workers, workers == 1 ? "" : "s",
                threadsPerPoint, threadsPerPoint == 1 ? "" : "s");
    }

    @Override
    public List<PointResult> run(List<Point> points, PointListener listener) {
        List<ChipJob> jobs = ChipJob.of(points);
        PointResult[] byPosition = new PointResult[points.size()];
        Map<Point, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            position.put(points.get(i), i);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < jobs.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    for (PointResult r : jobs.get(i).run(loader, simulator, threadsPerPoint, listener,
                            "local")) {
                        byPosition[position.get(r.point())] = r;
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e instanceof RuntimeException r ? r
                            : new IllegalStateException(e.toString(), e));
                }
            }
        };
        runOnPool(worker, Math.min(workers, jobs.size()));
        if (failure.get() != null) {
            throw failure.get();
        }
        return List.copyOf(Arrays.asList(byPosition));
    }

    /** Runs {@code worker} on {@code size} threads, this one included, and waits for all. */
    private static void runOnPool(Runnable worker, int size) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 1; w < size; w++) {
            Thread t = new Thread(worker, "xbarsim-worker-" + w);
            t.start();
            threads.add(t);
        }
        worker.run();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
