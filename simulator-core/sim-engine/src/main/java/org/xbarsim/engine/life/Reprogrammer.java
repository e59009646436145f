package org.xbarsim.engine.life;

import java.util.List;
import org.xbarsim.engine.run.ProgrammingRun;
import org.xbarsim.engine.run.Reprogramming;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.stats.TileStatistics;

/**
 * The programming runs of a life, each a {@link ProgrammingRun} of the chip's tiles as they stand: the
 * first programming, refreshes in place, and loading a new network over the old. Run k's rows draw from
 * streams of their own ({@code tile3/life5/row17/pulses}; the first programming's are a plain run's,
 * {@code tile3/row17/pulses}, so it programs exactly as a scenario without a life would).
 */
final class Reprogrammer {
    private final LifeSetup setup;

    Reprogrammer(LifeSetup setup) {
        this.setup = setup;
    }

    /** The first programming, which ends at second 0 of the life. */
    RunResult first(LifeChip chip) {
        chip.beginRun(0);
        RunResult r = run(chip, chip.jobs(), new Reprogramming(chip.tiles(), "", Double.NaN, true), setup.listener());
        chip.endRun(0);
        return r;
    }

    /** A refresh in place beginning at {@code seconds}: the weights further than {@code tolerance} programmed again. */
    RunResult refresh(LifeChip chip, double seconds, double tolerance) {
        return again(chip, seconds, chip.jobs(), tolerance);
    }

    /** A new network's jobs programmed over the old, beginning at {@code seconds}. */
    RunResult load(LifeChip chip, double seconds, List<TileJob> jobs) {
        return again(chip, seconds, jobs, Double.NaN);
    }

    private RunResult again(LifeChip chip, double seconds, List<TileJob> jobs, double tolerance) {
        chip.beginRun(seconds);
        RunResult r = run(chip, jobs, new Reprogramming(chip.tiles(), "life" + chip.runs(), tolerance, false),
                RunListener.NONE);
        chip.endRun(seconds + setup.plan().chip().seconds(r.timeline().endCycle()));
        return r;
    }

    private RunResult run(LifeChip chip, List<TileJob> jobs, Reprogramming again, RunListener listener) {
        return ProgrammingRun.execute(setup.vertx(), setup.plan(), jobs, setup.threads(), 0, listener,
                setup.recording(), again);
    }

    /** A run's energy, pJ, summed over its tiles in tile order. */
    static double energyPicojoules(RunResult r) {
        double sum = 0;
        for (TileStatistics t : r.tiles()) {
            sum += t.energyPicojoules;
        }
        return sum;
    }

    /** Weights a refresh programmed again. */
    static long refreshed(RunResult r) {
        long sum = 0;
        for (TileStatistics t : r.tiles()) {
            sum += t.refreshed;
        }
        return sum;
    }
}
