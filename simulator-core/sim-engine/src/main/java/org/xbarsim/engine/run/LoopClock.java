package org.xbarsim.engine.run;

/**
 * Where one event loop's time goes during a run. Between the end of one simulation handler and the
 * start of the next, the loop is delivering a bus message (or, at the very start and end of a run,
 * waiting); inside a handler it is simulating, until it sends the next message, which is bus work
 * again. Tiles on the same loop share its clock; only that loop's thread touches it.
 *
 * <p>Three {@link System#nanoTime()} calls per handler, against handlers of microseconds.
 */
final class LoopClock {
    private long lastLeave;
    long workNanos;
    long busNanos;

    /** A handler starts: the gap since the previous one was bus delivery. */
    long enter() {
        long now = System.nanoTime();
        if (lastLeave != 0) {
            busNanos += now - lastLeave;
        }
        return now;
    }

    /**
     * Time since {@code from} counts as neither (building a tile's devices before it programs):
     * left out of both sides of the share, so it cannot dilute the bus's part.
     */
    long setAside(long from) {
        return System.nanoTime();
    }

    /** Simulation work since {@code from} is done; the handler is about to send. */
    long worked(long from) {
        long now = System.nanoTime();
        workNanos += now - from;
        return now;
    }

    /** The handler has sent its message and returns to the loop. */
    void leave(long sendStart) {
        long now = System.nanoTime();
        busNanos += now - sendStart;
        lastLeave = now;
    }
}
