package org.xbarsim.explore.sweep;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.engine.scenario.Setting;

/**
 * One axis of a sweep: a scenario key and the values it takes, as a scenario writes them; or several
 * keys joined by '+' that take the same value at every point ({@code workload.rows+workload.cols}:
 * square matrices).
 *
 * @param key    the key, or linked keys joined by '+'
 * @param values the values in sweep order (a range {@code lo:hi:n} stays one value until expanded)
 */
public record Axis(String key, List<String> values) {
    /** How an axis's values are named in messages: the command line's option. */
    public static final String ORIGIN = "--grid";

    public Axis {
        values = List.copyOf(values);
    }

    /** The scenario keys this axis sets. */
    public List<String> keys() {
        return List.of(key.split("\\+"));
    }

    /** The settings that give this axis's keys {@code value}. */
    public List<Setting> settings(String value) {
        List<Setting> out = new ArrayList<>();
        for (String k : keys()) {
            out.add(Setting.of(k, value, ORIGIN));
        }
        return out;
    }

    /** Whether the values are one range still to expand. */
    boolean isRange() {
        return values.size() == 1 && Range.isRange(values.get(0));
    }
}
