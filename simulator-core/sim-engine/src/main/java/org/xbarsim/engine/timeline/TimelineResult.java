package org.xbarsim.engine.timeline;

import java.util.List;

/**
 * When programming ended on the chip's timeline, as the timeline saw it happen.
 *
 * @param endCycle  the cycle at which the last row of the chip ended
 * @param tileEnds  per timed tile, in the order the tiles were given: the cycle its last row ended
 * @param layerEnds per layer: the cycle the layer's last row ended
 * @param resources what each resource in play did (shared, or limited, or taking time)
 * @param events    kernel events the timeline fired
 * @param mostBufferedRows the most row logs the timeline held at once, received but not yet timed
 */
public record TimelineResult(long endCycle, long[] tileEnds, long[] layerEnds, List<ResourceUsage> resources,
                             long events, int mostBufferedRows) {
}
