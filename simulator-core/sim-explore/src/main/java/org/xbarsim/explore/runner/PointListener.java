package org.xbarsim.explore.runner;

import org.xbarsim.api.event.RowFinished;
import org.xbarsim.engine.run.RunListener;

/**
 * Told how points go: when one starts (with its rows, for progress), as its rows finish and its
 * inference runs, and when it is done. Called from the runner's threads, concurrently for points that
 * run side by side; every method does nothing unless overridden.
 */
public interface PointListener extends RunListener {
    PointListener NONE = new PointListener() {
    };

    /** A point starts; {@code rows} is the rows it programs. */
    default void started(Point point, long rows) {
    }

    /** A point's result is in. */
    default void finished(PointResult result) {
    }

    @Override
    default void rowFinished(RowFinished row) {
    }

    /** A line for people (a worker joined, a point handed to another worker). */
    default void note(String line) {
    }
}
