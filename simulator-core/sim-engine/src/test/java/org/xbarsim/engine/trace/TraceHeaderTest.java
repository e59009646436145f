package org.xbarsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.replay.RecordedLayout;
import org.xbarsim.engine.run.TileJob;

class TraceHeaderTest {
    private static final String TILE = "{\"tile\":%d,\"layer\":0,\"layerName\":\"m\",\"rowOffset\":%d,\"colOffset\":0,"
            + "\"rows\":4,\"cols\":64,\"weightClip\":2.5}";

    private static Map<String, String> header() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TraceFormat.VERSION, "0.1.0");
        m.put(TraceFormat.LEVEL, "full");
        m.put(TraceFormat.SCENARIO, "name: t\n");
        m.put(TraceFormat.SCENARIO_SOURCE, "t.yaml");
        m.put(TraceFormat.SCENARIO_DIR, "/somewhere");
        m.put(TraceFormat.SEED, "7");
        m.put(TraceFormat.PLUGINS, "{\"device\":\"pcm device-pcm@0.1.0\"}");
        m.put(TraceFormat.TILES, "[" + TILE.formatted(0, 0) + "," + TILE.formatted(1, 4) + "]");
        return m;
    }

    @Test
    void aValidHeaderIsReadIntoTypedFields() {
        TraceHeader h = TraceHeader.of(header(), "t.avro");
        assertEquals(TraceFormat.Level.FULL, h.level());
        assertEquals(7, h.seed());
        assertEquals(2, h.tiles().size());
        assertEquals(new TraceHeader.Tile(1, 0, "m", 4, 0, 4, 64, 2.5), h.tiles().get(1));
        assertEquals(List.of(0, 1), RecordedLayout.jobs(h).stream().map(TileJob::tile).toList());
        assertEquals("pcm device-pcm@0.1.0", h.plugins().get("device"));
        h.checkFits(4, 64, "t.avro");
        InputError tooBig = assertThrows(InputError.class, () -> h.checkFits(4, 32, "t.avro"));
        assertTrue(tooBig.getMessage().startsWith("t.avro: xbarsim.tiles: expected tiles of at most 4x32"),
                tooBig.getMessage());
    }

    @Test
    void aHeaderIsWrittenAsItIsRead() {
        TraceHeader h = TraceHeader.of(header(), "t.avro");
        java.util.Map<String, String> written = h.metadata();
        assertEquals(h, TraceHeader.of(written, "t.avro"));
        assertEquals(TraceFormat.EVENT_SCHEMA_VERSION, written.get(TraceFormat.SCHEMA_VERSION));
    }

    @Test
    void theLayoutMustBeTheScenariosAndEveryTileMustHaveEvents() {
        TraceHeader h = TraceHeader.of(header(), "t.avro");
        RecordedLayout.check(h, RecordedLayout.jobs(h), "t.avro");
        assertThrows(InputError.class, () -> RecordedLayout.check(h, RecordedLayout.jobs(h).subList(0, 1), "t.avro"));
        h.checkEvents(Map.of(0, List.of(1), 1, List.of(2)), "t.avro");
        InputError missing = assertThrows(InputError.class, () -> h.checkEvents(Map.of(0, List.of(1)), "t.avro"));
        assertTrue(missing.getMessage().contains("got none for tile 1"), missing.getMessage());
        InputError stray = assertThrows(InputError.class, () -> h.checkEvents(Map.of(0, List.of(1), 1, List.of(1),
                5, List.of(1)), "t.avro"));
        assertTrue(stray.getMessage().contains("events of tile 5"), stray.getMessage());
    }

    @Test
    void eachFieldOutOfBoundsNamesItsKey() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(TraceFormat.SEED, "-1");
        bad.put(TraceFormat.LEVEL, "most");
        bad.put(TraceFormat.TILES, "[" + TILE.formatted(0, 0).replace("\"cols\":64", "\"cols\":2000000000") + "]");
        bad.put(TraceFormat.VERSION, "1\n2");
        bad.put(TraceFormat.SCENARIO_SOURCE, "x".repeat(5000));
        bad.put(TraceFormat.PLUGINS, "[1]");
        bad.put(TraceFormat.SCENARIO, "#".repeat((1 << 20) + 1));
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Map<String, String> m = header();
            m.put(e.getKey(), e.getValue());
            InputError err = assertThrows(InputError.class, () -> TraceHeader.of(m, "t.avro"), e.getKey());
            assertTrue(err.getMessage().startsWith("t.avro: " + e.getKey()), err.getMessage());
        }
        Map<String, String> none = header();
        none.remove(TraceFormat.TILES);
        assertTrue(assertThrows(InputError.class, () -> TraceHeader.of(none, "t.avro")).getMessage()
                .contains("expected this key in the trace header"));
    }
}
