package org.xbarsim.explore.runner;

import org.xbarsim.api.event.RowFinished;
import org.xbarsim.engine.run.RunListener;

/**
 * A point listener that passes a run's progress (rows, inference, a working life, notes when it is a
 * point listener) on to another listener: the base of listeners that stand between a runner and its
 * caller, such as one that gathers a point's chips.
 */
public class Forwarding implements PointListener {
    private final RunListener to;

    public Forwarding(RunListener to) {
        this.to = to;
    }

    @Override
    public void rowFinished(RowFinished row) {
        to.rowFinished(row);
    }

    @Override
    public void inferenceStarted() {
        to.inferenceStarted();
    }

    @Override
    public void inferenceProgress(long done, long total) {
        to.inferenceProgress(done, total);
    }

    @Override
    public void lifeProgress(double seconds, double duration) {
        to.lifeProgress(seconds, duration);
    }

    @Override
    public void note(String line) {
        if (to instanceof PointListener p) {
            p.note(line);
        }
    }
}
