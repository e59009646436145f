package org.xbarsim.explore.runner;

import org.xbarsim.engine.summary.RunSummary;

/**
 * A point's run: its summary, the wall time of the work that produced it, and where it ran.
 *
 * @param wallSeconds the whole run on the host, programming and inference (not the summary's
 *                    {@code run.wallSeconds}, which times programming alone); for points read from one
 *                    programmed chip, the wall time of all of them
 * @param chipPoints  how many points were read from the chip this one was programmed on (1: its own)
 * @param where       the worker that ran it ({@code local}, or a cluster member's address)
 */
public record PointResult(Point point, RunSummary summary, double wallSeconds, int chipPoints, String where) {
}
