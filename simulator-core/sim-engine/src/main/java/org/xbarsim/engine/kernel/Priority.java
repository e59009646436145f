package org.xbarsim.engine.kernel;

/**
 * Same-cycle order of kernel events, lowest first. Listed in the order a row operation flows
 * through the chip, so that whatever happens in one cycle sees the state its predecessors left:
 * <ul>
 *   <li>{@link #RELEASE}: shared hardware freed in this cycle (a controller's decision done, a pulse's
 *   current returned to the supply, an ADC bank's conversions finished) is handed to the requests
 *   already queued for it, oldest first, before any request made in this cycle can take it: a
 *   queue is served in arrival order, and what is freed at a cycle can be used at that cycle.</li>
 *   <li>{@link #START}: a tile begins its next row. After the releases of its cycle, so the row
 *   sees everything freed when the previous one ended.</li>
 *   <li>{@link #DECIDE}: a tile asks its controller for the policy's next decision. A decision
 *   precedes the pulse it chooses.</li>
 *   <li>{@link #DRIVE}: row drivers apply a pulse (and ask the programming supply for its
 *   current). Before a read scheduled for the same cycle, which must see the conductances after
 *   the pulse that ended there.</li>
 *   <li>{@link #SAMPLE}: the read path ends integration and samples the column currents.</li>
 *   <li>{@link #CONVERT}: the ADCs convert what was sampled (a shared bank takes requests here).</li>
 *   <li>{@link #DELIVER}: an outcome leaves its component as an event (a finished row), after all
 *   hardware of the cycle has settled, so nobody sees a half-finished operation.</li>
 *   <li>{@link #STATS}: statistics and observers last, to count a cycle's complete work.</li>
 * </ul>
 */
public enum Priority {
    RELEASE,
    START,
    DECIDE,
    DRIVE,
    SAMPLE,
    CONVERT,
    DELIVER,
    STATS
}
