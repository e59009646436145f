package org.xbarsim.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.engine.bus.SimulationBus;

/**
 * Local Vert.x event-bus deliveries per second of a {@link RowResult} with xbarsim's zero-copy
 * codec ({@link SimulationBus#registerCodecs}). Every row operation of a run crosses the bus once (its
 * RowResult, from the tile's hardware to the shard's programmer, on the shard's event-loop context),
 * so this per-message cost is the fixed overhead of a row operation next to its physics
 * ({@link PulseVerifyBench}). The benchmark bounces one RowResult between two consumers on one
 * context.
 *
 * <p>Two local consumers on the same context play ping-pong: each counts the delivery and sends
 * the same record to the other, until {@value #MESSAGES} deliveries have been made in the
 * invocation; the last completes a future the benchmark thread waits on. The score is messages
 * delivered per second; the one cross-thread hand-off per invocation is amortised over the batch.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventBusBench {
    static final int MESSAGES = 10_000;
    static final SimulationBus.Addresses RUN = SimulationBus.newRun();
    static final String PING = RUN.shardResults(1);
    static final String PONG = RUN.shardResults(0);

    private Vertx vertx;
    private Context context;
    private EventBus bus;
    private RowResult event;

    // Written by the benchmark thread before runOnContext (a happens-before edge), then used only
    // on the event loop until the future completes (another edge back).
    private int left;
    private long received;
    private CompletableFuture<Long> done;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        vertx = Vertx.vertx();
        SimulationBus.registerCodecs(vertx);
        bus = vertx.eventBus();
        context = vertx.getOrCreateContext();
        int cols = 512;
        event = new RowResult(0, 17, 123_456L, 42, ByteBuffer.wrap(new byte[2 * cols]),
                ByteBuffer.wrap(new byte[cols / 8]), -60.0, 120.0 / 1024);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        context.runOnContext(v -> {
            MessageConsumer<RowResult> ping = bus.localConsumer(PING, this::onPing);
            MessageConsumer<RowResult> pong = bus.localConsumer(PONG, this::onPong);
            Future.all(ping.completion(), pong.completion()).onComplete(ar -> {
                if (ar.succeeded()) {
                    ready.complete(null);
                } else {
                    ready.completeExceptionally(ar.cause());
                }
            });
        });
        ready.get(10, TimeUnit.SECONDS);
    }

    private void onPing(Message<RowResult> message) {
        if (deliver()) {
            bus.send(PONG, message.body());
        }
    }

    private void onPong(Message<RowResult> message) {
        if (deliver()) {
            bus.send(PING, message.body());
        }
    }

    /** Counts a delivery; false when it was the last of the batch. */
    private boolean deliver() {
        received++;
        if (--left > 0) {
            return true;
        }
        done.complete(received);
        return false;
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void pingPong(Blackhole bh) throws Exception {
        left = MESSAGES;
        CompletableFuture<Long> batch = new CompletableFuture<>();
        done = batch;
        context.runOnContext(v -> bus.send(PING, event));
        bh.consume(batch.get(60, TimeUnit.SECONDS));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
