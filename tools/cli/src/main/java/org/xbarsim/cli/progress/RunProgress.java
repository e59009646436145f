package org.xbarsim.cli.progress;

import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.engine.run.RunListener;

/**
 * The progress of one run on the terminal: rows programmed, then, from the moment programming ends,
 * inference (before, the bar stayed at "programming 100%" while the workload loaded its data and
 * calibrated). Silent when not shown.
 */
public final class RunProgress implements RunListener, AutoCloseable {
    private final boolean show;
    private final AtomicLong rows = new AtomicLong();
    private ProgressBar programming;
    private ProgressBar inference;
    private ProgressBar life;

    public RunProgress(long totalRows, boolean show) {
        this.show = show;
        this.programming = show ? Bars.bar("programming", totalRows, " rows") : null;
    }

    @Override
    public void rowFinished(RowFinished row) {
        long n = rows.incrementAndGet();
        if (programming != null) {
            programming.stepTo(n);
        }
    }

    @Override
    public synchronized void inferenceStarted() {
        if (show && inference == null) {
            programming.close();
            inference = Bars.bar("inference", 1, " samples");
            inference.setExtraMessage(" loading data, calibrating");
        }
    }

    @Override
    public synchronized void inferenceProgress(long done, long total) {
        if (!show) {
            return;
        }
        inferenceStarted();
        inference.maxHint(total);
        inference.setExtraMessage("");
        inference.stepTo(done);
    }

    /** A working life's days, after its first programming. */
    @Override
    public synchronized void lifeProgress(double seconds, double duration) {
        if (!show) {
            return;
        }
        if (life == null) {
            programming.close();
            life = Bars.bar("working life", Math.round(Math.ceil(duration / 86_400)), " days");
        }
        life.stepTo(Math.round(Math.floor(seconds / 86_400)));
    }

    /** Whether the bar has switched to inference (for tests: the switch comes before the first sample). */
    public synchronized boolean showsInference() {
        return inference != null;
    }

    @Override
    public void close() {
        if (programming != null) {
            programming.close();
        }
        if (inference != null) {
            inference.close();
        }
        if (life != null) {
            life.close();
        }
    }
}
