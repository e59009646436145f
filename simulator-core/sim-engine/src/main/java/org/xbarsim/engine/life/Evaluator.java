package org.xbarsim.engine.life;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.event.Evaluated;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.api.inference.InferenceWorkload;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.infer.AnalogNetwork;
import org.xbarsim.engine.infer.MappingReport;
import org.xbarsim.engine.infer.NetworkContext;
import org.xbarsim.engine.infer.ReadMoment;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.timeline.InferenceTiming;

/**
 * The network evaluated at a moment of its life: the chip's tiles read with each device drifted for its
 * own time since its last programming and each layer rescaled by the compensation in force, the first
 * {@code lifecycle.evaluation.samples} samples through them, timed on the chip's clock. Evaluation k
 * draws its read noise from streams of its own ({@code tile3/life/e5/inference/0}), the same k in every
 * life of a scenario: lives are compared on the same noise.
 */
final class Evaluator {
    private final LifeSetup setup;
    private final int samples;

    Evaluator(LifeSetup setup, int samples) {
        this.setup = setup;
        this.samples = samples;
    }

    /** An evaluation, and the event a trace records for it. */
    record Reading(LifecycleResult.Evaluation evaluation, Evaluated event) {
    }

    /**
     * Evaluation {@code k} at {@code seconds} (chip clock cycle {@code cycle} of the life), on the
     * workload's network with {@code workload}'s parameters.
     */
    Reading evaluate(LifeChip chip, int k, double seconds, long cycle, WorkloadContext workload) {
        Scenario s = setup.scenario();
        ChipConfig config = setup.plan().chip();
        InferenceWorkload network = (InferenceWorkload) s.workload();
        double[] compensation = chip.compensation();
        ReadMoment moment = new ReadMoment(seconds, chip.ages(seconds), compensation, "life/e" + k + "/");
        try (AnalogNetwork analog = AnalogNetwork.start(setup.vertx(), config, chip.jobs(), chip.tiles(),
                s.inference(), s.policyParameters().number(ProgrammingPolicy.G_TARGET_MAX),
                new RandomStreams(s.seed()), setup.threads(), moment)) {
            InferenceResult r;
            try {
                r = network.evaluate(new NetworkContext(workload, analog, s.inference().integer("batch"), samples,
                        NetworkContext.Progress.NONE));
            } catch (InputError | PluginFailure e) {
                throw e;
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw PluginFailure.of("workload " + network.id() + " failed during inference", e);
            }
            InferenceTiming timing = analog.timing(MappingReport.of(chip.jobs(), config.tileRows(), config.tileCols(),
                    r.layers()));
            long n = Math.max(1, r.samples());
            List<Double> factors = new ArrayList<>();
            for (double f : compensation) {
                factors.add(f);
            }
            double rate = timing.samplesPerCycle() * config.clockHz();
            LifecycleResult.Evaluation e = new LifecycleResult.Evaluation(seconds, chip.network(), r.samples(),
                    finite(r.analogAccuracy()), finite(r.analogBitsPerChar()), finite(r.softwareAccuracy()),
                    finite(r.softwareBitsPerChar()), analog.energyPicojoules() * 1e-12 / n,
                    config.seconds(timing.latencyCycles()), rate, factors);
            return new Reading(e, new Evaluated(cycle, chip.network(), r.samples(), r.analogAccuracy(),
                    r.analogBitsPerChar(), analog.energyPicojoules() / n, timing.latencyCycles(), rate, factors));
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
