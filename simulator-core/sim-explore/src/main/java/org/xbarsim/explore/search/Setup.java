package org.xbarsim.explore.search;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.engine.scenario.Setting;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * One search of a plan, checked and ready: the value of the plan's {@code each} key it is for (null
 * without one), its scenario, the seed its chips start from, its knobs, the knobs' values in the
 * scenario as written (evaluated first; null when some knob has none), and the tolerance rule when
 * the knobs change the weight range (else null).
 */
public record Setup(String value, ScenarioSpec spec, long seed, List<Knob> knobs, double[] base,
                    ToleranceRule tolerance) {
    /**
     * The run of these knob values from {@code seed} (its first chip's), with the tolerance that
     * follows the weight range, labelled by its settings: the same point a search or a check runs.
     */
    public Point candidate(int index, double[] values, long seed) {
        ScenarioSpec s = spec.withSeed(seed);
        List<String> label = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Setting setting = knobs.get(i).setting(values[i]);
            s = s.with(setting);
            label.add(setting.toString());
        }
        if (tolerance != null) {
            s = s.with(tolerance.setting(values));
        }
        return new Point(index, s, String.join(" ", label));
    }

    /** A name for files and plots: the value, made safe for a file name. */
    public String directoryName() {
        return value == null ? null : value.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
