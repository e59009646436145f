package org.xbarsim.engine.run;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.tracing.TracingPolicy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.Readout;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.converter.AdcErrors;
import org.xbarsim.engine.converter.ColumnAdcs;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.RowDemand;
import org.xbarsim.engine.hw.RowExecutor;
import org.xbarsim.engine.stats.ErrorHistogram;
import org.xbarsim.engine.stats.TileStatistics;

/**
 * One shard of a tile's rows programmed functionally on one event loop: a conversation between the
 * tile's hardware and a programmer of the policy, one row after another.
 *
 * <p>The conversation runs on the event bus, one event per row operation: the outcome of each
 * operation (its verify read, as ADC codes) is a {@link RowResult} sent to the shard's results
 * address; the policy's consumer there answers with the next {@link RowOp}, which the tile's
 * {@link RowExecutor} executes at once, producing the next result. The policy's answer is the return
 * value of its handler rather than a second message: the hardware is the engine's own and executes it
 * on the same loop, and halving the messages keeps delivery a small share of the run (measured: 14%
 * of event-loop time with a message each way on matrix-1024).
 *
 * <p>When the policy says DONE, the row is scored and its log ({@link RowDemand}: what each operation
 * demanded of the hardware, and the row's outcome) goes to the chip's timeline, which decides when the
 * row ran. Every random number of a row comes from the row's own streams ({@code tile3/row17/pulses},
 * {@code tile3/row17/read}), so a row's outcome depends neither on the thread that computed it nor on
 * the rows computed before it: shards of one tile run on several loops at once.
 */
final class RowShard {
    /** A shard talks to its own programmer on its own event loop: never clustered, never traced by Vert.x. */
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true)
            .setTracingPolicy(TracingPolicy.IGNORE);

    private final ShardPlan.Shard shard;
    private final TileJob job;
    private final RunPlan plan;
    private final String address;
    private final TimelineFeed feed;
    private final ErrorHistogram histogram;
    /**
     * Where the row operations (and, at the full level, the row targets) go when a recording wants
     * them; null when not. They are handed over directly rather than published: the policy's answer
     * never travels as a message (see above), and publishing a copy only for the recording doubled
     * the bus traffic of a recorded run (measured: bus delivery 7% to 18% of event-loop time on
     * matrix-1024).
     */
    private final Consumer<SpecificRecord> operationSink;
    private final Consumer<SpecificRecord> targetSink;
    /** Null for a first programming of fabricated tiles. */
    private final Reprogramming again;
    /** The columns a refresh in place is programming on the current row, or null. */
    private BitMask inPlace;

    private EventBus bus;
    private LoopClock clock;
    private MessageConsumer<RowResult> policy;
    private RowExecutor executor;
    private RowProgrammer programmer;
    private RandomStreams.Scope streams;
    private int next;
    private int row = -1;
    private double[] rowTargets;
    private int lastOperations = 64;
    private boolean noisyAdcs;
    /** The tile's ADC calibration energy, charged to its row 0 (its time is the timeline's: the tile starts after it). */
    private double calibrationPicojoules;

    /** Bus messages this shard sent. */
    long busEvents;

    RowShard(ShardPlan.Shard shard, TileJob job, RunPlan plan, String address, TimelineFeed feed,
             Consumer<SpecificRecord> operationSink, Consumer<SpecificRecord> targetSink, Reprogramming again) {
        this.shard = shard;
        this.job = job;
        this.plan = plan;
        this.address = address;
        this.feed = feed;
        this.operationSink = operationSink;
        this.targetSink = targetSink;
        this.again = again;
        this.histogram = new ErrorHistogram(4 * plan.tolerance(), TileStatistics.HISTOGRAM_BINS);
    }

    /** The position of this shard's tile in the job list. */
    int job() {
        return shard.job();
    }

    /** The errors of this shard's rows. */
    ErrorHistogram histogram() {
        return histogram;
    }

    /** Starts the first row, on {@code context} (whose loop runs the shard from now on), once its tile exists. */
    void start(Vertx vertx, Context context, CrossbarTile tile, ColumnAdcs adcs, LoopClock loopClock) {
        clock = loopClock;
        feed.shardStarted();
        long t0 = clock.enter();
        try {
            programmer = plan.policy().newProgrammer(new PolicyContext(plan.policyParameters(), job.tile(),
                    tile.cols(), tile.cell()));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            feed.fail(PluginFailure.of("policy " + plan.policy().id() + " failed starting tile " + job.tile(), e));
            feed.shardStopped();
            return;
        }
        executor = new RowExecutor(tile, plan.chip(), adcs);
        noisyAdcs = adcs != null && adcs.noisy();
        calibrationPicojoules = adcs != null && adcs.calibrated() && (again == null || again.calibrates())
                ? (double) AdcErrors.CALIBRATION_POINTS * adcs.adcs() * plan.chip().costs().adc() : 0;
        streams = plan.streams().child("tile" + job.tile());
        if (again != null && !again.streams().isEmpty()) {
            streams = streams.child(again.streams());
        }
        rowTargets = new double[job.cols()];
        bus = vertx.eventBus();
        policy = bus.localConsumer(address, this::onResult);
        clock.leave(clock.worked(t0));
        context.runOnContext(v -> startRow(clock.enter()));
    }

    /** The policy's side of the conversation: the outcome of the last operation arrives on the bus. */
    private void onResult(Message<RowResult> message) {
        long t0 = clock.enter();
        if (feed.stopped()) {
            stop(t0); // the run is over (a failure elsewhere): end the conversation here
            return;
        }
        RowOp answer;
        try {
            answer = programmer.next(message.body());
        } catch (RuntimeException | LinkageError | AssertionError | OutOfMemoryError e) {
            fail("policy " + plan.policy().id(), e);
            return;
        }
        execute(answer, t0);
    }

    /** Starts the shard's next row inside a handler that began at {@code t0}. */
    private void startRow(long t0) {
        if (next == shard.rows() || feed.stopped()) {
            stop(t0);
            return;
        }
        row = shard.row(next++);
        RowOp first;
        try {
            System.arraycopy(job.targets(), row * job.cols(), rowTargets, 0, job.cols());
            RandomStreams.Scope rowStreams = streams.child("row" + row);
            RowDemand log = new RowDemand(job.tile(), row, lastOperations);
            if (row == 0) {
                log.energyPicojoules += calibrationPicojoules;
                log.energy.calibration += calibrationPicojoules;
            }
            executor.startRow(row, rowStreams.stream("pulses"), rowStreams.stream("read"),
                    noisyAdcs ? rowStreams.stream("adc-noise") : null, log);
            if (targetSink != null) {
                ByteBuffer t = ByteBuffer.allocate(8 * job.cols()).order(ByteOrder.LITTLE_ENDIAN);
                t.asDoubleBuffer().put(rowTargets, 0, job.cols());
                targetSink.accept(new RowTargets(job.tile(), row, job.cols(), t));
            }
            first = again != null && again.refreshes() ? refresh() : programmer.start(new RowTarget(job.tile(), row,
                    job.cols(), rowTargets));
        } catch (RuntimeException | LinkageError | AssertionError | OutOfMemoryError e) {
            fail("policy " + plan.policy().id(), e);
            return;
        }
        if (first == null) {
            finishRow(t0); // a refresh found every weight of the row within tolerance
            return;
        }
        execute(first, t0);
    }

    /**
     * A refresh's first step on the current row: the host reads its used columns and selects those whose
     * weight is further than the tolerance from its target; returns the policy's first operation on them,
     * or null when none left tolerance.
     */
    private RowOp refresh() {
        BitMask used = new BitMask(executor.tile().cols()).setRange(0, job.cols());
        RowOp read = RowOps.read(job.tile(), row, used);
        if (operationSink != null) {
            operationSink.accept(read);
        }
        RowResult result = executor.execute(read);
        if (operationSink != null) {
            operationSink.accept(result);
        }
        Readout readout = new Readout();
        readout.wrap(result);
        BitMask selected = new BitMask(executor.tile().cols());
        int n = 0;
        for (int c = 0; c < job.cols(); c++) {
            if (Math.abs(readout.value(c) - rowTargets[c]) > again.refreshTolerance()) {
                selected.set(c);
                n++;
            }
        }
        executor.demand().refreshed = n;
        inPlace = n > 0 ? selected : null;
        return n > 0 ? programmer.start(new RowTarget(job.tile(), row, job.cols(), rowTargets, selected)) : null;
    }

    /** Whether a pulse of the policy's stays within the columns a refresh in place selected. */
    private boolean withinSelection(RowOp op) {
        if (inPlace == null || op.getKind() == OpKind.READ) {
            return true;
        }
        int cols = executor.tile().cols();
        int[] enabled = new int[cols];
        for (int line = 0; line < executor.tile().cell().devices(); line++) {
            int n = BitMask.indices(op.getEnable(), line * cols, (line + 1) * cols, enabled);
            for (int k = 0; k < n; k++) {
                if (!inPlace.get(enabled[k])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The hardware's side: run the policy's operation and send its outcome. */
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
        if (!withinSelection(op)) {
            fail("policy " + plan.policy().id(), new IllegalStateException(op.getKind() + " pulses a column of tile "
                    + job.tile() + " row " + row + " that the refresh in place did not select"));
            return;
        }
        if (operationSink != null) {
            operationSink.accept(op);
        }
        RowResult result;
        try {
            result = executor.execute(op);
        } catch (RuntimeException | LinkageError | AssertionError | OutOfMemoryError e) {
            fail("device " + plan.device().id() + " (executing " + op.getKind() + " from policy "
                    + plan.policy().id() + ")", e);
            return;
        }
        long sendStart = clock.worked(t0);
        busEvents++;
        bus.send(address, result, LOCAL);
        clock.leave(sendStart);
    }

    private void finishRow(long t0) {
        inPlace = null;
        try {
            executor.finishRow();
        } catch (RuntimeException | LinkageError | AssertionError | OutOfMemoryError e) {
            fail("device " + plan.device().id() + " (settling after the row's last pulse)", e);
            return;
        }
        RowDemand done = executor.demand();
        TileStatistics.score(executor.tile(), row, rowTargets, job.cols(), plan.tolerance(), histogram, done);
        lastOperations = done.operations();
        feed.row(done);
        startRow(t0);
    }

    /**
     * A plugin threw: the run fails naming it. Errors a plugin's own code raises (a class missing from
     * its jar, an assertion) count as its failure too. Running out of memory on an event loop ends the
     * run too (else the shard would never stop and the run would wait for ever); the caller's guard
     * names the plugin that was allocating from the error's stack.
     */
    private void fail(String who, Throwable e) {
        feed.fail(PluginFailure.of(who + " failed on tile " + job.tile() + " row " + row, e));
        stop(System.nanoTime());
    }

    /** The shard's last handler: nothing of it is in flight any more. */
    private void stop(long t0) {
        clock.leave(clock.worked(t0));
        policy.unregister();
        feed.shardStopped();
    }
}
