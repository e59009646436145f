package org.xbarsim.engine.timeline;

import java.util.List;

/**
 * What the chip's clock made of a stream of analog multiplies ({@link InferenceTimeline}).
 *
 * @param samples         samples through the network: the rows of the calls that begin a pass
 * @param latencyCycles   the first sample's time through the chip, from its first multiply starting on a tile
 *                        to its last layer's outputs leaving the digital periphery
 * @param samplesPerCycle the streamed rate: one fewer than the samples over the cycles between the first
 *                        and the last sample's end (the pipeline's steady rate, set by its slowest stage);
 *                        one over the latency for a single sample
 * @param endCycle        when the last sample ended, the stream having started at cycle 0
 * @param events          kernel events fired
 * @param resources       shared or timed hardware in play (ADC banks shared by tiles, links, digital periphery)
 */
public record InferenceTiming(long samples, long latencyCycles, double samplesPerCycle, long endCycle, long events,
                              List<ResourceUsage> resources) {
    /** No multiply was timed. */
    public static final InferenceTiming NONE = new InferenceTiming(0, 0, 0, 0, 0, List.of());

    public InferenceTiming {
        resources = List.copyOf(resources);
    }
}
