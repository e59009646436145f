package org.xbarsim.engine.run;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.xbarsim.engine.hw.RowDemand;

/**
 * The hand-over from the event loops, which compute rows, to the thread that runs the chip's
 * timeline: finished rows' logs, or the failure that ends the run. Any thread may hand over; one
 * thread takes. Once stopped (a failure, or the run abandoned), shards stop starting rows.
 */
final class TimelineFeed {
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile boolean stopped;
    /** Shards that have started and not yet stopped: while one runs, a message of its may be in flight. */
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    /** A row's log, from the loop that computed it. */
    void row(RowDemand row) {
        queue.add(row);
    }

    /** The run cannot go on. */
    void fail(Throwable failure) {
        stopped = true;
        queue.add(failure);
    }

    /** Tells shards to start no more rows. */
    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    void shardStarted() {
        running.incrementAndGet();
    }

    void shardStopped() {
        running.decrementAndGet();
    }

    /**
     * Waits, at most {@code millis}, until every started shard has stopped (each stops at its next
     * message once the feed is stopped), so that taking the run's verticles away discards no message.
     */
    void awaitQuiet(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (running.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The next hand-over, waiting for it if {@code wait}: a {@link RowDemand}, a {@link Throwable},
     * or null when nothing is there (and {@code wait} was false).
     */
    Object next(boolean wait) {
        if (!wait) {
            return queue.poll();
        }
        try {
            // Never wait for ever: a loop that died without a word (it cannot) would hang the run.
            Object o;
            do {
                o = queue.poll(1, TimeUnit.SECONDS);
            } while (o == null && !Thread.currentThread().isInterrupted());
            return o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while programming", e);
        }
    }
}
