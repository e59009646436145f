package org.xbarsim.engine.run;

import java.util.function.LongSupplier;

/**
 * Where one event loop's time goes during a run. Between the end of one simulation handler and the
 * start of the next, the loop is delivering a bus message; inside a handler it is simulating, until
 * it sends the next message, which is bus work again.
 *
 * <p>A gap longer than {@link #PAUSE_NANOS} is not a delivery (one takes about 0.15 us once
 * compiled, tens of microseconds while still interpreted): it is the JVM stopping the loop for a
 * garbage collection or another safepoint, or the operating system running something else. Those
 * are counted apart as pauses, so the bus share means what it says.
 *
 * <p>Tiles on the same loop share its clock; only that loop's thread touches it. Three
 * {@link System#nanoTime()} calls per handler, against handlers of microseconds.
 */
final class LoopClock {
    static final long PAUSE_NANOS = 1_000_000;

    /** The time, ns: {@link System#nanoTime()}, or a test's own clock. */
    private final LongSupplier nanos;
    private long lastLeave;
    long workNanos;
    long busNanos;
    long pauseNanos;

    LoopClock() {
        this(System::nanoTime);
    }

    LoopClock(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** A handler starts: the gap since the previous one was bus delivery, or a pause. */
    long enter() {
        long now = nanos.getAsLong();
        if (lastLeave != 0) {
            long gap = now - lastLeave;
            if (gap > PAUSE_NANOS) {
                pauseNanos += gap;
            } else {
                busNanos += gap;
            }
        }
        return now;
    }

    /**
     * Time since the handler's start counts as neither (building a tile's devices before it
     * programs): left out of both sides of the share, so it cannot dilute the bus's part. Returns the
     * new start of the handler's work.
     */
    long setAside() {
        return nanos.getAsLong();
    }

    /** Simulation work since {@code from} is done; the handler is about to send. */
    long worked(long from) {
        long now = nanos.getAsLong();
        workNanos += now - from;
        return now;
    }

    /** The handler has sent its message and returns to the loop. */
    void leave(long sendStart) {
        long now = nanos.getAsLong();
        busNanos += now - sendStart;
        lastLeave = now;
    }
}
