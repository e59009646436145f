package org.xbarsim.engine.timeline;

import java.util.List;

/**
 * What one resource of the timeline did: how busy it was and how long requests waited for it.
 *
 * @param name           e.g. {@code chip.adcBank0}
 * @param kind           controller, supply or ADC bank
 * @param tiles          tile indices it served
 * @param capacity       units it has (devices for a supply, 1 otherwise)
 * @param requests       requests made of it (sub-pulses count one each)
 * @param waited         requests that had to wait
 * @param waitCycles     cycles requests spent waiting, summed
 * @param maxWaitCycles  the longest wait
 * @param busyUnitCycles units held times cycles held, summed
 * @param utilisation    busyUnitCycles / (capacity x the timeline's end cycle)
 */
public record ResourceUsage(String name, ResourceKind kind, List<Integer> tiles, int capacity, long requests,
                            long waited, long waitCycles, long maxWaitCycles, long busyUnitCycles, double utilisation) {
}
