package org.xbarsim.explore.search;

import java.util.List;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * One search of a plan, checked and ready: the value of the plan's {@code each} key it is for (null
 * without one), its scenario, the seed its chips start from, its knobs, the knobs' values in the
 * scenario as written (evaluated first; null when some knob has none), and the tolerance rule when
 * the knobs change the weight range (else null).
 */
public record Setup(String value, ScenarioSpec spec, long seed, List<Knob> knobs, double[] base,
                    ToleranceRule tolerance) {
    /** A name for files and plots: the value, made safe for a file name. */
    public String directoryName() {
        return value == null ? null : value.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
