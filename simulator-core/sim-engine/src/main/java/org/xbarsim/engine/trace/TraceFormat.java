package org.xbarsim.engine.trace;

import java.util.List;
import org.apache.avro.Schema;
import org.xbarsim.api.event.CompensationRead;
import org.xbarsim.api.event.Evaluated;
import org.xbarsim.api.event.NetworkLoaded;
import org.xbarsim.api.event.ProgrammingEnded;
import org.xbarsim.api.event.Refreshed;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.api.event.TraceEnd;

/**
 * What a trace file holds. Its schema is the union of the event records (the same records the bus
 * carries); its header metadata the keys below. Readers resolve an older file's schema against this
 * one, so traces stay readable when records gain fields with defaults.
 */
public final class TraceFormat {
    /**
     * Bumped when the event schema changes in a way readers must know about. Version 2: rows became
     * the unit of order (each row's random streams are its own; rows of a tile run on several
     * threads), results carry their row's clock, and the chip's timeline publishes the finished rows
     * and the end of programming; a SET carries its width (RowOp.width, 1 in version-1 traces); the
     * network's evaluations and a chip's working life (compensation reads, refreshes, networks loaded)
     * are events of the timeline too.
     */
    public static final String EVENT_SCHEMA_VERSION = "2";

    /** Versions this xbarsim reads (to inspect); only {@link #EVENT_SCHEMA_VERSION} can be replayed. */
    public static final java.util.Set<String> READABLE_SCHEMA_VERSIONS = java.util.Set.of("1", "2");

    public static final String VERSION = "xbarsim.version";
    public static final String SCHEMA_VERSION = "xbarsim.eventSchemaVersion";
    public static final String LEVEL = "xbarsim.traceLevel";
    public static final String SCENARIO = "xbarsim.scenario";
    public static final String SCENARIO_SOURCE = "xbarsim.scenarioSource";
    public static final String SCENARIO_DIR = "xbarsim.scenarioDir";
    public static final String SEED = "xbarsim.seed";
    public static final String PLUGINS = "xbarsim.plugins";
    public static final String TILES = "xbarsim.tiles";

    /** How much a trace holds. */
    public enum Level {
        /** RowFinished per row and ProgrammingEnded: the timeline's events. */
        SUMMARY,
        /** Every row operation and its outcome: RowOp and RowResult, plus RowFinished. */
        ROW,
        /** Row level plus each row's targets (RowTargets): enough to replay the pulses on another device. */
        FULL;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Level of(String id) {
            for (Level l : values()) {
                if (l.id().equals(id)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("expected a trace level summary, row or full, got '" + id + "'");
        }
    }

    /**
     * The union of every record a trace may hold, in a fixed order; records added later go at the
     * end (a reader resolves an older file's union branch by record name).
     */
    public static final Schema SCHEMA = Schema.createUnion(List.of(RowOp.getClassSchema(),
            RowResult.getClassSchema(), RowFinished.getClassSchema(), RowTargets.getClassSchema(),
            TraceEnd.getClassSchema(), ProgrammingEnded.getClassSchema(), Evaluated.getClassSchema(),
            CompensationRead.getClassSchema(), Refreshed.getClassSchema(), NetworkLoaded.getClassSchema()));

    private TraceFormat() {
    }

    /**
     * Refuses to replay a trace of an older event schema: its runs drew their random numbers per tile,
     * not per row, so no run of this xbarsim can reproduce them.
     */
    public static void requireReplayable(java.util.Map<String, String> metadata, String source) {
        String v = metadata.get(SCHEMA_VERSION);
        if (!EVENT_SCHEMA_VERSION.equals(v)) {
            throw new org.xbarsim.api.io.InputError(source, SCHEMA_VERSION, "expected event schema version "
                    + EVENT_SCHEMA_VERSION + " to replay, got " + v + " (recorded by xbarsim "
                    + metadata.getOrDefault(VERSION, "?") + ", whose random streams were per tile, not per row: "
                    + "no run of this version reproduces it; 'xbarsim inspect' still reads it)");
        }
    }
}
