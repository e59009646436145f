package org.xbarsim.engine.run;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.tracing.TracingPolicy;
import java.util.Map;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.bus.SimulationBus;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.TileSequencer;
import org.xbarsim.engine.stats.TileStatistics;
import org.xbarsim.engine.trace.Recording;

/**
 * One tile programming its share of a layer, on the event loop of the {@link LoopHost} that holds it.
 *
 * <p>The conversation between the tile's hardware and its programming policy runs on the event bus,
 * one event per row operation: the outcome of each operation (its verify read, as ADC codes) is a
 * {@link RowResult} sent to the tile's results address; the policy's consumer there answers with the
 * next {@link RowOp}, which the tile's sequencer executes in simulated time, producing the next
 * result. The policy's answer is the return value of its handler rather than a second message: the
 * hardware is the engine's own and executes it on the same loop, and halving the messages keeps
 * delivery a small share of the run (measured: 14% of event-loop time with a message each way on
 * matrix-1024, against physics of a 512-column row read per operation). Rows go one after another;
 * tiles run in parallel on the event loops.
 *
 * <p>Everything random comes from streams named after the tile ({@code tile3/fabrication},
 * {@code tile3/pulses}, {@code tile3/read}), so a tile's results do not depend on which thread runs
 * it or what other tiles do.
 */
final class TileProgramming {
    /** A tile talks to its own policy on its own event loop: never clustered, never traced by Vert.x. */
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true)
            .setTracingPolicy(TracingPolicy.IGNORE);

    private final TileJob job;
    private final RunPlan plan;
    private final Map<Long, LoopClock> clocks;
    private final Promise<TileStatistics> finished = Promise.promise();
    private final TileStatistics stats;

    private EventBus bus;
    private String resultsAddress;
    private MessageConsumer<RowResult> policy;
    private LoopClock clock;
    private CrossbarTile tile;
    private TileSequencer sequencer;
    private RowProgrammer programmer;
    private RowResult delivered;
    private int row;
    private double[] rowTargets;

    /** Bus messages this tile sent. */
    long busEvents;
    /**
     * Where the row operations (and, at the full level, the row targets) go when a recording wants
     * them; null when not. They are handed over directly rather than published: the policy's answer
     * never travels as a message (see above), and publishing a copy only for the recording doubled
     * the bus traffic of a recorded run (measured: bus delivery 7% to 18% of event-loop time on
     * matrix-1024).
     */
    private final java.util.function.Consumer<org.apache.avro.specific.SpecificRecord> operationSink;
    private final java.util.function.Consumer<org.apache.avro.specific.SpecificRecord> targetSink;

    TileProgramming(TileJob job, RunPlan plan, Map<Long, LoopClock> clocks, Recording recording) {
        this.job = job;
        this.plan = plan;
        this.clocks = clocks;
        this.operationSink = recording != null && recording.wantsOperations() ? recording.sink() : null;
        this.targetSink = recording != null && recording.wantsTargets() ? recording.sink() : null;
        this.stats = new TileStatistics(job.tile(), job.layer(), 4 * plan.tolerance());
    }

    /** The tile, once started: after the run, as programming left it. */
    CrossbarTile tile() {
        return tile;
    }

    Future<TileStatistics> finished() {
        return finished.future();
    }

    /** Builds the tile and starts its first row; called on {@code context}, whose loop runs the tile from now on. */
    void start(Vertx vertx, Context context) {
        clock = clocks.computeIfAbsent(Thread.currentThread().getId(), id -> new LoopClock());
        long t0 = clock.enter();
        ChipConfig chip = plan.chip();
        RandomStreams.Scope streams = plan.streams().child("tile" + job.tile());
        DeviceArray devices;
        try {
            devices = plan.device().fabricate(plan.deviceParameters(),
                    DeviceLine.COUNT * chip.tileRows() * chip.tileCols(), streams.stream("fabrication"));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw PluginFailure.of("device " + plan.device().id() + " failed fabricating tile " + job.tile(), e);
        }
        tile = new CrossbarTile(job.tile(), chip.tileRows(), chip.tileCols(), chip.significanceF(), devices);
        t0 = clock.setAside();
        sequencer = new TileSequencer(tile, chip, streams.stream("pulses"), streams.stream("read"),
                result -> delivered = result, streams);
        try {
            programmer = plan.policy().newProgrammer(new PolicyContext(plan.policyParameters(), job.tile(),
                    chip.tileCols(), chip.significanceF()));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw PluginFailure.of("policy " + plan.policy().id() + " failed starting tile " + job.tile(), e);
        }
        rowTargets = new double[job.cols()];
        bus = vertx.eventBus();
        resultsAddress = SimulationBus.resultsAddress(job.tile());
        policy = bus.localConsumer(resultsAddress, this::onResult);
        clock.leave(clock.worked(t0));
        context.runOnContext(v -> startRow(0, clock.enter()));
    }

    /** The policy's side of the conversation: the outcome of the last operation arrives on the bus. */
    private void onResult(Message<RowResult> message) {
        long t0 = clock.enter();
        RowOp next;
        try {
            next = programmer.next(message.body());
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail("policy " + plan.policy().id(), e);
            return;
        }
        execute(next, t0);
    }

    /** Starts a row inside a handler that began at {@code t0}. */
    private void startRow(int next, long t0) {
        if (next >= job.rows()) {
            complete();
            return;
        }
        RowOp first;
        try {
            row = next;
            System.arraycopy(job.targets(), row * job.cols(), rowTargets, 0, job.cols());
            sequencer.startRow();
            if (targetSink != null) {
                java.nio.ByteBuffer t = java.nio.ByteBuffer.allocate(8 * job.cols())
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                t.asDoubleBuffer().put(rowTargets, 0, job.cols());
                targetSink.accept(new RowTargets(job.tile(), row, job.cols(), t));
            }
            first = programmer.start(new RowTarget(job.tile(), row, job.cols(), rowTargets));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail("policy " + plan.policy().id(), e);
            return;
        }
        execute(first, t0);
    }

    /** The hardware's side: run the policy's operation in simulated time and send its outcome. */
    private void execute(RowOp op, long t0) {
        if (op.getKind() == OpKind.DONE) {
            finishRow(t0);
            return;
        }
        if (op.getTile() != job.tile() || op.getRow() != row) {
            fail("policy " + plan.policy().id(), new IllegalStateException("operation for tile " + op.getTile()
                    + " row " + op.getRow() + " while programming tile " + job.tile() + " row " + row));
            return;
        }
        if (operationSink != null) {
            operationSink.accept(op);
        }
        try {
            sequencer.execute(op);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail("device " + plan.device().id() + " (executing " + op.getKind() + " from policy "
                    + plan.policy().id() + ")", e);
            return;
        }
        RowResult result = delivered;
        delivered = null;
        long sendStart = clock.worked(t0);
        busEvents++;
        bus.send(resultsAddress, result, LOCAL);
        clock.leave(sendStart);
    }

    private void finishRow(long t0) {
        TileSequencer.RowCounters counters = sequencer.counters();
        TileStatistics.RowScore score = stats.addRow(tile, row, rowTargets, job.cols(), plan.tolerance(), counters,
                sequencer.now());
        RowFinished done = new RowFinished(job.tile(), row, sequencer.now(), sequencer.now() - counters.startCycle,
                job.cols(), score.succeeded(), counters.setOps, counters.resetOps, counters.readOps,
                counters.energyPicojoules, score.sumAbsErrorMicroSiemens());
        busEvents++;
        bus.publish(SimulationBus.ROWS, done);
        startRow(row + 1, t0);
    }

    private void complete() {
        clock.leave(clock.worked(System.nanoTime()));
        policy.unregister();
        finished.tryComplete(stats);
    }

    /** The loop died under this tile (out of memory, say): fail the run instead of waiting for ever. */
    void crash(Throwable t) {
        finished.tryFail(new IllegalStateException("the run stopped on tile " + job.tile() + ": " + t, t));
    }

    /**
     * A plugin threw: the run fails naming it. Errors a plugin's own code raises (a class missing from
     * its jar, an assertion) count as its failure too; the JVM's own (out of memory) do not.
     */
    private void fail(String who, Throwable e) {
        policy.unregister();
        finished.tryFail(PluginFailure.of(who + " failed on tile " + job.tile() + " row " + row, e));
    }
}
