package org.xbarsim.explore.search;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.Setting;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * Success is |W - target| <= tol in uS, and tol is 2% of the weight range F * G_T (science.md
 * section 4). A search that varies F or G_T with tol fixed would shrink the weight range until
 * every weight lands within a tolerance that has become large: it would optimise the yardstick.
 * So tol follows F * G_T, at the scenario's own fraction.
 *
 * @param fKnob index of the F knob, or -1 when F is not varied
 * @param gKnob index of the G_T knob, or -1
 * @param f0    the scenario's F
 * @param g0    the scenario's G_T, uS
 * @param tol0  the scenario's tolerance, uS
 */
public record ToleranceRule(int fKnob, int gKnob, double f0, double g0, double tol0) {
    public static final String F = "chip.cell.F";
    public static final String G = "programming." + ProgrammingPolicy.G_TARGET_MAX;
    public static final String TOL = "programming." + ProgrammingPolicy.TOLERANCE;

    /** The rule for these knobs of this scenario, or null when they vary neither F nor G_T. */
    public static ToleranceRule of(Scenario s, List<Knob> knobs) {
        int f = -1;
        int g = -1;
        for (int i = 0; i < knobs.size(); i++) {
            f = knobs.get(i).path().equals(F) ? i : f;
            g = knobs.get(i).path().equals(G) ? i : g;
        }
        if (f < 0 && g < 0) {
            return null;
        }
        return new ToleranceRule(f, g, canonical(s, F), canonical(s, G), canonical(s, TOL));
    }

    private static double canonical(Scenario s, String key) {
        return (Double) s.parameter(key).parse(s.effective().get(key));
    }

    /** The tolerance of a run with these knob values, as a scenario writes it ({@code 0.6uS}). */
    public String value(double[] values) {
        double f = fKnob < 0 ? f0 : values[fKnob];
        double g = gKnob < 0 ? g0 : values[gKnob];
        return new BigDecimal(tol0 * f * g / (f0 * g0)).round(new MathContext(6)).stripTrailingZeros()
                .toPlainString() + "uS";
    }

    /** The setting that gives a run with these knob values its tolerance. */
    public Setting setting(double[] values) {
        return Setting.of(TOL, value(values), ScenarioSpec.ORIGIN);
    }
}
