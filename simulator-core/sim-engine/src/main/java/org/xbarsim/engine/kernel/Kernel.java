package org.xbarsim.engine.kernel;

import java.util.Arrays;

/**
 * A discrete-event kernel counting integer clock cycles. Events fire in (cycle, priority, sequence)
 * order, so same-cycle events run in their documented {@link Priority} order and, within one
 * priority, in the order they were scheduled: a run is deterministic.
 *
 * <p>A binary heap over parallel primitive arrays: scheduling allocates nothing once the arrays have
 * grown to the working size. One kernel runs on one thread: the chip's timeline owns one for the
 * whole chip (see {@code org.xbarsim.engine.timeline}).
 */
public final class Kernel {
    private long now;
    private long sequence;
    private int size;
    private long[] cycles = new long[16];
    private long[] orders = new long[16];
    private Action[] actions = new Action[16];

    /** The current cycle: the cycle of the event firing, or of the last one fired. */
    public long now() {
        return now;
    }

    public boolean isIdle() {
        return size == 0;
    }

    /** Schedules {@code action} at {@code cycle}, which must not be in the past. */
    public void schedule(long cycle, Priority priority, Action action) {
        if (cycle < now) {
            throw new IllegalArgumentException("cannot schedule at cycle " + cycle + " before now " + now);
        }
        if (size == cycles.length) {
            cycles = Arrays.copyOf(cycles, size * 2);
            orders = Arrays.copyOf(orders, size * 2);
            actions = Arrays.copyOf(actions, size * 2);
        }
        // Priority in the top bits and sequence below: one long compares both.
        long order = ((long) priority.ordinal() << 56) | (sequence++ & 0x00FF_FFFF_FFFF_FFFFL);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(cycle, order, cycles[parent], orders[parent])) {
                break;
            }
            cycles[i] = cycles[parent];
            orders[i] = orders[parent];
            actions[i] = actions[parent];
            i = parent;
        }
        cycles[i] = cycle;
        orders[i] = order;
        actions[i] = action;
    }

    /** Events waiting to fire. */
    public int pending() {
        return size;
    }

    /** Fires events in order until none is left; returns how many fired. */
    public int runUntilIdle() {
        int fired = 0;
        while (size > 0) {
            fireFirst();
            fired++;
        }
        return fired;
    }

    /**
     * Fires events in order until none is left or the next one is not {@link Action#ready() ready};
     * returns how many fired. A conservative stop: nothing after the waiting event fires either, so
     * calling again once it is ready continues exactly as one uninterrupted run would.
     */
    public int runWhileReady() {
        int fired = 0;
        while (size > 0 && actions[0].ready()) {
            fireFirst();
            fired++;
        }
        return fired;
    }

    private void fireFirst() {
        long cycle = cycles[0];
        Action action = actions[0];
        removeFirst();
        now = cycle;
        action.fire(cycle);
    }

    private void removeFirst() {
        size--;
        long lastCycle = cycles[size];
        long lastOrder = orders[size];
        Action lastAction = actions[size];
        actions[size] = null;
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(cycles[right], orders[right], cycles[child], orders[child])) {
                child = right;
            }
            if (!before(cycles[child], orders[child], lastCycle, lastOrder)) {
                break;
            }
            cycles[i] = cycles[child];
            orders[i] = orders[child];
            actions[i] = actions[child];
            i = child;
        }
        if (size > 0) {
            cycles[i] = lastCycle;
            orders[i] = lastOrder;
            actions[i] = lastAction;
        }
    }

    private static boolean before(long c1, long o1, long c2, long o2) {
        return c1 < c2 || (c1 == c2 && o1 < o2);
    }
}
