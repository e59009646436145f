package org.xbarsim.engine.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.run.ProgrammingRun;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.scenario.Scenario;

/**
 * Measures the programmed-state spread a scenario's device and policy leave at chosen target levels:
 * one tile per chip (seed), its columns cycling through the levels with both signs (column c holds
 * level (c / 2) mod L, positive for even c), every row programmed by the scenario's policy on the
 * scenario's chip through the engine's own programming run, then W_true - W_target gathered per level.
 */
public final class ProgrammedSpread {
    private ProgrammedSpread() {
    }

    /**
     * @param scenario         chip, device, policy and their parameters (its workload is not used)
     * @param deviceParameters the device's parameters to use (the scenario's, or a fit's trial values)
     * @param fractions        target levels, fractions of the cell's weight range
     * @param seeds            chips: each a fresh population and fresh pulse and read noise
     * @param rows             rows programmed per chip (at most the tile's)
     * @param threads          event loops
     */
    public static List<LevelSpread> measure(Scenario scenario, Parameters deviceParameters, double[] fractions,
                                            long[] seeds, int rows, int threads) {
        ChipConfig chip = scenario.chip();
        int used = Math.min(rows, chip.tileRows());
        int cols = chip.tileCols();
        double range = chip.cell().weightRange(scenario.policyParameters().number(ProgrammingPolicy.G_TARGET_MAX));
        double[] targets = new double[used * cols];
        for (int r = 0; r < used; r++) {
            for (int c = 0; c < cols; c++) {
                targets[r * cols + c] = (c % 2 == 0 ? 1 : -1) * fractions[(c / 2) % fractions.length] * range;
            }
        }
        TileJob job = new TileJob(0, 0, "calibration", 0, 0, used, cols, targets, 1.0);
        double tolerance = scenario.policyParameters().number(ProgrammingPolicy.TOLERANCE);
        List<double[]>[] errors = errorLists(fractions.length);
        for (long seed : seeds) {
            RunPlan plan = new RunPlan(chip, scenario.device(), deviceParameters, scenario.policy(),
                    scenario.policyParameters(), new RandomStreams(seed), tolerance);
            RunResult result = ProgrammingRun.execute(plan, List.of(job), threads, RunListener.NONE);
            errors(result.programmed().get(0), job, fractions.length, errors);
        }
        List<LevelSpread> levels = new ArrayList<>();
        for (int k = 0; k < fractions.length; k++) {
            levels.add(summarise(fractions[k], fractions[k] * range, errors[k]));
        }
        return levels;
    }

    @SuppressWarnings("unchecked")
    private static List<double[]>[] errorLists(int levels) {
        List<double[]>[] lists = new List[levels];
        for (int k = 0; k < levels; k++) {
            lists[k] = new ArrayList<>();
        }
        return lists;
    }

    /** Appends one chip's errors at each level. */
    private static void errors(CrossbarTile tile, TileJob job, int levels, List<double[]>[] into) {
        double[] g = tile.devices().conductances();
        int cols = job.cols();
        int[] count = new int[levels];
        double[][] chip = new double[levels][job.rows() * cols];
        for (int r = 0; r < job.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                int k = (c / 2) % levels;
                chip[k][count[k]++] = tile.weight(g, r, c) - job.targets()[r * cols + c];
            }
        }
        for (int k = 0; k < levels; k++) {
            into[k].add(Arrays.copyOf(chip[k], count[k]));
        }
    }

    private static LevelSpread summarise(double fraction, double target, List<double[]> chips) {
        double[] all = chips.stream().flatMapToDouble(Arrays::stream).toArray();
        double[] perChip = chips.stream().mapToDouble(ProgrammedSpread::sd).toArray();
        return new LevelSpread(fraction, target, all.length, mean(all), sd(all), robustSd(all),
                perChip.length > 1 ? sd(perChip) : Double.NaN);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** 1.4826 MAD: the standard deviation of a Gaussian with this median absolute deviation. */
    static double robustSd(double[] x) {
        double median = median(x);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - median);
        }
        return 1.4826 * median(dev);
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
