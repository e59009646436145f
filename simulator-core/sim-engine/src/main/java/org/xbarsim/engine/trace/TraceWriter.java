package org.xbarsim.engine.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.TraceEnd;
import org.xbarsim.api.event.TrustedEvents;

/**
 * Writes events to an Avro object container file from a thread of its own, so the event loops only
 * hand records over. Blocks of about 64 KiB are flushed to the file as they fill: a run killed midway
 * leaves a trace readable up to its last complete block. A clean close appends {@link TraceEnd}.
 *
 * <p>Events of one tile arrive in the tile's order (one loop produces them); tiles interleave.
 */
public final class TraceWriter implements AutoCloseable {
    private static final Object STOP = new Object();
    private static final int SYNC_INTERVAL = 64 * 1024;

    private final DataFileWriter<Object> writer;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1 << 14);
    private final Thread thread;
    private volatile Throwable failure;
    private long events;
    private boolean closed;

    public TraceWriter(Path file, Map<String, String> metadata) {
        TrustedEvents.install();
        writer = new DataFileWriter<>(new SpecificDatumWriter<>(TraceFormat.SCHEMA));
        writer.setSyncInterval(SYNC_INTERVAL);
        writer.setFlushOnEveryBlock(true);
        metadata.forEach(writer::setMeta);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writer.create(TraceFormat.SCHEMA, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create trace " + file + ": " + e.getMessage(), e);
        }
        thread = new Thread(this::drain, "xbarsim-trace-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands an event to the writer; blocks only if the writer falls far behind. */
    public void record(SpecificRecord event) {
        if (failure != null) {
            throw new IllegalStateException("trace writer failed: " + failure, failure);
        }
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording", e);
        }
    }

    private void drain() {
        try {
            while (true) {
                Object event = queue.take();
                if (event == STOP) {
                    return;
                }
                writer.append(event);
                events++;
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Events written so far (after close: all of them). */
    public long events() {
        return events;
    }

    /** Writes what is queued and the end marker, and closes the file. */
    @Override
    public void close() {
        finish(true);
    }

    /**
     * Closes a trace whose run failed: what was recorded is kept, but without the end marker, so the
     * trace reads as cut short, as it is.
     */
    public void abort() {
        finish(false);
    }

    private void finish(boolean complete) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            thread.join();
            if (failure == null && complete) {
                writer.append(new TraceEnd(events));
            }
            writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (failure != null) {
            throw new IllegalStateException("trace writer failed: " + failure, failure);
        }
    }
}
