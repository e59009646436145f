package org.xbarsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.RowFinished;

/**
 * Reading a trace as a stream: every event in order with the end marker checked, and the quick look
 * at the file's tail that tells a cut-short trace before reading it all.
 */
class TraceReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, int events, boolean clean) {
        Path file = dir.resolve(name);
        TraceWriter w = new TraceWriter(file, Map.of(TraceFormat.SCHEMA_VERSION, TraceFormat.EVENT_SCHEMA_VERSION));
        for (int i = 0; i < events; i++) {
            w.record(new RowFinished(0, i, (long) i, 1L, 1, 1, 0, 0, 0, 0.0, 0.0, 0L));
        }
        if (clean) {
            w.close();
        } else {
            w.abort();
        }
        return file;
    }

    @Test
    void aCleanTraceStreamsEveryEventAndEndsWithItsMarker() {
        Path file = write("clean.avro", 20_000, true);
        try (TraceReader r = TraceReader.open(file)) {
            assertTrue(r.endsWithMarker());
            int n = 0;
            for (SpecificRecord e = r.next(); e != null; e = r.next()) {
                assertEquals(n++, ((RowFinished) e).getRow());
            }
            assertEquals(20_000, n);
            assertTrue(r.complete());
            assertNull(r.next(), "stays at the end");
        }
    }

    @Test
    void aTraceWithoutItsEndMarkerIsToldFromItsTail() {
        Path file = write("aborted.avro", 20_000, false);
        try (TraceReader r = TraceReader.open(file)) {
            assertFalse(r.endsWithMarker());
        }
    }

    @Test
    void aTraceCutAnywhereInItsBodyIsToldFromItsTail() throws IOException {
        Path file = write("whole.avro", 20_000, true);
        byte[] bytes = Files.readAllBytes(file);
        // The header ends with the sync marker that also ends every block (the file's last 16 bytes).
        byte[] sync = Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length);
        int header = 0;
        while (!Arrays.equals(bytes, header, header + 16, sync, 0, 16)) {
            header++;
        }
        header += 16;
        // Cuts from just after the header to a byte short of the end: inside blocks and at their boundaries.
        for (int cut = bytes.length - 1; cut > header; cut -= 997) {
            Path cutFile = dir.resolve("cut.avro");
            Files.write(cutFile, Arrays.copyOf(bytes, cut));
            try (TraceReader r = TraceReader.open(cutFile)) {
                assertFalse(r.endsWithMarker(), "cut at " + cut + " of " + bytes.length);
                while (r.next() != null) {
                    // read what it holds
                }
                assertFalse(r.complete(), "cut at " + cut);
            }
        }
    }
}
