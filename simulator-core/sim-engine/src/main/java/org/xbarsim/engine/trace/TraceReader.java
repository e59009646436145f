package org.xbarsim.engine.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.TraceEnd;
import org.xbarsim.api.event.TrustedEvents;
import org.xbarsim.api.io.InputError;

/**
 * A trace read as a stream, one event at a time, so a trace of any size is read in constant memory.
 * Opening checks the header (an Avro container file, an xbarsim header, an event schema this xbarsim
 * knows) and refuses anything else with an {@link InputError}; reading stops at the end marker, or
 * at the first block cut short or damaged, after which {@link #complete()} tells which it was.
 */
public final class TraceReader implements AutoCloseable {
    private final String source;
    private final DataFileReader<Object> reader;
    private final Map<String, String> metadata;
    private boolean complete;
    private boolean ended;

    private TraceReader(String source, DataFileReader<Object> reader, Map<String, String> metadata) {
        this.source = source;
        this.reader = reader;
        this.metadata = metadata;
    }

    public static TraceReader open(Path file) {
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
        return new TraceReader(source, reader, Collections.unmodifiableMap(metadata));
    }

    /** The header's xbarsim keys. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public String source() {
        return source;
    }

    /** The next event, or null when the trace ends (cleanly or cut short: see {@link #complete()}). */
    public SpecificRecord next() {
        if (ended) {
            return null;
        }
        try {
            if (reader.hasNext()) {
                Object event = reader.next();
                if (!(event instanceof TraceEnd)) {
                    return (SpecificRecord) event;
                }
                complete = true;
            }
        } catch (AvroRuntimeException e) {
            // A block cut short or damaged: everything before it stands; the trace is incomplete.
            complete = false;
        }
        ended = true;
        return null;
    }

    /** Whether the trace ended with its end marker; meaningful once {@link #next()} has returned null. */
    public boolean complete() {
        return complete;
    }

    @Override
    public void close() {
        close(reader);
    }

    private static void close(DataFileReader<Object> reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Reading is over; a failure to close a read-only file loses nothing.
        }
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }
}
