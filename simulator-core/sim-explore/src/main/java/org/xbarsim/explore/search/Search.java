package org.xbarsim.explore.search;

import org.xbarsim.engine.summary.RunSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The search for the best hardware conditions: a quasi-random (Sobol) design over the knobs' box,
 * evaluated in parallel, which also maps the Pfail-time trade-off broadly; then CMA-ES (Apache
 * Commons Math) from the best design point, restarted with a doubled population while evaluations
 * remain, which refines the best point under the goal's limits.
 *
 * <p>Every run uses the scenario's seed: the same chip and the same pulse noise for every candidate,
 * so the search compares conditions rather than luck, and runs are deterministic functions of the
 * knob values. Whole-number knobs make nearby candidates name the same run: those are looked up,
 * not run again (and not counted against the budget). The optimiser's own random numbers come from
 * the scenario seed, so the same command gives the same result.
 */
public final class Search {
    /** Runs a batch of candidates (canonical knob values), in any order or in parallel; summaries in order. */
    public interface Runner {
        List<RunSummary> run(List<double[]> candidates);
    }

    /** Told after every batch of runs, for progress. */
    public interface Progress {
        void ran(int runs);
    }

    private final List<Knob> knobs;
    private final Runner runner;
    private final Progress progress;
    private final List<Evaluation> runs = new ArrayList<>();
    private final Map<String, Evaluation> byValues = new HashMap<>();
    private double reference = Double.NaN;

    public Search(List<Knob> knobs, Runner runner, Progress progress) {
        this.knobs = List.copyOf(knobs);
        this.runner = runner;
        this.progress = progress;
    }

    /**
     * Runs the search: the design, then CMA-ES for each goal in turn with an equal share of the runs
     * left. Several goals that differ in one limit (the epsilon-constraint method) trace the Pareto
     * front at several places rather than refining one point of it.
     *
     * @param base    the scenario's own knob values (canonical), evaluated first; null to skip
     * @param designs number of design points
     * @param budget  total runs, design included
     * @param seed    seeds the optimiser
     * @param goals   what to refine towards; all with the same objective
     * @return every run, in evaluation order
     */
    public List<Evaluation> run(double[] base, int designs, int budget, long seed, List<Goal> goals) {
        List<double[]> first = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        if (base != null) {
            first.add(clampToBox(base));
            phases.add("base");
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(knobs.size());
        sobol.skipTo(1); // the first Sobol point is the box's corner
        int firstRuns = Math.min(first.size() + designs, budget);
        while (first.size() < firstRuns) {
            first.add(values(sobol.nextVector()));
            phases.add("design");
        }
        evaluate(first, phases);
        Double first0 = runs.isEmpty() ? null : runs.get(0).metric(goals.get(0).objective());
        reference = first0 == null ? Double.NaN : first0;

        MersenneTwister random = new MersenneTwister(seed);
        int afterDesign = runs.size();
        for (int g = 0; g < goals.size(); g++) {
            Goal goal = goals.get(g);
            int until = afterDesign + (int) ((long) (budget - afterDesign) * (g + 1) / goals.size());
            int population = 4 + (int) (3 * Math.log(knobs.size()));
            while (runs.size() < until) {
                int before = runs.size();
                refine(goal, best(goal), until, population, random);
                if (runs.size() == before) {
                    break; // every candidate CMA-ES proposes has been run: the knobs' grid is exhausted here
                }
                population *= 2;
            }
        }
        return List.copyOf(runs);
    }

    /** The best run under a goal so far: the lowest score, the earliest on a tie. */
    public Evaluation best(Goal goal) {
        Evaluation best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (Evaluation e : runs) {
            double s = goal.score(e, reference);
            if (s < bestScore) {
                best = e;
                bestScore = s;
            }
        }
        return best;
    }

    private void refine(Goal goal, Evaluation start, int budget, int population, MersenneTwister random) {
        int d = knobs.size();
        double[] x0 = new double[d];
        double[] sigma = new double[d];
        for (int i = 0; i < d; i++) {
            x0[i] = knobs.get(i).position(start.values()[i]);
            sigma[i] = 0.1; // local: the design has already looked at the whole box
        }
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(hi, 1);
        int remaining = budget - runs.size();
        // CMA-ES counts a looked-up candidate as an evaluation too; allow it some beyond the new runs.
        CMAESOptimizer cma = new CMAESOptimizer(10_000, Double.NEGATIVE_INFINITY, true, 0, 0, random, false, null);
        ObjectiveFunction f = new ObjectiveFunction(u -> {
            if (runs.size() >= budget) {
                throw new BudgetSpent();
            }
            return goal.score(evaluateOne(values(u)), reference);
        });
        try {
            cma.optimize(new MaxEval(4 * remaining + 4 * population), new MaxIter(10_000), f, GoalType.MINIMIZE,
                    new InitialGuess(x0), new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(population));
        } catch (BudgetSpent | TooManyEvaluationsException e) {
            // The budget is the stopping rule; CMA-ES's own convergence ends a round earlier.
        }
    }

    /** Thrown out of CMA-ES when the run budget is spent. */
    private static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    private double[] values(double[] unit) {
        double[] v = new double[knobs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = knobs.get(i).value(unit[i]);
        }
        return v;
    }

    private double[] clampToBox(double[] canonical) {
        double[] v = new double[knobs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = knobs.get(i).value(knobs.get(i).position(canonical[i]));
        }
        return v;
    }

    private Evaluation evaluateOne(double[] values) {
        Evaluation known = byValues.get(key(values));
        if (known != null) {
            return known;
        }
        evaluate(List.of(values), List.of("cma-es"));
        return runs.get(runs.size() - 1);
    }

    private void evaluate(List<double[]> candidates, List<String> phases) {
        List<double[]> fresh = new ArrayList<>();
        List<String> freshPhases = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            String k = key(candidates.get(i));
            if (!byValues.containsKey(k) && seen.putIfAbsent(k, true) == null) {
                fresh.add(candidates.get(i));
                freshPhases.add(phases.get(i));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        List<RunSummary> summaries = runner.run(fresh);
        for (int i = 0; i < fresh.size(); i++) {
            Evaluation e = new Evaluation(runs.size(), freshPhases.get(i), fresh.get(i), summaries.get(i));
            runs.add(e);
            byValues.put(key(e.values()), e);
        }
        progress.ran(runs.size());
    }

    /** Candidates are the same run when the scenario would be given the same text. */
    private String key(double[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(knobs.get(i).written(values[i])).append(';');
        }
        return b.toString();
    }
}
