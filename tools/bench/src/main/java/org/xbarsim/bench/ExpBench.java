package org.xbarsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xbarsim.api.math.PortableMath;

/**
 * Exponentials per second, {@link StrictMath#exp} against {@link PortableMath#exp}, the way the
 * simulator uses them: each result decides what comes next (the ziggurat's wedge test accepts or
 * draws again), so the latency of one call, not the throughput of many independent ones, sets the
 * cost. Each call's argument depends on the previous result (a dependency chain of {@value #CHAIN}
 * calls over arguments in [-6, 0], the wedges' range), so the score is calls per second in sequence.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExpBench {
    static final int CHAIN = 1024;

    private double start;

    @Setup
    public void setUp() {
        start = -1.7;
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public double strictMath() {
        double x = start;
        for (int i = 0; i < CHAIN; i++) {
            // The next argument depends on this result: e^x in (0, 1], so x stays in [-6, 0].
            x = -6 * StrictMath.exp(x);
        }
        return x;
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public double portableMath() {
        double x = start;
        for (int i = 0; i < CHAIN; i++) {
            x = -6 * PortableMath.exp(x);
        }
        return x;
    }
}
