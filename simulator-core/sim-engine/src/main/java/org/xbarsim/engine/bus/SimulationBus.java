package org.xbarsim.engine.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.xbarsim.api.event.CompensationRead;
import org.xbarsim.api.event.Evaluated;
import org.xbarsim.api.event.MvmBatch;
import org.xbarsim.api.event.MvmResult;
import org.xbarsim.api.event.NetworkLoaded;
import org.xbarsim.api.event.ProgrammingEnded;
import org.xbarsim.api.event.Refreshed;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;

/**
 * The simulation's use of the Vert.x event bus: the addresses events travel on and the codecs that
 * carry them. Every address belongs to one run ({@link #newRun()}), so runs can share one Vert.x
 * instance (a host that owns one per process) without hearing each other. A shard of a tile's rows
 * talks to its policy on its own address, on its own event loop; the chip's timeline publishes
 * finished rows on the run's rows address. {@link org.xbarsim.api.event.RowOp} has a codec too, for
 * whoever sends one (the engine executes a policy's operations in place and hands them to a
 * recording directly).
 */
public final class SimulationBus {
    private static final AtomicLong RUNS = new AtomicLong();
    /** Instances whose codecs are registered: registering twice is an error in Vert.x. */
    private static final Map<Vertx, Boolean> REGISTERED = Collections.synchronizedMap(new WeakHashMap<>());

    private SimulationBus() {
    }

    /** The addresses of one run. */
    public record Addresses(String prefix) {
        /** Where a tile's hardware sends each row operation's outcome for the policy of one shard of rows. */
        public String shardResults(int shard) {
            return prefix + "shard." + shard + ".results";
        }

        /** The chip timeline's events (finished rows, the end of programming): statistics, progress and traces listen here. */
        public String timeline() {
            return prefix + "timeline";
        }

        /** Where a programmed tile answers analog multiply requests. */
        public String mvm(int tile) {
            return prefix + "tile." + tile + ".mvm";
        }

        /** Whether an address is one of this run's. */
        public boolean owns(String address) {
            return address.startsWith(prefix);
        }
    }

    /** Fresh addresses for a run, distinct from every other run's in this process. */
    public static Addresses newRun() {
        return new Addresses("xbarsim.run" + RUNS.incrementAndGet() + ".");
    }

    /** Registers the zero-copy codecs of every event type as their classes' default codecs, once per instance. */
    public static void registerCodecs(Vertx vertx) {
        synchronized (REGISTERED) {
            if (REGISTERED.putIfAbsent(vertx, Boolean.TRUE) != null) {
                return;
            }
            EventBus bus = vertx.eventBus();
            bus.registerDefaultCodec(RowOp.class, new AvroRecordCodec<>(RowOp.class, RowOp.getClassSchema()));
            bus.registerDefaultCodec(RowResult.class,
                    new AvroRecordCodec<>(RowResult.class, RowResult.getClassSchema()));
            bus.registerDefaultCodec(RowFinished.class,
                    new AvroRecordCodec<>(RowFinished.class, RowFinished.getClassSchema()));
            bus.registerDefaultCodec(ProgrammingEnded.class,
                    new AvroRecordCodec<>(ProgrammingEnded.class, ProgrammingEnded.getClassSchema()));
            bus.registerDefaultCodec(RowTargets.class,
                    new AvroRecordCodec<>(RowTargets.class, RowTargets.getClassSchema()));
            bus.registerDefaultCodec(MvmBatch.class, new AvroRecordCodec<>(MvmBatch.class, MvmBatch.getClassSchema()));
            bus.registerDefaultCodec(MvmResult.class,
                    new AvroRecordCodec<>(MvmResult.class, MvmResult.getClassSchema()));
            bus.registerDefaultCodec(Evaluated.class, new AvroRecordCodec<>(Evaluated.class, Evaluated.getClassSchema()));
            bus.registerDefaultCodec(CompensationRead.class,
                    new AvroRecordCodec<>(CompensationRead.class, CompensationRead.getClassSchema()));
            bus.registerDefaultCodec(Refreshed.class, new AvroRecordCodec<>(Refreshed.class, Refreshed.getClassSchema()));
            bus.registerDefaultCodec(NetworkLoaded.class,
                    new AvroRecordCodec<>(NetworkLoaded.class, NetworkLoaded.getClassSchema()));
        }
    }
}
