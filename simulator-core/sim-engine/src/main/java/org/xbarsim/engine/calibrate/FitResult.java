package org.xbarsim.engine.calibrate;

import java.util.List;

/**
 * What a calibration found.
 *
 * @param parameters  the fitted parameters, in the order they were given
 * @param values      their fitted values, same order
 * @param levels      the programmed-state spread at each target level with those values
 * @param lawSd       the target law's standard deviation at each level, same order
 * @param evaluations programming runs (of all the chips) the search made
 */
public record FitResult(List<FitParameter> parameters, double[] values, List<LevelSpread> levels, double[] lawSd,
                        int evaluations) {

    /** sd / law at level k. */
    public double ratio(int k) {
        return levels.get(k).sd() / lawSd[k];
    }

    /** The largest |sd / law - 1| over the levels. */
    public double worstRelativeError() {
        double worst = 0;
        for (int k = 0; k < lawSd.length; k++) {
            worst = Math.max(worst, Math.abs(ratio(k) - 1));
        }
        return worst;
    }
}
