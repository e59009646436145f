package org.xbarsim.engine.calibrate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Consumer;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.engine.scenario.Scenario;

/**
 * Fits device parameters so that the programmed-state spread a scenario's policy leaves
 * ({@link ProgrammedSpread}) matches a law at every target level: least squares of ln(sd / law)
 * over the levels, minimised by a compass search (Kolda, Lewis and Torczon, SIAM Review 45, 385
 * (2003)) in the unit cube of the parameter ranges. Every trial programs the same chips (the same
 * seeds), so trials differ only by their parameters and the search is deterministic.
 */
public final class SpreadFit {
    /** First step: a quarter of each range; the search stops when a step falls below 1/64 of it. */
    private static final double FIRST_STEP = 0.25;
    private static final double LAST_STEP = 1.0 / 64;

    private final Scenario scenario;
    private final List<FitParameter> parameters;
    private final double[] fractions;
    private final long[] seeds;
    private final int rows;
    private final int threads;
    private final double[] law;
    private int evaluations;

    /**
     * @param scenario   device, policy and chip; its device parameters are the starting point
     * @param parameters what to vary
     * @param fractions  target levels (fractions of the cell's weight range)
     * @param seeds      chips every trial programs
     * @param rows       rows per chip
     * @param targetSd   the law: standard deviation of the programmed weight (uS) at a target |W| (uS)
     * @param weightRange |W| of the top level (fraction 1), uS: the cell's weight range
     * @throws IllegalArgumentException naming a parameter the scenario's device does not have
     */
    public SpreadFit(Scenario scenario, List<FitParameter> parameters, double[] fractions, long[] seeds, int rows,
                     int threads, DoubleUnaryOperator targetSd, double weightRange) {
        for (FitParameter p : parameters) {
            if (!scenario.deviceParameters().has(p.name())) {
                throw new IllegalArgumentException("device " + scenario.device().id() + " has no parameter " + p.name());
            }
        }
        this.scenario = scenario;
        this.parameters = List.copyOf(parameters);
        this.fractions = fractions.clone();
        this.seeds = seeds.clone();
        this.rows = rows;
        this.threads = threads;
        this.law = new double[fractions.length];
        for (int k = 0; k < fractions.length; k++) {
            law[k] = targetSd.applyAsDouble(fractions[k] * weightRange);
        }
    }

    /** One trial of the search: its number, the parameter values and its cost (sum of ln(sd / law)^2). */
    public record Trial(int number, double[] values, double cost) {
    }

    /** Runs the search from the scenario's values; {@code progress} hears every trial. */
    public FitResult fit(Consumer<Trial> progress) {
        int n = parameters.size();
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = parameters.get(j).position(scenario.deviceParameters().number(parameters.get(j).name()));
        }
        double best = cost(x, progress);
        for (double step = FIRST_STEP; step >= LAST_STEP; ) {
            boolean improved = false;
            for (int j = 0; j < n && !improved; j++) {
                for (int sign = 1; sign >= -1 && !improved; sign -= 2) {
                    double[] trial = x.clone();
                    trial[j] = Math.min(1, Math.max(0, x[j] + sign * step));
                    if (trial[j] == x[j]) {
                        continue;
                    }
                    double c = cost(trial, progress);
                    if (c < best) {
                        best = c;
                        x = trial;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        double[] values = values(x);
        return new FitResult(parameters, values, measure(values), law.clone(), evaluations);
    }

    /** The spread at given parameter values (no search). */
    public List<LevelSpread> measure(double[] values) {
        evaluations++;
        return ProgrammedSpread.measure(scenario, with(values), fractions, seeds, rows, threads);
    }

    /** The target law's sd at each level. */
    public double[] lawSd() {
        return law.clone();
    }

    private double cost(double[] x, Consumer<Trial> progress) {
        double[] values = values(x);
        List<LevelSpread> levels = measure(values);
        double c = 0;
        for (int k = 0; k < law.length; k++) {
            double r = Math.log(levels.get(k).sd() / law[k]);
            c += r * r;
        }
        progress.accept(new Trial(evaluations, values, c));
        return c;
    }

    private double[] values(double[] x) {
        double[] v = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            v[j] = parameters.get(j).at(x[j]);
        }
        return v;
    }

    /** The scenario's device parameters with the fitted ones replaced. */
    private Parameters with(double[] values) {
        Map<String, Object> map = new LinkedHashMap<>(scenario.deviceParameters().asMap());
        for (int j = 0; j < values.length; j++) {
            map.put(parameters.get(j).name(), values[j]);
        }
        return new Parameters(map);
    }
}
