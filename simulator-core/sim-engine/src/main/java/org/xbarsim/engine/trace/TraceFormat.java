package org.xbarsim.engine.trace;

import java.util.List;
import org.apache.avro.Schema;
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
     * Bumped when the event schema changes in a way readers must know about. 2: RowOp gained
     * {@code width} (a SET pulse's width relative to the nominal one), which version-1 traces read as 1.
     */
    public static final String EVENT_SCHEMA_VERSION = "2";

    /** Versions this reader accepts: every version whose records resolve against today's schema. */
    public static final List<String> READABLE_SCHEMA_VERSIONS = List.of("1", "2");

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
        /** RowFinished per row. */
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

    /** The union of every record a trace may hold, in a fixed order. */
    public static final Schema SCHEMA = Schema.createUnion(List.of(RowOp.getClassSchema(),
            RowResult.getClassSchema(), RowFinished.getClassSchema(), RowTargets.getClassSchema(),
            TraceEnd.getClassSchema()));

    private TraceFormat() {
    }
}
