package org.xbarsim.engine.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.param.Quantity;

/**
 * What a trace holds, as the lines {@code xbarsim inspect} prints: header, completeness, event counts,
 * simulated time and per-row pulse statistics. Lines carry no line separators.
 */
public final class TraceText {
    private TraceText() {
    }

    /** The lines describing {@code t}, the inspection of the trace {@code file}. */
    public static List<String> lines(Path file, TraceInspection t) {
        List<String> out = new ArrayList<>();
        Map<String, String> m = t.metadata();
        long bytes = size(file);
        out.add(String.format("trace %s (%,d bytes)", file, bytes));
        TraceHeader h = t.header();
        out.add(String.format("  xbarsim %s, event schema %s, level %s", h.version(),
                m.getOrDefault(TraceFormat.SCHEMA_VERSION, "?"), h.level().id()));
        out.add(String.format("  scenario %s, seed %d", h.scenarioSource(), h.seed()));
        out.add(String.format("  plugins: %s", plugins(h.plugins())));
        out.add(String.format("  tiles: %s", tiles(h.tiles())));
        out.add(t.complete() ? "  complete (ends with its end marker)" : "  incomplete: read up to its last "
                + "complete block");
        StringBuilder line = new StringBuilder();
        t.counts().forEach((type, n) -> line.append(line.length() == 0 ? "" : ", ").append(String.format("%s %,d",
                type, n)));
        out.add(String.format("  events: %,d (%s)", t.events(), line));
        long operations = t.counts().get("RowOp");
        if (operations > 0) {
            out.add(String.format("  size: %,.0f bytes per row operation (with its result)", (double) bytes / operations));
        }
        out.add(time(t));
        if (t.finishedRows() > 0) {
            out.add(String.format("  per row (%,d rows): SET %s, RESET %s, read %s", t.finishedRows(),
                    spread(t.setOps()), spread(t.resetOps()), spread(t.readOps())));
        }
        return out;
    }

    private static String time(TraceInspection t) {
        if (t.endCycle() == null) {
            // The chip's timeline records when programming ended (event schema 2); older traces do not.
            return t.finishedRows() == 0 ? "  simulated time: no finished rows"
                    : "  simulated time: not recorded (the end of programming is recorded from event schema 2 on)";
        }
        return String.format("  simulated time: %s (%,d cycles%s, on the chip's timeline)", t.clockHertz() == null
                ? "unknown clock" : Quantity.TIME.format(t.endCycle() / t.clockHertz()), t.endCycle(),
                t.clockHertz() == null ? "" : " at " + Quantity.FREQUENCY.format(t.clockHertz()));
    }

    private static String spread(TraceInspection.Spread s) {
        return String.format("mean %.1f min %d max %d", s.mean(), s.min(), s.max());
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String plugins(Map<String, String> plugins) {
        if (plugins.isEmpty()) {
            return "?";
        }
        StringBuilder b = new StringBuilder();
        plugins.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }

    /** "3 of 256x256", or "3" when the tiles differ in size. */
    private static String tiles(List<TraceHeader.Tile> tiles) {
        TraceHeader.Tile t = tiles.get(0);
        boolean same = tiles.stream().allMatch(u -> u.rows() == t.rows() && u.cols() == t.cols());
        return tiles.size() + (same ? " of " + t.rows() + "x" + t.cols() : "");
    }
}
