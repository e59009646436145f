package org.xbarsim.engine.calibrate;

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
}
