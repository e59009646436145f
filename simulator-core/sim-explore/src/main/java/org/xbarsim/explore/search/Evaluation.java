package org.xbarsim.explore.search;

import java.util.List;
import org.xbarsim.engine.scenario.Setting;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.metric.Metric;

/**
 * One run of a search: the knob values it was given (canonical units, in knob order), how it was
 * found, and its summary (the means over chips when the search scores several).
 *
 * @param index   order of evaluation, from 0
 * @param phase   {@code base} (the scenario as written), {@code design} or {@code cma-es}
 * @param values  the knobs' values
 * @param summary the run's summary
 */
public record Evaluation(int index, String phase, double[] values, RunSummary summary) {

    /** A metric of the run, or null when its summary has none. */
    public Double metric(Metric m) {
        return m.of(summary);
    }

    public double pfail() {
        return summary.programming().pfail();
    }

    public double timeSeconds() {
        return summary.programming().timeSeconds();
    }

    public double energyJoules() {
        return summary.programming().energyJoules();
    }

    /** The settings that reproduce this run, knob by knob. */
    public List<Setting> settings(List<Knob> knobs) {
        Setting[] out = new Setting[knobs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = knobs.get(i).setting(values[i]);
        }
        return List.of(out);
    }

    /** The run's value of the metric, for a table cell: empty when it has none. */
    public String cell(Metric m) {
        Double v = metric(m);
        return v == null ? "" : org.xbarsim.explore.files.Csv.cell(v);
    }

}
