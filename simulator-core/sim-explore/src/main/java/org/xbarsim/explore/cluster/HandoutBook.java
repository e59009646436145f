package org.xbarsim.explore.cluster;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * A coordinator's book of points: which wait, which are handed out (to which member, with which token,
 * heard from when), which are done. Every handout gets a token of 128 random bits that travels only to
 * its worker, over the cluster's TLS; an answer counts only with a token the book issued for that
 * point, so no other member can answer for it. A worker says it is still running its point with
 * heartbeats; one silent for {@link PointMessages#HEARTBEAT_LOSS_MILLIS} (stopped, cut off, crashed)
 * loses the point to the next worker that asks, in seconds rather than after a long timeout, and a
 * point running past the optional limit does too. Thread-safe; time comes from the clock given.
 */
public final class HandoutBook {
    /** A point handed out: to whom, under which token. */
    public record Given(int index, String token, String node, String worker) {
    }

    /** A handout taken back, and why ("no heartbeat for 10 s", "left the cluster", ...). */
    public record Lost(int index, String worker, String why) {
    }

    /** What to make of an answer. */
    public enum Verdict {
        /** From the worker the point was handed to, for a point not yet done: record it. */
        ACCEPT,
        /** Issued for this point, but the point is done already (a worker it was taken from, late). */
        LATE,
        /** No such handout of this point: not from a worker it was handed to. */
        FOREIGN
    }

    private record Handout(int index, String node, String worker, long sinceNanos, long heardNanos) {
    }

    private final TreeSet<Integer> pending = new TreeSet<>();
    /** Live handouts by token, in the order given. */
    private final Map<String, Handout> live = new java.util.LinkedHashMap<>();
    /** Every token ever issued, with its point and worker: late answers of a reissued point still count once. */
    private final Map<String, Given> issued = new HashMap<>();
    private final TreeMap<Integer, Integer> failures = new TreeMap<>();
    private final java.util.Set<Integer> done = new java.util.HashSet<>();
    private final int points;
    private final long lossNanos;
    private final long limitNanos;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private int reissued;

    /**
     * @param todo         the points to hand out (the others are done already)
     * @param points       all points of the sweep
     * @param lossMillis   silence after which a handout is lost
     * @param limitSeconds longest a point may run (0: no limit)
     * @param nanoClock    the time, in nanoseconds (System::nanoTime; tests give their own)
     */
    public HandoutBook(Collection<Integer> todo, int points, long lossMillis, double limitSeconds,
                       LongSupplier nanoClock) {
        this.pending.addAll(todo);
        this.points = points;
        this.lossNanos = lossMillis * 1_000_000L;
        this.limitNanos = (long) (limitSeconds * 1e9);
        this.clock = nanoClock;
        for (int i = 0; i < points; i++) {
            if (!pending.contains(i)) {
                done.add(i);
            }
        }
    }

    /** The next waiting point, handed to {@code node} under a new token; empty when none waits. */
    public synchronized Optional<Given> next(String node, String worker) {
        Integer index = pending.pollFirst();
        if (index == null) {
            return Optional.empty();
        }
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String token = HexFormat.of().formatHex(bits);
        long now = clock.getAsLong();
        live.put(token, new Handout(index, node, worker, now, now));
        Given given = new Given(index, token, node, worker);
        issued.put(token, given);
        return Optional.of(given);
    }

    /** A heartbeat: true (and noted) when the handout is live, false when the point is no longer its worker's. */
    public synchronized boolean heartbeat(int index, String token) {
        Handout h = live.get(token);
        if (h == null || h.index() != index) {
            return false;
        }
        live.put(token, new Handout(h.index(), h.node(), h.worker(), h.sinceNanos(), clock.getAsLong()));
        return true;
    }

    /** Takes back every handout silent too long or running past the limit; their points wait again. */
    public synchronized List<Lost> takeBackLost() {
        long now = clock.getAsLong();
        List<Lost> lost = new ArrayList<>();
        for (Iterator<Handout> it = live.values().iterator(); it.hasNext(); ) {
            Handout h = it.next();
            String why = now - h.heardNanos() > lossNanos ? "no heartbeat for " + Math.round((now - h.heardNanos()) / 1e9)
                    + " s" : limitNanos > 0 && now - h.sinceNanos() > limitNanos ? "running past the point time limit"
                    : null;
            if (why != null) {
                it.remove();
                lost.add(new Lost(h.index(), h.worker(), why));
                requeue(h.index());
            }
        }
        return lost;
    }

    /** A member left the cluster: its handouts are taken back. */
    public synchronized List<Lost> nodeLeft(String node) {
        List<Lost> lost = new ArrayList<>();
        for (Iterator<Handout> it = live.values().iterator(); it.hasNext(); ) {
            Handout h = it.next();
            if (h.node().equals(node)) {
                it.remove();
                lost.add(new Lost(h.index(), h.worker(), "left the cluster"));
                requeue(h.index());
            }
        }
        return lost;
    }

    private void requeue(int index) {
        if (!done.contains(index)) {
            pending.add(index);
            reissued++;
        }
    }

    /** Whether an answer for {@code index} with {@code token} from {@code worker} may be recorded. */
    public synchronized Verdict judge(int index, String token, String worker) {
        Given g = issued.get(token);
        if (g == null || g.index() != index || !g.worker().equals(worker)) {
            return Verdict.FOREIGN;
        }
        return done.contains(index) ? Verdict.LATE : Verdict.ACCEPT;
    }

    /** The point's result is on disk: it is no one's any more, and waits no more. */
    public synchronized void recorded(int index) {
        done.add(index);
        pending.remove(index);
        live.values().removeIf(h -> h.index() == index);
    }

    /**
     * A worker's error for a point (or a summary that did not fit the schema): the point waits again,
     * unless its handout is no longer live (it was taken from that worker and handed on: the new
     * handout stands). Returns the point's failures so far, 0 when the error was ignored.
     */
    public synchronized int failed(int index, String token) {
        Handout h = live.get(token);
        if (h == null || h.index() != index || done.contains(index)) {
            return 0;
        }
        live.remove(token);
        pending.add(index);
        return failures.merge(index, 1, Integer::sum);
    }

    public synchronized boolean finished() {
        return done.size() == points;
    }

    /** Points handed out again after their worker was lost. */
    public synchronized int reissued() {
        return reissued;
    }

    /** Handouts live now (for tests and messages). */
    public synchronized int running() {
        return live.size();
    }
}
