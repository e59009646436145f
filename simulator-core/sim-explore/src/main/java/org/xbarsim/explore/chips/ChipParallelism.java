package org.xbarsim.explore.chips;

import org.xbarsim.engine.Simulator;

/**
 * How many chips of a scenario run side by side: one per core, as many as the memory the process may
 * still take holds, never more than there are chips, at least one. Results do not depend on it.
 */
public final class ChipParallelism {
    /**
     * Resident bytes a chip's run takes per device of its tiles: the largest {@code run.residentBytesPerDevice}
     * measured on {@code chip-35m} (59-70, README "Speed and memory"), the whole process's peak over
     * devices, so generous for one more chip in the same process.
     */
    static final long BYTES_PER_DEVICE = 70;

    private ChipParallelism() {
    }

    /**
     * @param chips        chips to run
     * @param cores        the machine's cores
     * @param freeBytes    memory the process may still take
     * @param bytesPerChip one chip's run ({@link #bytesPerChip})
     */
    public static int workers(int chips, int cores, long freeBytes, long bytesPerChip) {
        long byMemory = bytesPerChip <= 0 ? chips : freeBytes / bytesPerChip;
        return (int) Math.max(1, Math.min(chips, Math.min(cores, byMemory)));
    }

    /** A chip's run's memory: every device of its tiles (every cell of a tile is built, used or not). */
    public static long bytesPerChip(Simulator.Prepared prepared) {
        var chip = prepared.scenario().chip();
        return prepared.jobs().size() * (long) chip.tileRows() * chip.tileCols() * chip.devicesPerCell()
                * BYTES_PER_DEVICE;
    }

    /** The memory this process may still take: its maximum heap less what it holds now. */
    public static long freeBytes() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }
}
