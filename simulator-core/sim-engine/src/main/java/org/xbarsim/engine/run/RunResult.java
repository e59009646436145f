package org.xbarsim.engine.run;

import java.util.List;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.stats.TileStatistics;

/**
 * The outcome of a programming run: per-tile statistics in tile order, and what the run cost.
 *
 * @param wallSeconds from fabricating the first tile to programming the last row
 * @param busEvents   simulation events sent on the event bus
 * @param busShare    share of the event loops' busy time (from a loop's first tile starting to its
 *                    last tile finishing) not spent in simulation work: event-bus delivery and Vert.x
 *                    scheduling, and, conservatively, any time the thread was not running at all
 */
public record RunResult(ChipConfig chip, List<TileStatistics> tiles, double wallSeconds, long busEvents,
                        double busShare, int threads) {
}
