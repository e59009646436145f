package org.xbarsim.engine.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.OpTiming;
import org.xbarsim.engine.hw.RowDemand;
import org.xbarsim.engine.hw.SharedHardware;
import org.xbarsim.engine.kernel.Kernel;

/**
 * The chip's one clock: a discrete-event {@link Kernel} running a {@link TileTimer} per tile and the
 * hardware they share (controllers, programming supplies, ADC banks), fed with the logs of rows
 * computed elsewhere, in any order and from any thread's hand-over ({@link #offer}).
 *
 * <p>Rows are functional first and timed after: a row's pulses, reads and conductances do not depend
 * on when it runs, so rows are computed in parallel and only this timeline decides when each part of
 * each row happens. It advances conservatively: it fires events in clock order while the next one has
 * what it needs, and stops before a row whose log has not arrived ({@link #advance}); fed the same
 * logs, it fires the same events in the same order, whatever order they arrived in, so the times it
 * computes never depend on threads. It runs on one thread, and costs two events a row for tiles that
 * share nothing.
 */
public final class ChipTimeline implements TileTimer.Rows {
    /** A tile to time: its global index, its layer, and its rows. */
    public record TimedTile(int tile, int layer, int rows) {
    }

    /** What the timeline tells the run as rows end. */
    public interface Listener {
        /** A row ended at {@code end} (it started at {@code start} and waited {@code waited} cycles for shared hardware). */
        void rowEnded(RowDemand row, long start, long end, long waited);
    }

    private final Kernel kernel = new Kernel();
    private final List<TimedTile> tiles;
    /** Tile index to its position in {@link #tiles}. */
    private final Map<Integer, Integer> slots = new TreeMap<>();
    private final TileTimer[] timers;
    private final RowDemand[][] logs;
    private final List<Resource> resources = new ArrayList<>();
    private final Listener listener;
    private final long[] tileEnds;
    private final long[] layerEnds;
    private int finished;
    private int buffered;
    private int mostBuffered;
    private long endCycle;
    private long events;

    public ChipTimeline(ChipConfig chip, List<TimedTile> tiles, Listener listener) {
        this(chip, tiles, listener, true);
    }

    /**
     * A timeline whose tiles start at once ({@code calibrates} false: their ADCs were calibrated when they
     * were first programmed) or after calibrating their ADCs, when the periphery calibrates them.
     */
    public ChipTimeline(ChipConfig chip, List<TimedTile> tiles, Listener listener, boolean calibrates) {
        this.tiles = List.copyOf(tiles);
        this.listener = listener;
        this.timers = new TileTimer[tiles.size()];
        this.logs = new RowDemand[tiles.size()][];
        this.tileEnds = new long[tiles.size()];
        int layers = tiles.stream().mapToInt(TimedTile::layer).max().orElse(-1) + 1;
        this.layerEnds = new long[layers];
        SharedHardware shared = chip.shared();
        Map<Integer, Resource> controllers = shared.controllerLatencyCycles() == 0 ? Map.of()
                : resources(ResourceKind.CONTROLLER, 1, shared::controllerOf);
        Map<Integer, Resource> supplies = shared.supplyMaxDevices() == 0 ? Map.of()
                : resources(ResourceKind.SUPPLY, shared.supplyMaxDevices(), shared::supplyOf);
        Map<Integer, Resource> banks = resources(ResourceKind.ADC_BANK, 1, shared::adcBankOf);
        // A bank only one tile uses is that tile's own ADCs: nothing to wait for, nothing to report.
        banks.values().removeIf(b -> !b.shared());
        resources.addAll(controllers.values());
        resources.addAll(supplies.values());
        resources.addAll(banks.values());
        OpTiming timing = new OpTiming(chip);
        boolean split = shared.overflow() == SharedHardware.Overflow.SPLIT;
        for (int i = 0; i < tiles.size(); i++) {
            TimedTile t = tiles.get(i);
            if (slots.put(t.tile(), i) != null) {
                throw new IllegalArgumentException("tile " + t.tile() + " given twice");
            }
            logs[i] = new RowDemand[t.rows()];
            timers[i] = new TileTimer(i, t.rows(), kernel, this, timing, shared.controllerLatencyCycles(),
                    controllers.get(shared.controllerOf(t.tile())), supplies.get(shared.supplyOf(t.tile())), split,
                    banks.get(shared.adcBankOf(t.tile())));
        }
        for (TileTimer timer : timers) {
            timer.begin(calibrates ? timing.calibrationCycles() : 0);
        }
    }

    /** One resource per group of tiles, named after its kind and group, in group order. */
    private Map<Integer, Resource> resources(ResourceKind kind, int capacity, IntUnaryOperator groupOf) {
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (TimedTile t : tiles) {
            groups.computeIfAbsent(groupOf.applyAsInt(t.tile()), g -> new ArrayList<>()).add(t.tile());
        }
        Map<Integer, Resource> byGroup = new TreeMap<>();
        groups.forEach((group, members) -> byGroup.put(group,
                new Resource("chip." + kind.id() + group, kind, capacity, members)));
        return byGroup;
    }

    /** Hands the timeline a row's log (on the timeline's thread). */
    public void offer(RowDemand row) {
        Integer slot = slots.get(row.tile());
        if (slot == null) {
            throw new IllegalArgumentException("row of tile " + row.tile() + ", which this timeline does not time");
        }
        RowDemand[] rows = logs[slot];
        if (row.row() < 0 || row.row() >= rows.length || rows[row.row()] != null) {
            throw new IllegalArgumentException("row " + row.row() + " of tile " + row.tile() + " is not expected");
        }
        rows[row.row()] = row;
        mostBuffered = Math.max(mostBuffered, ++buffered);
    }

    /** Fires events while they have their logs; returns whether every tile has finished. */
    public boolean advance() {
        events += kernel.runWhileReady();
        return finished();
    }

    public boolean finished() {
        return finished == tiles.size();
    }

    /** The cycle of the last event fired. */
    public long now() {
        return kernel.now();
    }

    /** What the timeline came to; call once it has finished. */
    public TimelineResult result() {
        if (!finished()) {
            throw new IllegalStateException("the timeline has not finished: " + finished + " of " + tiles.size()
                    + " tiles done at cycle " + kernel.now());
        }
        List<ResourceUsage> usage = new ArrayList<>();
        for (Resource r : resources) {
            usage.add(r.usage(endCycle));
        }
        return new TimelineResult(endCycle, tileEnds.clone(), layerEnds.clone(), usage, events, mostBuffered);
    }

    @Override
    public RowDemand log(int slot, int row) {
        return logs[slot][row];
    }

    @Override
    public void ended(int slot, RowDemand row, long start, long end, long waited) {
        logs[slot][row.row()] = null; // done with it: the buffer holds only rows not yet timed
        buffered--;
        // Rows end in clock order, so the last one to end sets its layer's end.
        layerEnds[tiles.get(slot).layer()] = end;
        listener.rowEnded(row, start, end, waited);
    }

    @Override
    public void tileFinished(int slot, long cycle) {
        tileEnds[slot] = cycle;
        finished++;
        if (finished == tiles.size()) {
            endCycle = cycle; // the last tile to finish, on the one clock: programming is over
        }
    }
}
