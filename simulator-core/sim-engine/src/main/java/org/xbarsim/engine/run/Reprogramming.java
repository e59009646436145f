package org.xbarsim.engine.run;

import java.util.List;
import org.xbarsim.engine.hw.CrossbarTile;

/**
 * A programming run of tiles that exist already (a chip in its working life): the tiles, in job
 * order, and what the run does with them.
 *
 * @param tiles            the tiles, in job order
 * @param streams          the name the rows' random streams go under ({@code tile3/refresh2/row17/pulses});
 *                         empty for a chip's first programming, whose rows' streams are
 *                         {@code tile3/row17/pulses} as in any run
 * @param refreshTolerance for a refresh in place, the tolerance the weights are read against: each
 *                         row's used columns are read once, and those whose weight is further than this
 *                         from its target are programmed again from the state they have (the policy must
 *                         {@link org.xbarsim.api.programming.ProgrammingPolicy#refreshesInPlace refresh in
 *                         place}); NaN to program every weight as a first programming does
 * @param calibrates       whether the tiles' ADCs are calibrated first (a first programming's)
 */
public record Reprogramming(List<CrossbarTile> tiles, String streams, double refreshTolerance, boolean calibrates) {
    public Reprogramming {
        tiles = List.copyOf(tiles);
    }

    /** Whether the run refreshes in place. */
    public boolean refreshes() {
        return !Double.isNaN(refreshTolerance);
    }
}
