package org.xbarsim.engine.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
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
 * @param metadata the header's xbarsim keys
 * @param events   every event, in file order
 * @param complete whether the trace ends with its end marker
 */
public record Trace(Map<String, String> metadata, List<SpecificRecord> events, boolean complete) {

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

    /** Events grouped by tile, each tile's in its recorded order: the order that replays compare. */
    public Map<Integer, List<SpecificRecord>> byTile() {
        return byTile(events);
    }

    public static Map<Integer, List<SpecificRecord>> byTile(List<SpecificRecord> events) {
        Map<Integer, List<SpecificRecord>> tiles = new TreeMap<>();
        for (SpecificRecord e : events) {
            tiles.computeIfAbsent(tileOf(e), t -> new ArrayList<>()).add(e);
        }
        return tiles;
    }

    /** The tile an event belongs to. */
    public static int tileOf(SpecificRecord e) {
        if (e instanceof RowOp r) {
            return r.getTile();
        }
        if (e instanceof RowResult r) {
            return r.getTile();
        }
        if (e instanceof RowFinished r) {
            return r.getTile();
        }
        if (e instanceof RowTargets r) {
            return r.getTile();
        }
        return -1;
    }
}
