package org.xbarsim.engine.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.TrustedEvents;
import org.xbarsim.api.io.InputError;

/**
 * A trace read as a stream, one event at a time, so a trace of any size is read in the memory of one
 * block. Opening checks the header (an Avro container file, an xbarsim header, an event schema this
 * xbarsim knows and that names only its own records) and refuses anything else with an
 * {@link InputError}; reading stops at the end marker, or at the first block cut short or damaged,
 * after which {@link #complete()} tells which it was. Every size is bounded: see {@link TraceFileReader}.
 */
public final class TraceReader implements AutoCloseable {
    private final String source;
    private final TraceFileReader reader;
    private final Map<String, String> metadata;
    private List<SpecificRecord> block = List.of();
    private int next;

    private TraceReader(String source, TraceFileReader reader) {
        this.source = source;
        this.reader = reader;
        this.metadata = Collections.unmodifiableMap(reader.metadata());
    }

    public static TraceReader open(Path file) {
        TrustedEvents.install();
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new InputError(source, "", "expected an xbarsim trace (from xbarsim run --record), found no such file");
        }
        return new TraceReader(source, TraceFileReader.open(file));
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
        while (next == block.size()) {
            List<SpecificRecord> b = reader.nextBlock();
            if (b == null) {
                return null;
            }
            block = b;
            next = 0;
        }
        return block.get(next++);
    }

    /**
     * A quick look at the end of the file: false when the trace was surely cut short (no end marker in
     * its last block), so a caller can refuse it before reading it all.
     */
    public boolean endsWithMarker() {
        return reader.endsWithMarker();
    }

    /** Whether the trace ended with its end marker; meaningful once {@link #next()} has returned null. */
    public boolean complete() {
        return reader.complete();
    }

    @Override
    public void close() {
        reader.close();
    }
}
