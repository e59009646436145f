package org.xbarsim.engine.trace;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.scenario.ScenarioLoader;

/**
 * A trace's header, every field bounded and validated before anything uses it: a trace is input, and
 * its header decides what a replay builds (how many tiles of which size) and runs (the recorded
 * scenario). A field out of its bounds is an {@link InputError} naming the trace and the key, so a
 * crafted header (a tile of 2e9 columns, 20,000 tiles, a seed of -1, a tile list that is not JSON)
 * costs one line and exit status 2, never an allocation it asks for.
 *
 * @param version        the xbarsim that wrote it (one printable line)
 * @param level          how much the trace holds
 * @param scenarioText   the scenario as run (at most a scenario file's limit)
 * @param scenarioSource the recorded scenario's file name as given to the recording run
 * @param scenarioDir    the recorded scenario's directory on the recording machine (a hint, never trusted)
 * @param seed           the recorded seed
 * @param plugins        kind -> "id plugin@version", for display
 * @param tiles          the tile layout, in tile order
 */
public record TraceHeader(String version, TraceFormat.Level level, String scenarioText, String scenarioSource,
                          String scenarioDir, long seed, Map<String, String> plugins, List<Tile> tiles) {
    /** More tiles than this is no chip xbarsim simulates (65,536 tiles of 256 x 256 is 4.3e9 weights). */
    public static final int MAX_TILES = 1 << 16;
    /** A tile side larger than this is no crossbar (the largest scenario key allows 65,536). */
    public static final int MAX_TILE_SIDE = 1 << 16;
    /** Paths, names and versions: a line, not a document. */
    static final int MAX_LINE = 4096;

    /**
     * One tile of the recorded layout.
     *
     * @param weightClip the layer's largest |w| (finite, at least 0)
     */
    public record Tile(int tile, int layer, String layerName, int rowOffset, int colOffset, int rows, int cols,
                       double weightClip) {
    }

    /**
     * The header's keys as a trace file holds them (with the event schema this version writes): what
     * {@link #of} reads back.
     */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TraceFormat.VERSION, version);
        m.put(TraceFormat.SCHEMA_VERSION, TraceFormat.EVENT_SCHEMA_VERSION);
        m.put(TraceFormat.LEVEL, level.id());
        m.put(TraceFormat.SCENARIO, scenarioText);
        m.put(TraceFormat.SCENARIO_SOURCE, scenarioSource);
        m.put(TraceFormat.SCENARIO_DIR, scenarioDir);
        m.put(TraceFormat.SEED, Long.toString(seed));
        m.put(TraceFormat.PLUGINS, new JsonObject(new LinkedHashMap<>(plugins)).encode());
        JsonArray a = new JsonArray();
        for (Tile t : tiles) {
            a.add(new JsonObject().put("tile", t.tile()).put("layer", t.layer()).put("layerName", t.layerName())
                    .put("rowOffset", t.rowOffset()).put("colOffset", t.colOffset()).put("rows", t.rows())
                    .put("cols", t.cols()).put("weightClip", t.weightClip()));
        }
        m.put(TraceFormat.TILES, a.encode());
        return m;
    }

    /** The refusal of a trace cut short (the recording run was stopped). */
    public static InputError cutShort(java.nio.file.Path file) {
        return new InputError(file.toString(), "", "expected a complete trace, got one cut short (the run was "
                + "stopped); 'xbarsim inspect' reads what it holds");
    }

    /** Validates the header's xbarsim keys; {@code source} (the trace file) names it in errors. */
    public static TraceHeader of(Map<String, String> m, String source) {
        Fields f = new Fields(m, source);
        String version = f.line(TraceFormat.VERSION);
        TraceFormat.Level level;
        try {
            level = TraceFormat.Level.of(f.line(TraceFormat.LEVEL));
        } catch (IllegalArgumentException e) {
            throw new InputError(source, TraceFormat.LEVEL, e.getMessage());
        }
        String scenario = f.required(TraceFormat.SCENARIO);
        if (scenario.length() > ScenarioLoader.MAX_FILE_BYTES) {
            throw new InputError(source, TraceFormat.SCENARIO, "expected a recorded scenario of at most "
                    + ScenarioLoader.MAX_FILE_BYTES + " characters, as a scenario file is, got " + scenario.length());
        }
        String seedText = f.line(TraceFormat.SEED);
        long seed;
        try {
            seed = Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            seed = -1;
        }
        if (seed < 0) {
            throw new InputError(source, TraceFormat.SEED, "expected a whole number >= 0, got '" + seedText + "'");
        }
        return new TraceHeader(version, level, scenario, f.line(TraceFormat.SCENARIO_SOURCE),
                f.line(TraceFormat.SCENARIO_DIR), seed, plugins(m.get(TraceFormat.PLUGINS), source),
                tiles(f.required(TraceFormat.TILES), source));
    }

    /** The largest tile side recorded, rows and columns: no larger than the replaying chip's tiles. */
    public void checkFits(int tileRows, int tileCols, String source) {
        for (Tile t : tiles) {
            if (t.rows() > tileRows || t.cols() > tileCols) {
                throw new InputError(source, TraceFormat.TILES, "expected tiles of at most " + tileRows + "x" + tileCols
                        + " (the recorded scenario's chip.tile), got tile " + t.tile() + " of " + t.rows() + "x"
                        + t.cols());
            }
        }
    }

    /**
     * For an open-loop replay, before any tile is built: the events are of the header's tiles, and
     * every tile has some (a header listing tiles its trace never programmed was not written by
     * xbarsim, and would have them built for nothing).
     */
    public void checkEvents(Map<Integer, ? extends List<?>> eventsByTile, String source) {
        for (Integer t : eventsByTile.keySet()) {
            if (t < 0 || t >= tiles.size()) {
                throw new InputError(source, TraceFormat.TILES, "expected events of the header's " + tiles.size()
                        + " tiles only, got events of tile " + t);
            }
        }
        for (Tile t : tiles) {
            if (!eventsByTile.containsKey(t.tile())) {
                throw new InputError(source, TraceFormat.TILES, "expected events for each of the header's "
                        + tiles.size() + " tiles, got none for tile " + t.tile());
            }
        }
    }

    /** The header's keys, each checked as it is read. */
    private record Fields(Map<String, String> m, String source) {
        String required(String key) {
            String v = m.get(key);
            if (v == null) {
                throw new InputError(source, key, "expected this key in the trace header, found none");
            }
            return v;
        }

        /** A one-line field: no control characters, at most {@link #MAX_LINE} characters. */
        String line(String key) {
            String v = required(key);
            if (v.length() > MAX_LINE) {
                throw new InputError(source, key, "expected at most " + MAX_LINE + " characters, got " + v.length());
            }
            for (int i = 0; i < v.length(); i++) {
                if (Character.isISOControl(v.charAt(i))) {
                    throw new InputError(source, key, "expected one line of text, got a control character at "
                            + i);
                }
            }
            return v;
        }
    }

    /** The plugins recorded: kind -> text; absent or malformed is shown as nothing (it is for display). */
    private static Map<String, String> plugins(String json, String source) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        JsonObject o;
        try {
            o = new JsonObject(json);
        } catch (DecodeException | ClassCastException e) {
            throw new InputError(source, TraceFormat.PLUGINS, "expected a JSON object of plugins, got text that is "
                    + "not one");
        }
        for (String k : o.fieldNames()) {
            Object v = o.getValue(k);
            if (!(v instanceof String s) || s.length() > MAX_LINE || k.length() > MAX_LINE || out.size() >= 16) {
                throw new InputError(source, TraceFormat.PLUGINS, "expected a few kinds, each with a line of text, "
                        + "got '" + k + "'");
            }
            out.put(k, s);
        }
        return out;
    }

    private static List<Tile> tiles(String json, String source) {
        JsonArray a;
        try {
            a = new JsonArray(json);
        } catch (DecodeException | ClassCastException e) {
            throw new InputError(source, TraceFormat.TILES, "expected a JSON array of tiles, got text that is not one");
        }
        if (a.isEmpty() || a.size() > MAX_TILES) {
            throw new InputError(source, TraceFormat.TILES, "expected 1.." + MAX_TILES + " tiles, got " + a.size());
        }
        List<Tile> tiles = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof JsonObject t)) {
                throw new InputError(source, TraceFormat.TILES + "[" + i + "]", "expected a tile object");
            }
            String where = TraceFormat.TILES + "[" + i + "]";
            int tile = whole(t, "tile", i, i, source, where);
            String name = t.getValue("layerName") instanceof String s && s.length() <= MAX_LINE ? s : null;
            if (name == null) {
                throw new InputError(source, where + ".layerName", "expected a layer name of at most " + MAX_LINE
                        + " characters");
            }
            Object clip = t.getValue("weightClip");
            if (!(clip instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0) {
                throw new InputError(source, where + ".weightClip", "expected a finite number >= 0, got " + clip);
            }
            tiles.add(new Tile(tile, whole(t, "layer", 0, MAX_TILES - 1, source, where), name,
                    whole(t, "rowOffset", 0, Integer.MAX_VALUE, source, where),
                    whole(t, "colOffset", 0, Integer.MAX_VALUE, source, where),
                    whole(t, "rows", 1, MAX_TILE_SIDE, source, where), whole(t, "cols", 1, MAX_TILE_SIDE, source, where),
                    n.doubleValue()));
        }
        return List.copyOf(tiles);
    }

    /** A whole-number field in lo..hi (tile ids must be 0, 1, 2, ... in order). */
    private static int whole(JsonObject t, String key, int lo, int hi, String source, String where) {
        Object v = t.getValue(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= lo
                && n.doubleValue() <= hi) {
            return n.intValue();
        }
        throw new InputError(source, where + "." + key, "expected a whole number in " + lo + ".." + hi + ", got " + v);
    }
}
