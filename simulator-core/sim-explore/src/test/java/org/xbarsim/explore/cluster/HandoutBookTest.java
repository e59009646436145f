package org.xbarsim.explore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbarsim.explore.cluster.HandoutBook.Given;
import org.xbarsim.explore.cluster.HandoutBook.Verdict;

class HandoutBookTest {
    private long now;

    private HandoutBook book(int points, double limit) {
        return new HandoutBook(java.util.stream.IntStream.range(0, points).boxed().toList(), points, 10_000, limit,
                () -> now);
    }

    private void advance(long millis) {
        now += millis * 1_000_000L;
    }

    @Test
    void pointsGoOutInOrderEachWithATokenOfItsOwn() {
        HandoutBook b = book(3, 0);
        Given a = b.next("na", "a").orElseThrow();
        Given c = b.next("nc", "c").orElseThrow();
        assertEquals(0, a.index());
        assertEquals(1, c.index());
        assertTrue(a.token().matches("[0-9a-f]{32}"), "128 random bits");
        assertNotEquals(a.token(), c.token());
        Set<String> tokens = new HashSet<>();
        HandoutBook many = book(1000, 0);
        for (int i = 0; i < 1000; i++) {
            tokens.add(many.next("n", "w").orElseThrow().token());
        }
        assertEquals(1000, tokens.size());
    }

    @Test
    void onlyTheTokenOfAHandoutOfThatPointFromItsWorkerIsAccepted() {
        HandoutBook b = book(2, 0);
        Given a = b.next("na", "a").orElseThrow();
        Given c = b.next("nc", "c").orElseThrow();
        assertEquals(Verdict.ACCEPT, b.judge(0, a.token(), "a"));
        assertEquals(Verdict.FOREIGN, b.judge(0, c.token(), "c"), "another point's token");
        assertEquals(Verdict.FOREIGN, b.judge(0, a.token(), "c"), "the token from another worker");
        assertEquals(Verdict.FOREIGN, b.judge(0, "0".repeat(32), "a"), "a guessed token");
        b.recorded(0);
        assertEquals(Verdict.LATE, b.judge(0, a.token(), "a"), "answered already");
        assertFalse(b.finished());
        b.recorded(1);
        assertTrue(b.finished());
    }

    @Test
    void aSilentHandoutIsTakenBackAfterTheLossTimeAndAHeartbeatKeepsIt() {
        HandoutBook b = book(2, 0);
        Given a = b.next("na", "a").orElseThrow();
        Given c = b.next("nc", "c").orElseThrow();
        advance(6_000);
        assertTrue(b.heartbeat(0, a.token()));
        assertFalse(b.heartbeat(0, c.token()), "c's token is for point 1");
        assertEquals(List.of(), b.takeBackLost());
        advance(6_000);
        List<HandoutBook.Lost> lost = b.takeBackLost();
        assertEquals(List.of(new HandoutBook.Lost(1, "c", "no heartbeat for 12 s")), lost);
        assertEquals(1, b.reissued());
        assertFalse(b.heartbeat(1, c.token()), "no longer c's");
        Given again = b.next("nd", "d").orElseThrow();
        assertEquals(1, again.index());
        assertEquals(Verdict.ACCEPT, b.judge(1, c.token(), "c"), "c's late answer still counts, once");
        b.recorded(1);
        assertEquals(Verdict.LATE, b.judge(1, again.token(), "d"));
        assertFalse(b.heartbeat(1, again.token()), "recorded: d may stop");
    }

    @Test
    void aPointRunningPastTheLimitOrWhoseMemberLeftIsTakenBack() {
        HandoutBook b = book(2, 30);
        Given a = b.next("na", "a").orElseThrow();
        Given c = b.next("nc", "c").orElseThrow();
        for (int i = 0; i < 7; i++) {
            advance(5_000);
            b.heartbeat(0, a.token());
            b.heartbeat(1, c.token());
        }
        assertEquals(List.of(new HandoutBook.Lost(0, "a", "running past the point time limit"),
                new HandoutBook.Lost(1, "c", "running past the point time limit")), b.takeBackLost());
        Given d = b.next("nd", "d").orElseThrow();
        assertEquals(List.of(new HandoutBook.Lost(d.index(), "d", "left the cluster")), b.nodeLeft("nd"));
        assertEquals(List.of(), b.nodeLeft("nd"));
        assertEquals(3, b.reissued());
    }

    @Test
    void anErrorRequeuesThePointOnlyFromItsLiveHandout() {
        HandoutBook b = book(1, 0);
        Given a = b.next("na", "a").orElseThrow();
        advance(11_000);
        b.takeBackLost();
        Given c = b.next("nc", "c").orElseThrow();
        assertEquals(0, b.failed(0, a.token()), "from the worker it was taken from: ignored");
        assertEquals(1, b.running());
        assertEquals(1, b.failed(0, c.token()));
        assertEquals(0, b.next("nd", "d").orElseThrow().index(), "waits again");
        assertEquals(0, b.failed(0, "f".repeat(32)));
    }
}
