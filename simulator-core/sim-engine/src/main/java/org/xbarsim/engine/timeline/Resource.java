package org.xbarsim.engine.timeline;

import java.util.Arrays;
import java.util.List;

/**
 * A piece of hardware with a capacity in units (a controller, a programming supply, an ADC bank),
 * served first come, first served. A request names how many units it wants and the fewest it can
 * start with; it is granted at once when nobody is queued and enough units are free, otherwise it
 * joins the queue, and {@link #release} hands freed units to the queue's head, in order, while the
 * head can start. A head that cannot start blocks the requests behind it, so a large request is not
 * starved by small ones.
 *
 * <p>A resource only one tile uses never has a queue: that tile books its uses ({@link #book}), which
 * only counts them. Waiting requests live in ring buffers of primitives: no allocation per request.
 */
public final class Resource {
    /** A component that waits for units. */
    public interface Holder {
        /** {@code units} were granted at {@code cycle}; the holder returns them with {@link #release}. */
        void granted(Resource resource, int units, long cycle);
    }

    private final String name;
    private final ResourceKind kind;
    private final int capacity;
    private final List<Integer> tiles;
    private int free;

    private Holder[] holders = new Holder[8];
    private int[] wants = new int[8];
    private int[] mins = new int[8];
    private long[] since = new long[8];
    private int head;
    private int queued;

    private long requests;
    private long waited;
    private long waitCycles;
    private long maxWaitCycles;
    private long busyUnitCycles;

    public Resource(String name, ResourceKind kind, int capacity, List<Integer> tiles) {
        if (capacity < 1) {
            throw new IllegalArgumentException(name + ": capacity must be >= 1, got " + capacity);
        }
        this.name = name;
        this.kind = kind;
        this.capacity = capacity;
        this.tiles = List.copyOf(tiles);
        this.free = capacity;
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }

    /** Whether more than one tile uses it, so that requests can wait. */
    public boolean shared() {
        return tiles.size() > 1;
    }

    /** Units not held. */
    public int free() {
        return free;
    }

    /** Requests waiting. */
    public int queued() {
        return queued;
    }

    /**
     * Asks for between {@code min} and {@code want} units at {@code now}. Returns the units granted at
     * once, or 0 when the request was queued (then {@link Holder#granted} follows, from a release).
     */
    public int request(Holder holder, int want, int min, long now) {
        if (min < 1 || min > want || min > capacity) {
            throw new IllegalArgumentException(name + ": cannot request " + min + ".." + want + " of " + capacity
                    + " units");
        }
        requests++;
        if (queued == 0 && free >= min) {
            int granted = Math.min(want, free);
            free -= granted;
            return granted;
        }
        enqueue(holder, want, min, now);
        return 0;
    }

    /** Returns units held since {@code heldSince}; grants waiting requests that can now start. */
    public void release(int units, long heldSince, long now) {
        free += units;
        busyUnitCycles += units * (now - heldSince);
        while (queued > 0 && free >= mins[head]) {
            Holder h = holders[head];
            int granted = Math.min(wants[head], free);
            long wait = now - since[head];
            holders[head] = null;
            head = (head + 1) % holders.length;
            queued--;
            free -= granted;
            waited++;
            waitCycles += wait;
            maxWaitCycles = Math.max(maxWaitCycles, wait);
            h.granted(this, granted, now);
        }
    }

    /** Counts a use by the only tile that uses this resource: {@code units} for {@code cycles}. */
    public void book(int units, long cycles) {
        requests++;
        busyUnitCycles += units * cycles;
    }

    /** What it did, by the end of a timeline at {@code endCycle}. */
    public ResourceUsage usage(long endCycle) {
        return new ResourceUsage(name, kind, tiles, capacity, requests, waited, waitCycles, maxWaitCycles,
                busyUnitCycles, endCycle == 0 ? 0 : busyUnitCycles / ((double) capacity * endCycle));
    }

    private void enqueue(Holder holder, int want, int min, long now) {
        if (queued == holders.length) {
            // Unroll the ring into larger arrays, head first.
            int n = holders.length;
            Holder[] h = new Holder[2 * n];
            int[] w = new int[2 * n];
            int[] m = new int[2 * n];
            long[] s = new long[2 * n];
            for (int i = 0; i < n; i++) {
                int j = (head + i) % n;
                h[i] = holders[j];
                w[i] = wants[j];
                m[i] = mins[j];
                s[i] = since[j];
            }
            holders = h;
            wants = w;
            mins = m;
            since = s;
            head = 0;
        }
        int tail = (head + queued) % holders.length;
        holders[tail] = holder;
        wants[tail] = want;
        mins[tail] = min;
        since[tail] = now;
        queued++;
    }

    @Override
    public String toString() {
        return name + " (" + free + "/" + capacity + " free, " + queued + " queued, tiles " + Arrays.toString(
                tiles.toArray()) + ")";
    }
}
