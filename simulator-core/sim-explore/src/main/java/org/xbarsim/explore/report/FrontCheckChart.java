package org.xbarsim.explore.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.explore.search.FrontCheck;

/**
 * Fronts on unseen chips: for each search, its Pareto front as the search scored it (a faint
 * staircase) and the same runs on the unseen chips (markers at the means, bars of one sd of Pfail
 * over the chips), one colour per search. Pfail on a log axis, as in the search's own plot; a bar
 * whose sd reaches zero is cut short just above it (a log axis has no zero).
 */
public final class FrontCheckChart {
    /** The longest downward bar a log axis can draw, as a share of the mean. */
    static final double CUT = 0.95;

    private FrontCheckChart() {
    }

    /** Draws {@code check} into {@code file}; {@code names} name each search in the legend. */
    public static void write(String title, FrontCheck check, List<String> names, Path file) throws IOException {
        XYChart chart = Charts.xy(title, "programming time (ms, simulated; mean over the unseen chips)",
                "Pfail (%), log scale");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        for (int k = 0; k < check.searches().size(); k++) {
            FrontCheck.Checked c = check.searches().get(k);
            String prefix = check.searches().size() > 1 ? names.get(k) + ": " : "";
            Color colour = Palette.of(k);
            Charts.add(chart, new Series(prefix + "front as searched", c.front().stream()
                    .map(e -> 1e3 * e.timeSeconds()).toList(), c.front().stream().map(e -> 100 * e.pfail()).toList(),
                    null, Series.Style.STEP, Palette.faint(colour)));
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> sd = new ArrayList<>();
            for (var unseen : c.unseen()) {
                Spread pfail = FrontCheck.spread(unseen, "programming.pfail");
                Spread time = FrontCheck.spread(unseen, "programming.timeSeconds");
                x.add(1e3 * time.mean());
                y.add(100 * pfail.mean());
                sd.add(100 * Math.min(pfail.sd(), CUT * pfail.mean()));
            }
            Charts.add(chart, new Series(prefix + "seeds " + check.firstSeed() + ".." + (check.firstSeed()
                    + check.chips() - 1) + " (mean +-1 sd)", x, y, sd, Series.Style.SCATTER, colour));
        }
        Charts.save(chart, file);
    }
}
