package org.xbarsim.bench;

import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.hw.Adc;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.MvmBlock;

/**
 * The analog matrix-vector multiply of inference on one 512x512 tile: a batch of 32 inputs through
 * drifted conductances with read noise (one Gaussian per column and sample) and the column ADCs
 * ({@link MvmBlock#multiply}). Reported in multiply-accumulates per second (rows x cols x batch).
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MvmBench {
    static final int N = 512;
    static final int BATCH = 32;

    private MvmBlock block;
    private Adc adc;
    private RandomStream noise;
    private float[] x;
    private float[] y;

    @Setup
    public void setUp() {
        DeviceArray devices = PulseVerifyBench.fabricatePcm(4 * N * N, 1);
        RandomStream pulses = new RandomStream(4);
        SplittableRandom strength = new SplittableRandom(5);
        int[] all = new int[devices.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int p = 0; p < 6; p++) {
            devices.set(0, all, all.length, 2 * strength.nextDouble(), pulses);
        }
        CrossbarTile tile = new CrossbarTile(0, N, N, PulseVerifyBench.SIGNIFICANCE_F, devices);
        block = new MvmBlock(tile, N, N, 3600);
        adc = new Adc(10, 2000);
        noise = new RandomStream(2);
        x = new float[BATCH * N];
        SplittableRandom in = new SplittableRandom(6);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.rint(255 * in.nextDouble()) / 255; // an 8-bit DAC's levels
        }
        y = new float[BATCH * N];
    }

    @Benchmark
    @OperationsPerInvocation(N * N * BATCH)
    public void multiply(Blackhole bh) {
        block.multiply(x, BATCH, adc, noise, y);
        bh.consume(y[17]);
    }
}
