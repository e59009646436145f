package org.xbarsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.RowFinished;

/**
 * The trace writer takes events from several event-loop threads at once, in batches per thread:
 * every event arrives once, each tile's in its own order, and a clean close marks the trace complete.
 */
class TraceWriterTest {
    @TempDir
    Path dir;

    private static RowFinished row(int tile, int row) {
        return new RowFinished(tile, row, (long) row, 1L, 1, 1, 0, 0, 0, 0.0, 0.0, 0L);
    }

    @Test
    void eventsFromSeveralThreadsArriveOnceAndInEachTilesOrder() throws Exception {
        Path file = dir.resolve("t.avro");
        int tiles = 4;
        // Not a multiple of the batch size: the last, partly filled batch of each thread is written at close.
        int perTile = 10 * TraceWriter.BATCH + 37;
        TraceWriter writer = new TraceWriter(file, Map.of(TraceFormat.SCHEMA_VERSION, TraceFormat.EVENT_SCHEMA_VERSION));
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < tiles; t++) {
            int tile = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int r = 0; r < perTile; r++) {
                        writer.record(row(tile, r));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        writer.close();
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals((long) tiles * perTile, writer.events());

        Trace trace = Trace.read(file);
        assertTrue(trace.complete());
        Map<Integer, List<SpecificRecord>> byTile = new java.util.TreeMap<>();
        for (SpecificRecord e : trace.events()) {
            byTile.computeIfAbsent(((RowFinished) e).getTile(), t -> new ArrayList<>()).add(e);
        }
        assertEquals(tiles, byTile.size());
        for (int t = 0; t < tiles; t++) {
            List<SpecificRecord> events = byTile.get(t);
            assertEquals(perTile, events.size(), "tile " + t);
            for (int r = 0; r < perTile; r++) {
                assertEquals(r, ((RowFinished) events.get(r)).getRow(), "tile " + t + " in order");
            }
        }
    }
}
