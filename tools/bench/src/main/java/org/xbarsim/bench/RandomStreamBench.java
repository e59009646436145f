package org.xbarsim.bench;

import java.util.SplittableRandom;
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
import org.xbarsim.api.random.RandomStream;

/**
 * Standard normal deviates per second from xbarsim's {@link RandomStream} (SplitMix64 + 128-layer
 * ziggurat) against the JDK's {@link SplittableRandom#nextGaussian()}. The physics hot loop draws
 * one Gaussian per device update and one per verified column, and RandomStream's class comment
 * justifies its own generator by speed: this benchmark checks that claim on the running JVM.
 * Each invocation fills an array of {@value #BATCH}, so the score is Gaussians per second.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RandomStreamBench {
    static final int BATCH = 1024;

    private RandomStream stream;
    private SplittableRandom splittable;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        stream = new RandomStream(42);
        splittable = new SplittableRandom(42);
        out = new double[BATCH];
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void randomStream(Blackhole bh) {
        RandomStream s = stream;
        double[] o = out;
        for (int i = 0; i < BATCH; i++) {
            o[i] = s.nextGaussian();
        }
        bh.consume(o);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void splittableRandom(Blackhole bh) {
        SplittableRandom s = splittable;
        double[] o = out;
        for (int i = 0; i < BATCH; i++) {
            o[i] = s.nextGaussian();
        }
        bh.consume(o);
    }
}
