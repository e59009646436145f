package org.xbarsim.explore.search;

import java.util.List;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.RunSummary.Inference;
import org.xbarsim.engine.summary.RunSummary.Outcome;

/**
 * One candidate's runs on several chips (seeds) as one summary whose figures are their means: what a
 * search then scores, so that it finds conditions that hold across device populations rather than
 * ones that suit a single chip. The programming outcome and the inference figures are averaged;
 * counts (weights, rows, cycles, samples), the per-layer and per-tile outcomes and everything else
 * are the first chip's, and {@code chips} records the seeds.
 */
public final class ChipMean {
    private ChipMean() {
    }

    /**
     * @param summaries one per chip, in seed order
     * @param seeds     the seeds they ran with
     */
    public static RunSummary of(List<RunSummary> summaries, List<Long> seeds) {
        if (summaries.size() == 1) {
            return summaries.get(0);
        }
        RunSummary first = summaries.get(0);
        Outcome o = first.programming().total();
        Outcome mean = new Outcome(o.weights(), o.rows(), mean(summaries, s -> s.programming().total().successFraction()),
                mean(summaries, s -> s.programming().pfail()),
                mean(summaries, s -> s.programming().total().meanAbsErrorMicroSiemens()),
                mean(summaries, s -> s.programming().total().pulseOpsPerRow()),
                mean(summaries, s -> s.programming().total().setOpsPerRow()),
                mean(summaries, s -> s.programming().total().resetOpsPerRow()),
                mean(summaries, s -> s.programming().total().readOpsPerRow()), o.cycles(),
                mean(summaries, s -> s.programming().timeSeconds()), mean(summaries, s -> s.programming().energyJoules()));
        RunSummary averaged = first.withProgramming(p -> new RunSummary.Programming(mean, p.errorHistogram(),
                p.layers(), p.tiles()), new RunSummary.ChipMeans(summaries.size(), List.copyOf(seeds)));
        if (first.inference() == null) {
            return averaged;
        }
        Inference i = first.inference();
        Inference meanInference = new Inference(i.time(), i.samples(),
                meanOrNull(summaries, s -> s.inference().softwareAccuracy()),
                meanOrNull(summaries, s -> s.inference().analogAccuracy()),
                meanOrNull(summaries, s -> s.inference().softwareBitsPerChar()),
                meanOrNull(summaries, s -> s.inference().analogBitsPerChar()),
                mean(summaries, s -> s.inference().timeSecondsPerSample()),
                mean(summaries, s -> s.inference().energyJoulesPerSample()), i.wallSeconds());
        return new RunSummary(averaged.format(), averaged.xbarsim(), averaged.scenario(), averaged.plugins(),
                averaged.config(), averaged.programming(), meanInference, averaged.run(), averaged.chips());
    }

    private static double mean(List<RunSummary> summaries, java.util.function.ToDoubleFunction<RunSummary> f) {
        double sum = 0;
        for (RunSummary s : summaries) {
            sum += f.applyAsDouble(s);
        }
        return sum / summaries.size();
    }

    /** The mean of a figure some networks lack (accuracy of a language model): null when any run lacks it. */
    private static Double meanOrNull(List<RunSummary> summaries, java.util.function.Function<RunSummary, Double> f) {
        double sum = 0;
        for (RunSummary s : summaries) {
            Double v = f.apply(s);
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return sum / summaries.size();
    }
}
