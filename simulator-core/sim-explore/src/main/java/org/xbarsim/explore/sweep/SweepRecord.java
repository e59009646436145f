package org.xbarsim.explore.sweep;

import org.xbarsim.explore.cluster.ClusterRunner;
import org.xbarsim.explore.runner.LocalRunner;
import org.xbarsim.explore.runner.PointRunner;

/**
 * How a sweep ran ({@code sweep-summary.json}): points in all, done before a resume and run now, the
 * wall time, and where the points ran (a local pool of workers, or a cluster).
 *
 * @param pointsPerWallSecond points run per wall second, null when none ran
 * @param workers             local workers (points at a time), null on a cluster
 * @param threadsPerPoint     event loops of each local run, null on a cluster
 * @param workersSeen         cluster workers that took points, null locally
 * @param pointsHandedAgain   points a cluster handed to another worker (one left, or timed out), null locally
 * @param pointTimeoutSeconds a cluster's point timeout, null locally
 */
public record SweepRecord(int points, int pointsDoneBefore, int pointsRun, double wallSeconds,
                          Double pointsPerWallSecond, String mode, Integer workers, Integer threadsPerPoint,
                          Integer workersSeen, Integer pointsHandedAgain, Double pointTimeoutSeconds) {
    public static final String FILE = "sweep-summary.json";

    /** A sweep that ran on {@code runner} (a local pool or a cluster's workers). */
    public static SweepRecord of(int points, int before, double wall, PointRunner runner) {
        if (runner instanceof ClusterRunner c) {
            return cluster(points, before, wall, c.workersSeen().size(), c.reissued(), c.limitSeconds());
        }
        LocalRunner l = (LocalRunner) runner;
        return local(points, before, wall, l.workers(), l.threadsPerPoint());
    }

    /** A sweep that ran on a local pool. */
    public static SweepRecord local(int points, int before, double wall, int workers, int threads) {
        int ran = points - before;
        return new SweepRecord(points, before, ran, wall, wall > 0 ? ran / wall : null, "local", workers, threads,
                null, null, null);
    }

    /** A sweep that ran on a cluster's workers. */
    public static SweepRecord cluster(int points, int before, double wall, int workersSeen, int handedAgain,
                                      double timeoutSeconds) {
        int ran = points - before;
        return new SweepRecord(points, before, ran, wall, wall > 0 ? ran / wall : null, "cluster", null, null,
                workersSeen, handedAgain, timeoutSeconds);
    }
}
