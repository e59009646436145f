package org.xbarsim.engine.run;

import java.util.List;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.stats.TileStatistics;
import org.xbarsim.engine.timeline.TimelineResult;

/**
 * The outcome of a programming run: per-tile statistics in tile order, when programming ended on
 * the chip's timeline, and what the run cost.
 *
 * @param timeline    the chip's timeline: the programming time, each tile's and layer's end, and the
 *                    shared hardware's use
 * @param wallSeconds from fabricating the first tile to timing the last row
 * @param busEvents   simulation events sent on the event bus
 * @param busShare    share of the event loops' time spent delivering bus messages: the gaps between
 *                    one simulation handler returning and the next starting, plus the send calls
 * @param programmed  the tiles as programming left them, in tile order: what inference runs on
 * @param pauseShare  share of the event loops' time stopped for longer than a millisecond between
 *                    handlers: garbage collection and other JVM pauses, not bus work (see LoopClock)
 * @param peakResidentBytes the process's peak resident memory when programming ended, -1 if unknown
 */
public record RunResult(ChipConfig chip, List<TileStatistics> tiles, TimelineResult timeline, double wallSeconds,
                        long busEvents, double busShare, double pauseShare, int threads,
                        List<CrossbarTile> programmed, long peakResidentBytes) {
}
