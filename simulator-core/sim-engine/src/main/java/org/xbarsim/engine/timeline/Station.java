package org.xbarsim.engine.timeline;

import org.xbarsim.engine.kernel.Action;
import org.xbarsim.engine.kernel.Kernel;
import org.xbarsim.engine.kernel.Priority;

/**
 * A piece of the inference data path that works on one item (a row of a multiply) at a time, in the
 * order items arrive, for a fixed number of cycles each: a link carrying partial sums, a digital
 * periphery adding them or rescaling and activating a layer's outputs. When it uses hardware others
 * share ({@code resource}) it asks for it first and waits its turn; an item then goes on to
 * {@code next}. A station that takes no time passes items straight on, firing no event.
 */
final class Station implements Resource.Holder {
    /** Where an item goes when a station is done with it. */
    @FunctionalInterface
    interface Next {
        void accept(int item, long cycle);
    }

    private final Kernel kernel;
    private final Resource resource;
    private final long cycles;
    private final Priority asks;
    private final Next next;
    private final IntQueue queue = new IntQueue();
    private boolean busy;
    private int current;
    private long heldSince;
    private final Action request = this::request;
    private final Action release = this::release;

    /**
     * @param resource shared hardware to hold while working, or null when the station's own
     * @param cycles   cycles per item
     * @param asks     priority of its requests for the resource in their cycle
     */
    Station(Kernel kernel, Resource resource, long cycles, Priority asks, Next next) {
        this.kernel = kernel;
        this.resource = resource;
        this.cycles = cycles;
        this.asks = asks;
        this.next = next;
    }

    /** An item arrives at {@code cycle} (the kernel's now). */
    void arrive(int item, long cycle) {
        if (cycles == 0) {
            next.accept(item, cycle);
            return;
        }
        queue.add(item);
        if (!busy) {
            startNext(cycle);
        }
    }

    private void startNext(long cycle) {
        if (queue.isEmpty()) {
            busy = false;
            return;
        }
        busy = true;
        current = queue.poll();
        if (resource == null) {
            heldSince = cycle;
            kernel.schedule(cycle + cycles, Priority.RELEASE, release);
        } else {
            kernel.schedule(cycle, asks, request);
        }
    }

    private void request(long cycle) {
        int granted = resource.request(this, 1, 1, cycle);
        if (granted > 0) {
            granted(resource, granted, cycle);
        }
    }

    @Override
    public void granted(Resource r, int units, long cycle) {
        heldSince = cycle;
        kernel.schedule(cycle + cycles, Priority.RELEASE, release);
    }

    private void release(long cycle) {
        if (resource != null) {
            resource.release(1, heldSince, cycle);
        }
        next.accept(current, cycle);
        startNext(cycle);
    }
}
