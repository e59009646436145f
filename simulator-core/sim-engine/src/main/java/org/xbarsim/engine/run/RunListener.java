package org.xbarsim.engine.run;

import org.xbarsim.api.event.RowFinished;

/** Observes a run from the event bus: progress bars, live statistics. Called on an event loop. */
@FunctionalInterface
public interface RunListener {
    void rowFinished(RowFinished row);

    /**
     * Programming is over and inference begins (the workload loads its data, calibrates, then reports
     * {@link #inferenceProgress}): a progress display switches to inference here, not at the first batch.
     */
    default void inferenceStarted() {
    }

    /** Inference progress: samples evaluated of the total. Called on the workload's thread. */
    default void inferenceProgress(long done, long total) {
    }

    /** A chip's working life has reached {@code seconds} of its {@code duration}. Called on the life's thread. */
    default void lifeProgress(double seconds, double duration) {
    }

    RunListener NONE = row -> { };
}
