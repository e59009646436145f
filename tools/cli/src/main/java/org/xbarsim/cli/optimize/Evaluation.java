package org.xbarsim.cli.optimize;

import org.xbarsim.engine.summary.RunSummary;
import java.util.List;

/**
 * One run of the search: the knob values it was given (canonical units, in knob order), how it was
 * found, and its summary.
 *
 * @param index   order of evaluation, from 0
 * @param phase   {@code base} (the scenario as written), {@code design} or {@code cma-es}
 * @param values  the knobs' values
 * @param summary the run's summary.json
 */
public record Evaluation(int index, String phase, double[] values, RunSummary summary) {

    public double pfail() {
        return Metric.PFAIL.of(summary);
    }

    public double timeSeconds() {
        return Metric.TIME.of(summary);
    }

    public double energyJoules() {
        return Metric.ENERGY.of(summary);
    }

    /** The {@code --set} overrides that reproduce this run, knob by knob. */
    public List<String> overrides(List<Knob> knobs) {
        String[] out = new String[knobs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = knobs.get(i).path() + "=" + knobs.get(i).written(values[i]);
        }
        return List.of(out);
    }
}
