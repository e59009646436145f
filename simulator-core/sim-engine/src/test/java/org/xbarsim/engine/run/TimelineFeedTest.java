package org.xbarsim.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.engine.hw.RowDemand;

/**
 * The hand-over from the loops to the timeline's thread. Waits are bounded from below by what the test
 * waits for (a sleep of the other thread) and from above only loosely (seconds), so a loaded machine
 * cannot fail them.
 */
class TimelineFeedTest {
    @Test
    void rowsAndTheFailureArriveInOrderAndAFailureStopsTheShards() {
        TimelineFeed feed = new TimelineFeed();
        assertNull(feed.next(false), "nothing handed over yet");
        RowDemand row = new RowDemand(0, 3, 4);
        feed.row(row);
        assertFalse(feed.stopped());
        IllegalStateException failure = new IllegalStateException("boom");
        feed.fail(failure);
        assertTrue(feed.stopped(), "a failure stops the shards");
        assertSame(row, feed.next(false));
        assertSame(failure, feed.next(true));
        TimelineFeed abandoned = new TimelineFeed();
        abandoned.stop();
        assertTrue(abandoned.stopped());
    }

    @Test
    void theTimelineWaitsForTheNextRow() throws InterruptedException {
        TimelineFeed feed = new TimelineFeed();
        RowDemand row = new RowDemand(1, 0, 4);
        Thread loop = new Thread(() -> {
            sleep(30);
            feed.row(row);
        });
        loop.start();
        assertSame(row, feed.next(true));
        loop.join();
    }

    @Test
    void anInterruptedWaitEndsTheRun() {
        TimelineFeed feed = new TimelineFeed();
        Thread.currentThread().interrupt();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> feed.next(true));
        assertEquals("interrupted while programming", e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }

    @Test
    void quietWaitsForTheRunningShardsAndNoLonger() throws InterruptedException {
        TimelineFeed feed = new TimelineFeed();
        long start = System.nanoTime();
        feed.awaitQuiet(20_000);
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "no shard running: no wait for the deadline");
        feed.shardStarted();
        feed.shardStarted();
        feed.shardStopped();
        start = System.nanoTime();
        feed.awaitQuiet(50);
        assertTrue(System.nanoTime() - start >= 50_000_000L, "a shard still running: up to the deadline");
        Thread loop = new Thread(() -> {
            sleep(40);
            feed.shardStopped();
        });
        start = System.nanoTime();
        loop.start();
        feed.awaitQuiet(20_000);
        long waited = System.nanoTime() - start;
        assertTrue(waited >= 40_000_000L && waited < 10_000_000_000L, "until the last shard stopped: " + waited);
        loop.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
