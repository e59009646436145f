package org.xbarsim.engine.replay;

import java.util.List;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceHeader;

/** The tile layout a trace's header records, as the tile jobs a replay builds, checked against a scenario's. */
public final class RecordedLayout {
    private RecordedLayout() {
    }

    /** The tile jobs of an open-loop replay, in tile order: geometry only, targets come from the events. */
    public static List<TileJob> jobs(TraceHeader header) {
        return header.tiles().stream().map(t -> new TileJob(t.tile(), t.layer(), t.layerName(), t.rowOffset(),
                t.colOffset(), t.rows(), t.cols(), new double[0], t.weightClip())).toList();
    }

    /** The header's tiles of a run's tile jobs: what a trace records of the layout. */
    public static List<TraceHeader.Tile> tiles(List<TileJob> jobs) {
        return jobs.stream().map(j -> new TraceHeader.Tile(j.tile(), j.layer(), j.layerName(), j.rowOffset(),
                j.colOffset(), j.rows(), j.cols(), j.weightClip())).toList();
    }

    /**
     * For an exact replay: the recorded layout must be the one the recorded scenario maps to again (a
     * header whose tiles disagree with its own scenario was not written by xbarsim).
     */
    public static void check(TraceHeader header, List<TileJob> jobs, String source) {
        List<TraceHeader.Tile> tiles = header.tiles();
        boolean same = jobs.size() == tiles.size();
        for (int i = 0; same && i < jobs.size(); i++) {
            TileJob j = jobs.get(i);
            TraceHeader.Tile t = tiles.get(i);
            same = j.tile() == t.tile() && j.layer() == t.layer() && j.rows() == t.rows() && j.cols() == t.cols()
                    && j.rowOffset() == t.rowOffset() && j.colOffset() == t.colOffset();
        }
        if (!same) {
            throw new InputError(source, TraceFormat.TILES, "expected the tile layout of the recorded scenario ("
                    + jobs.size() + " tiles), got another (" + tiles.size() + " tiles)");
        }
    }
}
