package org.xbarsim.engine.life;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.event.CompensationRead;
import org.xbarsim.api.event.NetworkLoaded;
import org.xbarsim.api.event.Refreshed;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.engine.bus.SimulationBus;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.TrackedDevices;
import org.xbarsim.engine.kernel.Kernel;
import org.xbarsim.engine.kernel.Priority;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;
import org.xbarsim.engine.run.WeightSlicing;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.timeline.Resource;
import org.xbarsim.engine.timeline.ResourceKind;

/**
 * A chip through its working life, on the chip's clock: a {@link Kernel} whose cycle 0 is the end of the
 * first programming fires the life's activities at their times, and the network's tiles are a
 * {@link Resource} each activity holds while it works (the network offline; an activity due meanwhile
 * waits its turn). At one cycle, a new network is loaded first ({@link Priority#START}), then a refresh
 * ({@link Priority#DRIVE}: it pulses), then a compensation read ({@link Priority#SAMPLE}: it reads what
 * the others left), then an evaluation ({@link Priority#DELIVER}: it sees the chip as all of them left it).
 *
 * <p>Modelling choices: the whole network is offline while any of its tiles is programmed, refreshed or
 * read for compensation (its tiles work in parallel, and a layer needs all of its tiles); a refresh reads
 * every row and programs again, from the state they have, the weights out of tolerance, to their original
 * targets (its compensation read right after brings the scale back); a compensation read's factor is what
 * it measures noiselessly (the read noise of a layer's thousands of cells averages out), computed when an
 * evaluation needs it or before the chip changes.
 */
public final class ChipLife {
    /** A life's first programming, which the summary's programming section reports, and the life. */
    public record Outcome(RunResult firstProgramming, LifecycleResult.Life life) {
    }

    private final LifeSetup setup;
    private final LifecyclePlan plan;
    private final ChipConfig config;
    private final Kernel kernel = new Kernel();
    private final Resource network;
    private final LifeBook book = new LifeBook();
    private final Reprogrammer programmer;
    private final Evaluator evaluator;
    private final SimulationBus.Addresses addresses = SimulationBus.newRun();
    private final List<TrackedDevices> trackedDevices = new ArrayList<>();
    private LifeChip chip;
    private CompensationReads reads;
    private WorkloadContext workload;
    /** The time of a compensation read whose factors are not yet computed, or NaN. */
    private double pendingCompensation = Double.NaN;

    private ChipLife(LifeSetup setup, LifecyclePlan plan) {
        this.setup = setup;
        this.plan = plan;
        this.config = setup.plan().chip();
        this.programmer = new Reprogrammer(setup);
        this.evaluator = new Evaluator(setup, plan.evaluationSamples());
        this.network = new Resource("chip.network", ResourceKind.NETWORK, 1,
                setup.jobs().stream().map(TileJob::tile).toList());
    }

    /** Programs the chip, then follows it through the life {@code plan} describes. */
    public static Outcome live(LifeSetup setup, LifecyclePlan plan) {
        return new ChipLife(setup, plan).run();
    }

    private Outcome run() {
        SimulationBus.registerCodecs(setup.vertx());
        Object interceptor = setup.recording() == null ? null : setup.recording().attach(setup.vertx(), addresses);
        try {
            chip = new LifeChip(fabricate(), trackedDevices, setup.jobs());
            RunResult first = programmer.first(chip);
            chip.setReferences(0);
            reads = new CompensationReads(config, chip.jobs());
            workload = workloadContext(setup.scenario().workloadParameters());
            schedule();
            kernel.runUntilIdle();
            LifecycleResult.Life life = book.close(plan, plan.refreshes(), config.seconds(first.timeline().endCycle()),
                    Reprogrammer.energyPicojoules(first) * 1e-12, LifeBook.endurance(chip.pulsesOfProgrammedDevices()));
            return new Outcome(first, life);
        } finally {
            if (interceptor != null) {
                setup.recording().detach(setup.vertx(), interceptor);
            }
        }
    }

    /** The tiles, fabricated from the same streams a programming run uses, their devices tracked. */
    private List<CrossbarTile> fabricate() {
        List<CrossbarTile> tiles = new ArrayList<>();
        for (TileJob job : setup.jobs()) {
            DeviceArray devices;
            try {
                devices = setup.plan().device().fabricate(setup.plan().deviceParameters(),
                        config.devicesPerCell() * config.tileRows() * config.tileCols(),
                        setup.plan().streams().child("tile" + job.tile()).stream("fabrication"));
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw PluginFailure.of("device " + setup.plan().device().id() + " failed fabricating tile "
                        + job.tile(), e);
            }
            TrackedDevices tracked = new TrackedDevices(devices);
            trackedDevices.add(tracked);
            tiles.add(new CrossbarTile(job.tile(), config.tileRows(), config.tileCols(), config.cell(), tracked));
        }
        return tiles;
    }

    private void schedule() {
        for (int k = 0; k < plan.evaluations().size(); k++) {
            int index = k;
            at(plan.evaluations().get(k), Priority.DELIVER, cycle -> evaluate(index, cycle));
        }
        if (plan.compensationEvery() > 0) {
            every(plan.compensationEvery(), Priority.SAMPLE, this::compensate);
        }
        if (plan.refreshEvery() > 0) {
            every(plan.refreshEvery(), Priority.DRIVE, this::refresh);
        }
        if (plan.swapAt() > 0 && plan.swapAt() < plan.durationSeconds()) {
            at(plan.swapAt(), Priority.START, this::swap);
        }
    }

    /** Work done holding the network from {@code cycle}; returns the cycles it holds it. */
    @FunctionalInterface
    private interface Work {
        long run(long cycle);
    }

    /** An activity at {@code seconds}: it asks for the network, works once it has it, and gives it back. */
    private void at(double seconds, Priority priority, Work work) {
        kernel.schedule(cycle(seconds), priority, new Activity(work)::request);
    }

    /** An activity every {@code period} seconds over the life, the first one period in, none at its very end. */
    private void every(double period, Priority priority, Work work) {
        for (long k = 1; k * period < plan.durationSeconds(); k++) {
            at(k * period, priority, work);
        }
    }

    private long cycle(double seconds) {
        return Math.round(seconds * config.clockHz());
    }

    private double seconds(long cycle) {
        return config.seconds(cycle);
    }

    private final class Activity implements Resource.Holder {
        private final Work work;
        private long since;

        Activity(Work work) {
            this.work = work;
        }

        void request(long cycle) {
            if (network.request(this, 1, 1, cycle) > 0) {
                granted(network, 1, cycle);
            }
        }

        @Override
        public void granted(Resource resource, int units, long cycle) {
            since = cycle;
            kernel.schedule(cycle + work.run(cycle), Priority.RELEASE, this::release);
            setup.listener().lifeProgress(seconds(cycle), plan.durationSeconds());
        }

        private void release(long cycle) {
            network.release(1, since, cycle);
        }
    }

    private long evaluate(int k, long cycle) {
        resolveCompensation();
        Evaluator.Reading r = evaluator.evaluate(chip, k, seconds(cycle), cycle, workload);
        book.evaluated(r.evaluation());
        publish(r.event());
        return 0;
    }

    private long compensate(long cycle) {
        double t = seconds(cycle);
        long cycles = reads.cycles();
        double joules = reads.energyPicojoules(chip, t) * 1e-12;
        book.offline(LifeBook.Activity.COMPENSATION, t, seconds(cycles), joules);
        pendingCompensation = t;
        publish(new CompensationRead(cycle, cycles, joules * 1e12));
        if (plan.refreshTrigger() > 0) {
            long[] out = chip.outOfTolerance(t, plan.refreshTolerance());
            if (out[0] > plan.refreshTrigger() * out[1]) {
                // A refresh when the read is over, and a compensation read after it.
                kernel.schedule(cycle, Priority.DRIVE, new Activity(this::refresh)::request);
                kernel.schedule(cycle, Priority.SAMPLE, new Activity(this::compensate)::request);
            }
        }
        return cycles;
    }

    /** The factors of the last compensation read, computed from the chip as it was then (it has not changed since). */
    private void resolveCompensation() {
        if (!Double.isNaN(pendingCompensation)) {
            chip.compensate(chip.layerSums(pendingCompensation));
            pendingCompensation = Double.NaN;
        }
    }

    private long refresh(long cycle) {
        resolveCompensation();
        double t = seconds(cycle);
        RunResult r = programmer.refresh(chip, t, plan.refreshTolerance());
        long cycles = r.timeline().endCycle();
        double joules = Reprogrammer.energyPicojoules(r) * 1e-12;
        long weights = Reprogrammer.refreshed(r);
        book.offline(LifeBook.Activity.REFRESH, t, seconds(cycles), joules);
        book.refreshed(weights);
        publish(new Refreshed(cycle, cycles, weights, joules * 1e12));
        return cycles;
    }

    private long swap(long cycle) {
        double t = seconds(cycle);
        Parameters parameters = swappedParameters();
        WorkloadContext next = workloadContext(parameters);
        List<TileJob> jobs = swappedJobs(next);
        RunResult r = programmer.load(chip, t, jobs);
        long cycles = r.timeline().endCycle();
        double joules = Reprogrammer.energyPicojoules(r) * 1e-12;
        chip.load(jobs, chip.network() + 1);
        pendingCompensation = Double.NaN;
        chip.setReferences(t + seconds(cycles));
        workload = next;
        book.offline(LifeBook.Activity.SWAP, t, seconds(cycles), joules);
        publish(new NetworkLoaded(cycle, cycles, chip.network(), joules * 1e12));
        return cycles;
    }

    /** The workload's parameters with the swap's model, or the same ones (the same network loaded again). */
    private Parameters swappedParameters() {
        Parameters p = setup.scenario().workloadParameters();
        if (plan.swapModel() == null) {
            return p;
        }
        Map<String, Object> values = new LinkedHashMap<>(p.asMap());
        values.put("model", plan.swapModel());
        return new Parameters(values);
    }

    /** The new network's jobs: the same tiles, each block the same shape as before. */
    private List<TileJob> swappedJobs(WorkloadContext next) {
        Scenario s = setup.scenario();
        List<WeightLayer> layers;
        try {
            layers = s.workload().layers(next);
        } catch (InputError e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw PluginFailure.of("workload " + s.workload().id() + " failed preparing the new network's weights", e);
        }
        List<TileJob> jobs = WeightMapper.map(layers, config.tileRows(), config.tileCols(), config.cell(),
                s.policyParameters().number(ProgrammingPolicy.G_TARGET_MAX), WeightSlicing.of(s.inference()));
        List<TileJob> old = chip.jobs();
        boolean same = jobs.size() == old.size();
        for (int j = 0; same && j < jobs.size(); j++) {
            same = jobs.get(j).rows() == old.get(j).rows() && jobs.get(j).cols() == old.get(j).cols()
                    && jobs.get(j).layer() == old.get(j).layer();
        }
        if (!same) {
            throw new InputError(s.source(), "lifecycle.swap.model", "expected a network with the first one's layer "
                    + "shapes (it is loaded onto the same tiles), got " + layers.size() + " layers on " + jobs.size()
                    + " tiles");
        }
        return jobs;
    }

    private WorkloadContext workloadContext(Parameters parameters) {
        Scenario s = setup.scenario();
        return new WorkloadContext(parameters, setup.plan().streams().child("workload"), s.source(), s.baseDir(),
                setup.access());
    }

    private void publish(SpecificRecord event) {
        setup.vertx().eventBus().publish(addresses.timeline(), event);
    }
}
