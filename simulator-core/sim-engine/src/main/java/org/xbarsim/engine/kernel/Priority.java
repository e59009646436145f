package org.xbarsim.engine.kernel;

/**
 * Same-cycle order of kernel events, lowest first. Listed in the order a row operation flows
 * through the periphery, so that whatever happens in one cycle sees the state its predecessors left:
 * <ul>
 *   <li>{@link #DRIVE}: row drivers apply a pulse. First, because a read scheduled for the same
 *   cycle must see the conductances after the pulse that ended there.</li>
 *   <li>{@link #SAMPLE}: the read path ends integration and samples the column currents.</li>
 *   <li>{@link #CONVERT}: the ADCs finish converting what was sampled.</li>
 *   <li>{@link #DELIVER}: the outcome leaves the tile as an event, after all hardware of the cycle
 *   has settled, so a policy never sees a half-finished operation.</li>
 *   <li>{@link #STATS}: statistics and observers last, to count a cycle's complete work.</li>
 * </ul>
 */
public enum Priority {
    DRIVE,
    SAMPLE,
    CONVERT,
    DELIVER,
    STATS
}
