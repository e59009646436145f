package org.xbarsim.engine.timeline;

import org.xbarsim.engine.hw.OpTiming;
import org.xbarsim.engine.hw.RowDemand;
import org.xbarsim.engine.kernel.Action;
import org.xbarsim.engine.kernel.Kernel;
import org.xbarsim.engine.kernel.Priority;

/**
 * A tile on the chip's timeline: its row drivers and integrators, walking its rows' logs in row
 * order. Each row is its controller's first decision (the policy's start), then per operation its
 * pulse phases (on the programming supply), its read's integration and conversions (on the ADC
 * bank), and the controller's decision on the outcome; the decision after the last operation is the
 * policy's DONE, and the row ends with it.
 *
 * <p>A step on hardware the tile has to itself takes its duration and nothing else, so it is added
 * arithmetically, without an event: a tile that shares nothing costs the timeline two events a row.
 * A step on shared hardware is a request made at the step's cycle, as an event of the step's
 * {@link Priority}, so that requests from all tiles reach a resource in the order of the chip's
 * clock; the tile resumes when its units are granted and again when it returns them.
 *
 * <p>A pulse asks the supply for its devices; with a budget of B devices, a pulse of D > B devices
 * runs in sub-pulses of at most B, one after another (the driver enables the columns in turn). On a
 * shared supply, {@code queue} waits until a sub-pulse's devices are all free, {@code split} starts
 * with whatever is free and pulses the rest after.
 */
final class TileTimer implements Resource.Holder {
    private enum Phase { DECIDE, PULSE, INTEGRATE, CONVERT }

    /** Where the timer finds logs and reports rows. */
    interface Rows {
        /** Row {@code row} of the log of the tile in slot {@code slot}, or null while it is still being computed. */
        RowDemand log(int slot, int row);

        /** The row ended at {@code end}; it had started at {@code start} and waited {@code waited} cycles. */
        void ended(int slot, RowDemand row, long start, long end, long waited);

        /** The tile's last row ended. */
        void tileFinished(int slot, long cycle);
    }

    private final int slot;
    private final int rows;
    private final Kernel kernel;
    private final Rows source;
    private final OpTiming timing;
    private final long decisionCycles;
    /** Null when decisions take no time. */
    private final Resource controller;
    /** Null when the supply has no budget. */
    private final Resource supply;
    private final boolean split;
    /** Null when the tile's ADCs are its own. */
    private final Resource adcBank;

    private int row;
    private RowDemand log;
    private int op;
    private Phase phase;
    private int pulsePhase;
    private int devicesLeft;
    private long local;
    private long rowStart;
    private long rowWait;

    private Resource pending;
    private int pendingWant;
    private int pendingMin;
    private long pendingCycles;
    private long requestedAt;
    private int heldUnits;
    private long heldSince;

    private final Action start = new Action() {
        @Override
        public void fire(long cycle) {
            startRow(cycle);
        }

        @Override
        public boolean ready() {
            return source.log(slot, row) != null;
        }
    };
    private final Action request = this::request;
    private final Action release = this::release;
    private final Action end = this::endRow;

    /** @param slot the tile's position among the timeline's tiles */
    TileTimer(int slot, int rows, Kernel kernel, Rows source, OpTiming timing, long decisionCycles,
              Resource controller, Resource supply, boolean split, Resource adcBank) {
        this.slot = slot;
        this.rows = rows;
        this.kernel = kernel;
        this.source = source;
        this.timing = timing;
        this.decisionCycles = decisionCycles;
        this.controller = controller;
        this.supply = supply;
        this.split = split;
        this.adcBank = adcBank;
    }

    /**
     * Schedules the first row after {@code calibrationCycles} (the tile's ADCs calibrating; 0 when they
     * are not); call in tile order, so same-cycle starts go in tile order.
     */
    void begin(long calibrationCycles) {
        long first = kernel.now() + calibrationCycles;
        if (rows == 0) {
            source.tileFinished(slot, first);
            return;
        }
        kernel.schedule(first, Priority.START, start);
    }

    private void startRow(long cycle) {
        log = source.log(slot, row);
        op = 0;
        local = cycle;
        rowStart = cycle;
        rowWait = 0;
        phase = Phase.DECIDE;
        advance();
    }

    /** Walks the row from {@code local} until it must wait for shared hardware or the row is done. */
    private void advance() {
        while (true) {
            switch (phase) {
                case DECIDE -> {
                    if (decisionCycles == 0) {
                        if (decided()) {
                            return;
                        }
                    } else if (!controller.shared()) {
                        controller.book(1, decisionCycles);
                        local += decisionCycles;
                        if (decided()) {
                            return;
                        }
                    } else {
                        ask(controller, 1, 1, decisionCycles, Priority.DECIDE);
                        return;
                    }
                }
                case PULSE -> {
                    if (pulse()) {
                        return;
                    }
                }
                case INTEGRATE -> {
                    local += timing.integrationCycles();
                    phase = Phase.CONVERT;
                }
                case CONVERT -> {
                    long cycles = timing.conversionCycles(log.conversionsInSeries(op));
                    if (adcBank != null && adcBank.shared() && cycles > 0) {
                        ask(adcBank, 1, 1, cycles, Priority.CONVERT);
                        return;
                    }
                    if (adcBank != null) {
                        adcBank.book(1, cycles);
                    }
                    local += cycles;
                    operationDone();
                }
            }
        }
    }

    /**
     * The current pulse phase, as far as it goes without waiting; returns true when it asked shared
     * hardware (the walk stops), false to continue.
     */
    private boolean pulse() {
        if (pulsePhase == log.pulsePhases(op)) {
            afterPulses();
            return false;
        }
        long cycles = log.pulseCycles(op);
        if (supply == null || devicesLeft == 0) {
            local += cycles;
            nextPulsePhase();
            return false;
        }
        int budget = supply.capacity();
        if (!supply.shared()) {
            // Alone on its supply: ceil(D / B) sub-pulses, whichever the overflow rule.
            supply.book(devicesLeft, cycles);
            local += ((devicesLeft + budget - 1) / budget) * cycles;
            nextPulsePhase();
            return false;
        }
        int chunk = Math.min(devicesLeft, budget);
        ask(supply, chunk, split ? 1 : chunk, cycles, Priority.DRIVE);
        return true;
    }

    private void nextPulsePhase() {
        pulsePhase++;
        if (pulsePhase < log.pulsePhases(op)) {
            devicesLeft = log.phaseDevices(op, pulsePhase);
        }
    }

    private void afterPulses() {
        if (log.reads(op)) {
            phase = Phase.INTEGRATE;
        } else {
            operationDone();
        }
    }

    private void operationDone() {
        op++;
        phase = Phase.DECIDE;
    }

    /** A decision was taken at {@code local}: the next operation begins, or the row ends; true when it ended. */
    private boolean decided() {
        if (op == log.operations()) {
            kernel.schedule(local, Priority.DELIVER, end);
            return true;
        }
        if (log.isPulse(op)) {
            phase = Phase.PULSE;
            pulsePhase = 0;
            devicesLeft = log.phaseDevices(op, 0);
        } else {
            afterPulses();
        }
        return false;
    }

    private void ask(Resource resource, int want, int min, long cycles, Priority priority) {
        pending = resource;
        pendingWant = want;
        pendingMin = min;
        pendingCycles = cycles;
        kernel.schedule(local, priority, request);
    }

    private void request(long cycle) {
        requestedAt = cycle;
        int granted = pending.request(this, pendingWant, pendingMin, cycle);
        if (granted > 0) {
            granted(pending, granted, cycle);
        }
    }

    @Override
    public void granted(Resource resource, int units, long cycle) {
        rowWait += cycle - requestedAt;
        heldUnits = units;
        heldSince = cycle;
        kernel.schedule(cycle + pendingCycles, Priority.RELEASE, release);
    }

    private void release(long cycle) {
        pending.release(heldUnits, heldSince, cycle);
        local = cycle;
        if (pending == supply) {
            devicesLeft -= heldUnits;
            if (devicesLeft == 0) {
                nextPulsePhase();
            }
        } else if (pending == controller) {
            if (decided()) {
                return;
            }
        } else {
            operationDone();
        }
        advance();
    }

    private void endRow(long cycle) {
        source.ended(slot, log, rowStart, cycle, rowWait);
        log = null;
        row++;
        if (row == rows) {
            source.tileFinished(slot, cycle);
        } else {
            kernel.schedule(cycle, Priority.START, start);
        }
    }
}
