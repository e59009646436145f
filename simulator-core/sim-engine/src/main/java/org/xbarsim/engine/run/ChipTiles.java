package org.xbarsim.engine.run;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.converter.ColumnAdcs;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.PeripheryConfig;

/**
 * The run's tiles, each fabricated once, by one loop, from its own stream ({@code tile3/fabrication}:
 * a tile's devices do not depend on the shards that later program it); the shards of a tile start
 * when it exists, on whichever loops they run. A run that programs existing tiles again is given them
 * ({@link #existing}): nothing is fabricated, and their column ADCs are built again from the same
 * streams, so they are the ADCs the tiles were first programmed through.
 */
final class ChipTiles {
    private final RunPlan plan;
    private final List<TileJob> jobs;
    private final CrossbarTile[] tiles;
    private final ColumnAdcs[] adcs;
    private final Promise<CrossbarTile>[] ready;

    @SuppressWarnings("unchecked")
    ChipTiles(RunPlan plan, List<TileJob> jobs) {
        this.plan = plan;
        this.jobs = jobs;
        this.tiles = new CrossbarTile[jobs.size()];
        this.adcs = new ColumnAdcs[jobs.size()];
        this.ready = new Promise[jobs.size()];
        for (int j = 0; j < ready.length; j++) {
            ready[j] = Promise.promise();
        }
    }

    /** Tiles that exist already, in job order: ready at once. */
    static ChipTiles existing(RunPlan plan, List<TileJob> jobs, List<CrossbarTile> made) {
        if (made.size() != jobs.size()) {
            throw new IllegalArgumentException(made.size() + " tiles for " + jobs.size() + " jobs");
        }
        ChipTiles tiles = new ChipTiles(plan, jobs);
        for (int j = 0; j < jobs.size(); j++) {
            tiles.tiles[j] = made.get(j);
            tiles.adcs[j] = columnAdcs(plan.chip(), plan.streams().child("tile" + jobs.get(j).tile()));
            tiles.ready[j].complete(made.get(j));
        }
        return tiles;
    }

    /** Fabricates the tile of job {@code job} (unless it exists); a device plugin's failure fails the tile. */
    void fabricate(int job) {
        if (tiles[job] != null) {
            return;
        }
        ChipConfig chip = plan.chip();
        int tile = jobs.get(job).tile();
        DeviceArray devices;
        try {
            devices = plan.device().fabricate(plan.deviceParameters(),
                    chip.devicesPerCell() * chip.tileRows() * chip.tileCols(),
                    plan.streams().child("tile" + tile).stream("fabrication"));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            ready[job].tryFail(PluginFailure.of("device " + plan.device().id() + " failed fabricating tile " + tile, e));
            return;
        }
        tiles[job] = new CrossbarTile(tile, chip.tileRows(), chip.tileCols(), chip.cell(), devices);
        // The tile's column ADCs as built (tile3/adc17, ...): made once, read by every shard of the tile.
        adcs[job] = columnAdcs(chip, plan.streams().child("tile" + tile));
        ready[job].tryComplete(tiles[job]);
    }

    /** Completes (on the fabricating thread) when the tile of job {@code job} exists. */
    Future<CrossbarTile> ready(int job) {
        return ready[job].future();
    }

    /** The column ADCs of a tile, drawn from its streams, or null for ideal ones. */
    static ColumnAdcs columnAdcs(ChipConfig chip, RandomStreams.Scope tileStreams) {
        PeripheryConfig built = chip.periphery();
        return ColumnAdcs.build(built.adcErrors(), chip.adcBits(), built.adcArchitecture(), chip.tileCols(),
                chip.columnsPerAdc(), tileStreams);
    }

    /** The column ADCs of the tile of job {@code job} (once it exists), or null for ideal ones. */
    ColumnAdcs adcs(int job) {
        return adcs[job];
    }

    /** The tiles in job order, as programming left them (once the run is over). */
    List<CrossbarTile> all() {
        return List.of(tiles);
    }
}
