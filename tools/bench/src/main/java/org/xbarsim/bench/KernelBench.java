package org.xbarsim.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.xbarsim.engine.kernel.Action;
import org.xbarsim.engine.kernel.Kernel;
import org.xbarsim.engine.kernel.Priority;

/**
 * Events per second through the discrete-event {@link Kernel}: a chain in which each row operation
 * schedules DRIVE now, and each event schedules the next one (SAMPLE after the pulse, CONVERT after
 * integration, DELIVER in the same cycle), then {@link Kernel#runUntilIdle()} drains the chain. The
 * actions do no hardware work, so this is the raw cost of an event: the chip's timeline pays it per
 * request on shared hardware (see {@link TimelineBench} for the timeline itself). Each invocation
 * runs {@value #OPS} operations, {@value #EVENTS} events, so the score is events per second.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelBench {
    static final int OPS = 256;
    static final int EVENTS = 4 * OPS;
    /** Cycle counts of the default chip at 1 GHz: 200 ns SET, 100 ns integration, 10 ADC bits of 1 ns. */
    static final long SET_CYCLES = 200;
    static final long INTEGRATION_CYCLES = 100;
    static final long CONVERSION_CYCLES = 10;

    private Kernel kernel;
    private long delivered;

    private final Action drive = this::drive;
    private final Action sample = this::sample;
    private final Action convert = this::convert;
    private final Action deliver = this::deliver;

    @Setup(Level.Trial)
    public void setUp() {
        kernel = new Kernel();
        delivered = 0;
    }

    private void drive(long cycle) {
        kernel.schedule(cycle + SET_CYCLES + INTEGRATION_CYCLES, Priority.SAMPLE, sample);
    }

    private void sample(long cycle) {
        kernel.schedule(cycle + CONVERSION_CYCLES, Priority.CONVERT, convert);
    }

    private void convert(long cycle) {
        kernel.schedule(cycle, Priority.DELIVER, deliver);
    }

    private void deliver(long cycle) {
        delivered += cycle;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void sequencerChain(Blackhole bh) {
        Kernel k = kernel;
        int fired = 0;
        for (int op = 0; op < OPS; op++) {
            k.schedule(k.now(), Priority.DRIVE, drive);
            fired += k.runUntilIdle();
        }
        bh.consume(fired);
        bh.consume(delivered);
    }
}
