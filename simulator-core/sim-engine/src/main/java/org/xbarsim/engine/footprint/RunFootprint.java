package org.xbarsim.engine.footprint;

import java.util.List;
import java.util.Locale;
import org.xbarsim.api.io.InputError;

/**
 * The heap a run needs, estimated before its large arrays are allocated: the workload's weights and
 * their conductance targets (a double each), every tile's devices (chip.cell.devices per cell, at the device
 * plugin's probed bytes per device: all tiles live from fabrication to the end, inference included),
 * a fixed part per tile (read path, drivers, statistics, its verticle), and, for a network, the
 * inference copy of each cell (two floats) plus one tile's drifted conductances and read variances
 * at a time on each event loop; that times the collector's headroom, plus the JVM's own baseline.
 *
 * <p>Calibration (README, "Memory", 2026-12-06, compact device arrays): the smallest -Xmx at which runs
 * of 65 k to 4.2 M weights (eight runs; pcm, rram, ecram and ideal: 16, 18, 20 and 8 bytes a device)
 * succeeded with the launcher's parallel collector, found by bisection, was between
 * {@value #CALIBRATED_LOW} and 1.0 times this estimate (chip-35m's 8.9 M weights: 0.94): a run refused
 * here would not have fitted (or only at the edge, collecting without end), and one let through fits.
 *
 * <p>Not counted: what a workload keeps of its own (a data set in memory, e.g. MNIST's 220 MB), and
 * a trace being recorded (bounded batches).
 *
 * @param weights        weights of all layers
 * @param tiles          tiles they map to
 * @param bytesPerDevice the device plugin's state per device
 * @param bytes          the estimate
 */
public record RunFootprint(long weights, long tiles, int tileRows, int tileCols, double bytesPerDevice, long bytes) {
    /** A weight of a layer (double) and its conductance target (double). */
    static final int BYTES_PER_WEIGHT = 16;
    /**
     * Per tile besides its devices: its verticle, kernel, read path and drivers (a few arrays of a row's
     * columns), statistics and histogram. Fitted: see {@link #HEADROOM}.
     */
    static final long BYTES_PER_TILE = 96 << 10;
    /** The inference copy of a cell: its weight and read variance as floats. */
    static final int INFERENCE_BYTES_PER_CELL = 8;
    /** While an inference tile is built: drifted conductances and read variances of its devices, doubles. */
    static final int INFERENCE_TRANSIENT_PER_DEVICE = 16;
    /**
     * The heap a run needs besides its data (classes' statics, Vert.x, the plugins, the scenario), and the
     * collector's room beside the live data. Re-measured on 2026-12-06 with compact device arrays (README,
     * "Memory"): the smallest heaps that ran fit 8.3 MiB + 1.09 x the data above, within 4 MiB (eight runs
     * of 65 k to 4.2 M weights, four device plugins; chip-35m's 8.9 M weights fit it too, and char-lstm's
     * network with inference needs 0.78 of its estimate). The 24 MiB taken before (fitted when a PCM
     * device cost 40 bytes, as 16 MiB + 1.08 x) put the estimate of a one-tile run at twice its need
     * (30 MiB against 15), so 12 MiB now; 1.15 stays, so that the estimate is never below a measured need.
     */
    static final long BASELINE_BYTES = 12L << 20;
    static final double HEADROOM = 1.15;
    /** The lower end of measured need / estimate (documentation; see the class comment). */
    static final double CALIBRATED_LOW = 0.80;

    /**
     * The footprint of layers of the given shapes on a chip's tiles.
     *
     * @param shapes         each layer's {rows, cols}
     * @param devicesPerCell devices of a unit cell (chip.cell.devices: 4, 2 or 1)
     * @param inference      whether the run also builds the inference copy of the tiles
     * @param threads        event loops building inference tiles at once
     */
    public static RunFootprint of(List<int[]> shapes, int tileRows, int tileCols, int devicesPerCell,
                                  double bytesPerDevice, boolean inference, int threads) {
        long weights = 0;
        long tiles = 0;
        for (int[] s : shapes) {
            weights += (long) s[0] * s[1];
            tiles += ceil(s[0], tileRows) * ceil(s[1], tileCols);
        }
        double cells = (double) tiles * tileRows * tileCols;
        double bytes = (double) weights * BYTES_PER_WEIGHT + tiles * (double) BYTES_PER_TILE
                + cells * devicesPerCell * bytesPerDevice;
        if (inference) {
            bytes += cells * INFERENCE_BYTES_PER_CELL + Math.min(threads, tiles) * (double) tileRows * tileCols
                    * devicesPerCell * INFERENCE_TRANSIENT_PER_DEVICE;
        }
        return new RunFootprint(weights, tiles, tileRows, tileCols, bytesPerDevice,
                (long) Math.min(Long.MAX_VALUE, BASELINE_BYTES + bytes * HEADROOM));
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * Refuses the run if its estimate exceeds {@code maxHeap}: one line naming {@code source} and
     * {@code key} (the key that sets the size, when one does), the estimate and the heap.
     */
    public void check(long maxHeap, String source, String key) {
        // -Dxbarsim.footprint=measure lets a run try regardless: how the estimate is calibrated.
        if (bytes <= maxHeap || "measure".equals(System.getProperty("xbarsim.footprint"))) {
            return;
        }
        throw new InputError(source, key, String.format(Locale.ROOT, "expected a run that fits the Java heap of %s, "
                + "but this one needs about %s (%,d weights on %,d tiles of %dx%d, %.0f bytes a device); make it "
                + "smaller or give the JVM more heap (XBARSIM_JAVA_OPTS=-Xmx...)", human(maxHeap), human(bytes),
                weights, tiles, tileRows, tileCols, bytesPerDevice));
    }

    static String human(long bytes) {
        double g = bytes / (double) (1L << 30);
        return g >= 1 ? String.format(Locale.ROOT, "%.1f GiB", g)
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1 << 20));
    }
}
