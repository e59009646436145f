package org.xbarsim.engine.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The programmed state at one target level: the error W_true - W_target of every cell programmed to
 * +-fraction of the cell's weight range, after programming (and any post-programming relaxation).
 *
 * @param fraction  the level, a fraction of the weight range (F G_T on two pairs, G_T on smaller cells)
 * @param target    |W_target| at this level, uS
 * @param cells     cells programmed to it (both signs, every chip)
 * @param meanError mean of W_true - W_target, uS
 * @param sd        standard deviation of W_true - W_target, uS
 * @param robustSd  1.4826 times its median absolute deviation from the median: the sd of its Gaussian core,
 *                  which the few cells a policy fails (far outside) do not inflate
 * @param chipSd    standard deviation of {@code sd} between chips (seeds), uS: how much one chip's
 *                  figure moves
 */
public record LevelSpread(double fraction, double target, int cells, double meanError, double sd, double robustSd,
                          double chipSd) {
    /** The header of {@link #table}. */
    public static final String TABLE_HEADER =
            "level  target uS   cells   mean err   sd uS  robust sd  chip-to-chip  aihwkit uS  sd/law";

    /**
     * The levels as a table of text lines (its header first), each level beside {@code law[k]}, the
     * law's sd at level k in uS, and the ratio of the measured sd to it.
     */
    public static List<String> table(List<LevelSpread> levels, double[] law) {
        List<String> lines = new ArrayList<>();
        lines.add(TABLE_HEADER);
        for (int k = 0; k < levels.size(); k++) {
            LevelSpread l = levels.get(k);
            lines.add(String.format(Locale.ROOT, "%5.2f  %9.2f  %6d  %+9.3f  %6.3f  %9.3f  %12.3f  %10.3f  %6.2f",
                    l.fraction(), l.target(), l.cells(), l.meanError(), l.sd(), l.robustSd(), l.chipSd(), law[k],
                    l.sd() / law[k]));
        }
        return lines;
    }
}
