package org.xbarsim.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where a loop's time goes, on a clock the test moves by hand: handlers' work, bus delivery between them
 * (gaps up to 1 ms), pauses (longer gaps), and time set aside.
 */
class LoopClockTest {
    private long now = 1_000;
    private final LoopClock clock = new LoopClock(() -> now);

    @Test
    void workBusAndPausesAreToldApart() {
        assertEquals(1_000, clock.enter(), "the first handler: no gap before it");
        assertEquals(0, clock.busNanos + clock.pauseNanos);
        now = 1_400;
        assertEquals(1_400, clock.worked(1_000));
        assertEquals(400, clock.workNanos);
        now = 1_450;
        clock.leave(1_400);
        assertEquals(50, clock.busNanos, "the send");
        now += 1_000_000;
        assertEquals(now, clock.enter());
        assertEquals(50 + 1_000_000, clock.busNanos, "a gap of exactly 1 ms is still a delivery");
        assertEquals(0, clock.pauseNanos);
        clock.leave(now);
        now += 1_000_001;
        clock.enter();
        assertEquals(1_000_001, clock.pauseNanos, "a longer one is a pause");
        assertEquals(50 + 1_000_000, clock.busNanos);
        assertEquals(400, clock.workNanos);
    }

    /** Time set aside (making a tile's devices) counts as neither work nor bus. */
    @Test
    void timeSetAsideCountsAsNeither() {
        clock.enter();
        now = 9_000;
        long start = clock.setAside();
        assertEquals(9_000, start);
        now = 9_300;
        clock.leave(clock.worked(start));
        assertEquals(300, clock.workNanos);
        assertEquals(0, clock.busNanos);
        assertEquals(0, clock.pauseNanos);
    }
}
