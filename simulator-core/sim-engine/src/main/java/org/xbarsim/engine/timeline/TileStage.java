package org.xbarsim.engine.timeline;

import org.xbarsim.engine.kernel.Action;
import org.xbarsim.engine.kernel.Kernel;
import org.xbarsim.engine.kernel.Priority;

/**
 * A tile doing inference multiplies, one sample's item at a time in the order they become ready, each
 * item the layer's multiplies per sample one after another: the DAC drives its rows, the columns
 * integrate, and its ADCs convert every column. The tile is busy from the drive's start to the
 * conversion's end (its integrators hold the column charges until they are converted), so it starts
 * its next multiply only then; an item's partial sums go on to the link. When the tile shares its ADC
 * bank with others, each conversion waits for the bank, the tile waiting with it.
 */
final class TileStage implements Resource.Holder {
    /** Told when a tile starts a row, for the sample's latency. */
    @FunctionalInterface
    interface Starts {
        void started(int item, long cycle);
    }

    private final Kernel kernel;
    private final long arrayCycles;
    private final long convertCycles;
    private final int multiplies;
    private final Resource bank;
    private final Station.Next next;
    private final Starts starts;
    private final IntQueue ready = new IntQueue();
    private boolean busy;
    private int current;
    /** Multiplies of the current item still to start. */
    private int left;
    private long heldSince;
    private final Action request = this::request;
    private final Action release = this::release;
    private final Action done = this::finish;

    /**
     * @param arrayCycles   drive and integration
     * @param convertCycles the ADCs' conversions of every column
     * @param multiplies    multiplies per item
     * @param bank          the ADC bank the tile shares with others, or null when its ADCs are its own
     */
    TileStage(Kernel kernel, long arrayCycles, long convertCycles, int multiplies, Resource bank, Station.Next next,
              Starts starts) {
        this.kernel = kernel;
        this.arrayCycles = arrayCycles;
        this.convertCycles = convertCycles;
        this.multiplies = multiplies;
        this.bank = bank;
        this.next = next;
        this.starts = starts;
    }

    /** A row becomes ready for this tile at {@code cycle} (the kernel's now). */
    void arrive(int item, long cycle) {
        ready.add(item);
        if (!busy) {
            startNext(cycle);
        }
    }

    private void startNext(long cycle) {
        if (ready.isEmpty()) {
            busy = false;
            return;
        }
        busy = true;
        current = ready.poll();
        starts.started(current, cycle);
        if (bank == null || convertCycles == 0) {
            // Its own ADCs: nothing to wait for, the item's multiplies in one step.
            kernel.schedule(cycle + multiplies * (arrayCycles + convertCycles), Priority.DELIVER, done);
        } else {
            left = multiplies;
            nextMultiply(cycle);
        }
    }

    private void nextMultiply(long cycle) {
        left--;
        kernel.schedule(cycle + arrayCycles, Priority.CONVERT, request);
    }

    private void request(long cycle) {
        int granted = bank.request(this, 1, 1, cycle);
        if (granted > 0) {
            granted(bank, granted, cycle);
        }
    }

    @Override
    public void granted(Resource r, int units, long cycle) {
        heldSince = cycle;
        kernel.schedule(cycle + convertCycles, Priority.RELEASE, release);
    }

    private void release(long cycle) {
        bank.release(1, heldSince, cycle);
        if (left > 0) {
            nextMultiply(cycle);
        } else {
            finish(cycle);
        }
    }

    private void finish(long cycle) {
        next.accept(current, cycle);
        startNext(cycle);
    }
}
