package org.xbarsim.engine.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import org.xbarsim.api.event.MvmBatch;
import org.xbarsim.api.event.MvmResult;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;

/**
 * The simulation's use of the Vert.x event bus: the addresses events travel on and the codecs that
 * carry them. Addresses are per tile so that a tile's conversation with its policy stays on the
 * tile's own event loop. {@link org.xbarsim.api.event.RowOp} has a codec too, for whoever sends one
 * (the engine executes a policy's operations in place, see TileProgramming, and hands them to a
 * recording directly).
 */
public final class SimulationBus {
        /** Where a tile's hardware sends the outcome of each row operation for its programmer. */
    public static String resultsAddress(int tile) {
        return "xbarsim.tile." + tile + ".results";
    }

    /** Published when a row is programmed: statistics, progress and traces listen here. */
    public static final String ROWS = "xbarsim.rows";

    private SimulationBus() {
    }

    /** Registers the zero-copy codecs of every event type as their classes' default codecs. */
    public static void registerCodecs(Vertx vertx) {
        EventBus bus = vertx.eventBus();
        bus.registerDefaultCodec(RowOp.class, new AvroRecordCodec<>(RowOp.class, RowOp.getClassSchema()));
        bus.registerDefaultCodec(RowResult.class, new AvroRecordCodec<>(RowResult.class, RowResult.getClassSchema()));
        bus.registerDefaultCodec(RowFinished.class,
                new AvroRecordCodec<>(RowFinished.class, RowFinished.getClassSchema()));
        bus.registerDefaultCodec(RowTargets.class, new AvroRecordCodec<>(RowTargets.class, RowTargets.getClassSchema()));
        bus.registerDefaultCodec(MvmBatch.class, new AvroRecordCodec<>(MvmBatch.class, MvmBatch.getClassSchema()));
        bus.registerDefaultCodec(MvmResult.class, new AvroRecordCodec<>(MvmResult.class, MvmResult.getClassSchema()));
    }
}
