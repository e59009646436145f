package org.xbarsim.cli.optimize;

import org.xbarsim.engine.summary.RunSummary;
import java.util.List;

/**
 * One candidate's runs on several chips (seeds) merged into one summary whose programming figures are
 * the means: what the search then scores, so that it finds conditions that hold across device
 * populations rather than ones that suit a single chip. Everything else is the first chip's.
 */
public final class ChipAverage {
    private ChipAverage() {
    }

    /**
     * @param summaries one per chip, in seed order
     * @param seeds     the seeds they ran with
     */
    public static RunSummary merge(List<RunSummary> summaries, List<Long> seeds) {
        if (summaries.size() == 1) {
            return summaries.get(0);
        }
        int n = summaries.size();
        double[] sums = new double[9];
        for (RunSummary s : summaries) {
            RunSummary.Outcome o = s.programming().total();
            double[] v = {o.successFraction(), o.pfail(), o.meanAbsErrorMicroSiemens(), o.pulseOpsPerRow(),
                o.setOpsPerRow(), o.resetOpsPerRow(), o.readOpsPerRow(), o.timeSeconds(), o.energyJoules()};
            for (int i = 0; i < v.length; i++) {
                sums[i] += v[i];
            }
        }
        RunSummary first = summaries.get(0);
        RunSummary.Outcome o = first.programming().total();
        RunSummary.Outcome mean = new RunSummary.Outcome(o.weights(), o.rows(), sums[0] / n, sums[1] / n, sums[2] / n,
                sums[3] / n, sums[4] / n, sums[5] / n, sums[6] / n, o.cycles(), sums[7] / n, sums[8] / n);
        return first.withProgramming(p -> new RunSummary.Programming(mean, p.errorHistogram(), p.layers(), p.tiles()),
                new RunSummary.ChipMeans(n, List.copyOf(seeds)));
    }
}
