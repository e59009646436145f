package org.xbarsim.explore.chips;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.runner.Forwarding;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.runner.PointResult;
import org.xbarsim.explore.runner.PointRunner;

/**
 * Runs every point on several chips: a point of seed s becomes the points of seeds s..s+N-1 (the
 * scenario's seed when the point sets none), all handed to the runner it wraps at once, so the chips
 * of a point run side by side on its workers. Each point's result is one summary of means with every
 * metric's spread ({@link ChipMean}), combined in seed order whatever order the chips finish in: the
 * result does not depend on the workers or threads. With one chip it is the runner it wraps.
 *
 * <p>The listener hears a point start once (its rows: every chip's), every chip's rows and inference
 * as they go, and the point finish once, with the combined result.
 */
public final class ChipsRunner implements PointRunner {
    /** Chips per point: more than this is almost surely a typo (each chip is a whole run). */
    public static final int MAX_CHIPS = 64;

    private final PointRunner inner;
    private final int chips;
    private final ScenarioLoader loader;

    /**
     * @param inner  runs the chips
     * @param chips  chips per point, 1..{@value #MAX_CHIPS}
     * @param loader reads the seed of a point that sets none from its scenario
     */
    public ChipsRunner(PointRunner inner, int chips, ScenarioLoader loader) {
        this.inner = inner;
        this.chips = checked(chips);
        this.loader = loader;
    }

    /** {@code chips} when it is 1..{@value #MAX_CHIPS}, else an InputError on {@code --chips}. */
    public static int checked(int chips) {
        if (chips < 1 || chips > MAX_CHIPS) {
            throw new InputError("--chips", "", "expected 1.." + MAX_CHIPS + " chips, got " + chips);
        }
        return chips;
    }

    public int chips() {
        return chips;
    }

    @Override
    public String describe() {
        return inner.describe() + (chips == 1 ? "" : ", " + chips + " chips a point");
    }

    @Override
    public List<PointResult> run(List<Point> points, PointListener listener) {
        if (chips == 1) {
            return inner.run(points, listener);
        }
        List<Point> each = new ArrayList<>();
        long[] firstSeed = new long[points.size()];
        for (int p = 0; p < points.size(); p++) {
            Point point = points.get(p);
            firstSeed[p] = point.scenario().seed() != null ? point.scenario().seed()
                    : point.scenario().load(loader).seed();
            for (int k = 0; k < chips; k++) {
                each.add(new Point(each.size(), point.scenario().withSeed(firstSeed[p] + k),
                        point.label() + (point.label().isEmpty() ? "" : " ") + "seed=" + (firstSeed[p] + k)));
            }
        }
        Gatherer gatherer = new Gatherer(points, firstSeed, listener);
        inner.run(each, gatherer);
        return gatherer.combined();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** Collects the chips' results and hands on each point's combined result when its last chip is in. */
    private final class Gatherer extends Forwarding {
        private final List<Point> points;
        private final long[] firstSeed;
        private final PointListener outer;
        private final PointResult[][] byChip;
        private final PointResult[] combined;
        private final boolean[] started;

        Gatherer(List<Point> points, long[] firstSeed, PointListener outer) {
            super(outer);
            this.points = points;
            this.firstSeed = firstSeed;
            this.outer = outer;
            this.byChip = new PointResult[points.size()][chips];
            this.combined = new PointResult[points.size()];
            this.started = new boolean[points.size()];
        }

        @Override
        public void started(Point chip, long rows) {
            int p = chip.index() / chips;
            synchronized (this) {
                if (started[p]) {
                    return;
                }
                started[p] = true;
            }
            // A chip's rows are every chip's: the seed changes the devices, not the rows.
            outer.started(points.get(p), rows * chips);
        }

        @Override
        public void finished(PointResult chip) {
            int p = chip.point().index() / chips;
            PointResult result;
            synchronized (this) {
                byChip[p][chip.point().index() % chips] = chip;
                if (Arrays.asList(byChip[p]).contains(null)) {
                    return;
                }
                result = combine(p);
                combined[p] = result;
            }
            outer.finished(result);
        }

        /** The point's chips as one result: the summary of means, the wall time of every chip's run. */
        private PointResult combine(int p) {
            List<RunSummary> summaries = new ArrayList<>();
            List<Long> seeds = new ArrayList<>();
            double wall = 0;
            for (int k = 0; k < chips; k++) {
                summaries.add(byChip[p][k].summary());
                seeds.add(firstSeed[p] + k);
                wall += byChip[p][k].wallSeconds();
            }
            PointResult first = byChip[p][0];
            return new PointResult(points.get(p), ChipMean.of(summaries, seeds), wall, first.chipPoints(),
                    first.where());
        }

        synchronized List<PointResult> combined() {
            return List.copyOf(Arrays.asList(combined));
        }
    }
}
