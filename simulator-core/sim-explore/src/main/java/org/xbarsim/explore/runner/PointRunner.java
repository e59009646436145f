package org.xbarsim.explore.runner;

import java.util.List;

/**
 * Runs points: the one way sweeps and searches run anything, whether on this machine's cores
 * ({@link LocalRunner}) or on the workers of a cluster. A point's result depends only on its scenario
 * and seed, never on the runner, the number of workers or where it ran.
 */
public interface PointRunner extends AutoCloseable {
    /**
     * Runs every point, telling {@code listener} as each starts and finishes (in any order, from any
     * thread), and returns the results in the order of {@code points}. The first failure stops the
     * runner from starting more points and is thrown once the running ones end.
     */
    List<PointResult> run(List<Point> points, PointListener listener);

    /** How it runs points, for people: {@code 2 workers x 1 thread}. */
    String describe();

    @Override
    default void close() {
    }
}
