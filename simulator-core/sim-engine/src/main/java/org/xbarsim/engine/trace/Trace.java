package org.xbarsim.engine.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.CompensationRead;
import org.xbarsim.api.event.Evaluated;
import org.xbarsim.api.event.NetworkLoaded;
import org.xbarsim.api.event.ProgrammingEnded;
import org.xbarsim.api.event.Refreshed;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.api.event.TrustedEvents;
import org.xbarsim.api.io.InputError;

/**
 * A trace read back whole: its header and its events, in memory. A file cut short (a killed run) is
 * read up to its last complete block and marked incomplete; a file that is not a trace, or that an
 * unknown newer xbarsim wrote, is refused with an {@link InputError}. For traces too large to hold,
 * read with {@link TraceReader}.
 *
 * <p>Order: rows are the unit. A row's conversation (its targets, each operation and its result) is
 * in the row's order; the timeline's events (finished rows, the end of programming) are in the chip
 * clock's order; rows of different tiles, and of one tile computed on different threads, interleave
 * freely. {@link #stream} says which of these orders an event belongs to.
 *
 * @param metadata the header's xbarsim keys
 * @param events   every event, in file order
 * @param complete whether the trace ends with its end marker
 */
public record Trace(Map<String, String> metadata, List<SpecificRecord> events, boolean complete) {
    /** The stream of the chip timeline's events; row streams are {@code tile << 32 | row}. */
    public static final long TIMELINE = Long.MAX_VALUE;

    public static Trace read(Path file) {
        TrustedEvents.install();
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new InputError(source, "", "expected an xbarsim trace (from xbarsim run --record), found no such file");
        }
        // A block cut short or damaged ends the readable prefix: everything before it stands.
        TraceFileReader.Contents contents = TraceFileReader.read(file);
        return new Trace(Collections.unmodifiableMap(contents.metadata()),
                Collections.unmodifiableList(contents.events()), contents.complete());
    }

    /** Events grouped by stream ({@link #stream}), each in its recorded order, streams in (tile, row) order, the timeline last. */
    public Map<Long, List<SpecificRecord>> byStream() {
        Map<Long, List<SpecificRecord>> streams = new TreeMap<>();
        for (SpecificRecord e : events) {
            streams.computeIfAbsent(stream(e), s -> new ArrayList<>()).add(e);
        }
        return streams;
    }

    /** Row events grouped by tile (the timeline's left out), tiles in order: what a header's tiles must match. */
    public Map<Integer, List<SpecificRecord>> byTile() {
        Map<Integer, List<SpecificRecord>> tiles = new TreeMap<>();
        for (SpecificRecord e : events) {
            long s = stream(e);
            if (s != TIMELINE && s >= 0) {
                tiles.computeIfAbsent((int) (s >> 32), t -> new ArrayList<>()).add(e);
            }
        }
        return tiles;
    }

    /**
     * The order an event belongs to: a row's conversation ({@code tile << 32 | row}: its targets, its
     * operations and their results), or the chip's {@link #TIMELINE} (finished rows, the end of
     * programming, evaluations, a working life's compensation reads, refreshes and networks loaded).
     */
    public static long stream(SpecificRecord e) {
        if (e instanceof RowOp r) {
            return rowStream(r.getTile(), r.getRow());
        }
        if (e instanceof RowResult r) {
            return rowStream(r.getTile(), r.getRow());
        }
        if (e instanceof RowTargets r) {
            return rowStream(r.getTile(), r.getRow());
        }
        if (e instanceof RowFinished || e instanceof ProgrammingEnded || e instanceof Evaluated
                || e instanceof CompensationRead || e instanceof Refreshed || e instanceof NetworkLoaded) {
            return TIMELINE;
        }
        return -1;
    }

    public static long rowStream(int tile, int row) {
        return ((long) tile << 32) | (row & 0xffffffffL);
    }

    /** A stream named for people: "tile 3 row 17" or "the timeline". */
    public static String describe(long stream) {
        return stream == TIMELINE ? "the timeline" : "tile " + (int) (stream >> 32) + " row " + (int) stream;
    }
}
