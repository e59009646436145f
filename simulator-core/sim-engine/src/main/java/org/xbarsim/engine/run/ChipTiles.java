package org.xbarsim.engine.run;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;

/**
 * The run's tiles, each fabricated once, by one loop, from its own stream ({@code tile3/fabrication}:
 * a tile's devices do not depend on the shards that later program it); the shards of a tile start
 * when it exists, on whichever loops they run.
 */
final class ChipTiles {
    private final RunPlan plan;
    private final List<TileJob> jobs;
    private final CrossbarTile[] tiles;
    private final Promise<CrossbarTile>[] ready;

    @SuppressWarnings("unchecked")
    ChipTiles(RunPlan plan, List<TileJob> jobs) {
        this.plan = plan;
        this.jobs = jobs;
        this.tiles = new CrossbarTile[jobs.size()];
        this.ready = new Promise[jobs.size()];
        for (int j = 0; j < ready.length; j++) {
            ready[j] = Promise.promise();
        }
    }

    /** Fabricates the tile of job {@code job}; a device plugin's failure fails the tile. */
    void fabricate(int job) {
        ChipConfig chip = plan.chip();
        int tile = jobs.get(job).tile();
        DeviceArray devices;
        try {
            devices = plan.device().fabricate(plan.deviceParameters(),
                    DeviceLine.COUNT * chip.tileRows() * chip.tileCols(),
                    plan.streams().child("tile" + tile).stream("fabrication"));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            ready[job].tryFail(PluginFailure.of("device " + plan.device().id() + " failed fabricating tile " + tile, e));
            return;
        }
        tiles[job] = new CrossbarTile(tile, chip.tileRows(), chip.tileCols(), chip.significanceF(), devices);
        ready[job].tryComplete(tiles[job]);
    }

    /** Completes (on the fabricating thread) when the tile of job {@code job} exists. */
    Future<CrossbarTile> ready(int job) {
        return ready[job].future();
    }

    /** The tiles in job order, as programming left them (once the run is over). */
    List<CrossbarTile> all() {
        return List.of(tiles);
    }
}
