package org.xbarsim.explore.report;

import java.awt.Color;
import java.util.List;

/**
 * One series of a plot: a name for the legend, the points (a null y is not drawn), error bars (null
 * for none), how it is drawn and in which colour.
 */
public record Series(String name, List<Double> x, List<Double> y, List<Double> errors, Style style, Color color) {
    /** How a series is drawn. */
    public enum Style {
        /** A line through markers. */
        LINE,
        /** A dashed line through markers: a reference (software accuracy beside analog). */
        DASHED,
        /** Markers alone. */
        SCATTER,
        /** Faint markers alone: the many runs behind a front. */
        FAINT,
        /** A staircase through markers: a Pareto front. */
        STEP
    }

    public static Series line(String name, List<Double> x, List<Double> y, Color color) {
        return new Series(name, x, y, null, Style.LINE, color);
    }
}
