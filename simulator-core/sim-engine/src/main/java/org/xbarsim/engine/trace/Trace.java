package org.xbarsim.engine.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.api.event.TraceEnd;
import org.xbarsim.api.event.TrustedEvents;
import org.xbarsim.api.io.InputError;

/**
 * A trace read back: its header and its events. A file cut short (a killed run) is read up to its
 * last complete block and marked incomplete; a file that is not a trace, or that an unknown newer
 * xbarsim wrote, is refused with an {@link InputError}.
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
        DataFileReader<Object> reader;
        try {
            reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(TraceFormat.SCHEMA));
        } catch (NoSuchFileException e) {
            throw new InputError(source, "", "expected an xbarsim trace, found no such file");
        } catch (IOException | AvroRuntimeException e) {
            throw new InputError(source, "", "expected an xbarsim trace (an Avro object container file), got a file "
                    + "that is not one or is damaged in its header: " + oneLine(e));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (String key : reader.getMetaKeys()) {
            if (key.startsWith("xbarsim.")) {
                metadata.put(key, reader.getMetaString(key));
            }
        }
        String version = metadata.get(TraceFormat.SCHEMA_VERSION);
        if (version == null) {
            close(reader);
            throw new InputError(source, TraceFormat.SCHEMA_VERSION, "expected an xbarsim trace header, found an Avro "
                    + "file without one");
        }
        if (!version.equals(TraceFormat.EVENT_SCHEMA_VERSION)) {
            close(reader);
            throw new InputError(source, TraceFormat.SCHEMA_VERSION, "expected event schema version "
                    + TraceFormat.EVENT_SCHEMA_VERSION + ", got " + version + " (written by xbarsim "
                    + metadata.getOrDefault(TraceFormat.VERSION, "?") + "; a newer xbarsim reads it)");
        }
        List<SpecificRecord> events = new ArrayList<>();
        boolean complete = false;
        try {
            while (reader.hasNext()) {
                Object event = reader.next();
                if (event instanceof TraceEnd) {
                    complete = true;
                } else {
                    events.add((SpecificRecord) event);
                }
            }
        } catch (AvroRuntimeException e) {
            // A block cut short or damaged: everything before it stands; the trace is incomplete.
            complete = false;
        } finally {
            close(reader);
        }
        return new Trace(Collections.unmodifiableMap(metadata), Collections.unmodifiableList(events), complete);
    }

    private static void close(DataFileReader<Object> reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Reading is over; a failure to close a read-only file loses nothing.
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
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
