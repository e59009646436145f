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
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.random.RandomStream;

/**
 * The device update alone: one SET pulse on 512 PCM devices of a row (science.md section 3: the
 * soft-bounded step with cycle-to-cycle Gaussian noise and the clamp), the physics half of
 * {@link PulseVerifyBench}. Reported in device updates per second.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeviceUpdateBench {
    static final int COLS = 512;

    private DeviceArray devices;
    private RandomStream pulseNoise;
    private RandomStream resetNoise;
    private int[] cols;

    @Setup(Level.Trial)
    public void setUp() {
        devices = PulseVerifyBench.fabricatePcm(COLS, 1);
        pulseNoise = new RandomStream(2);
        resetNoise = new RandomStream(3);
        cols = new int[COLS];
        for (int c = 0; c < COLS; c++) {
            cols[c] = c;
        }
    }

    @Setup(Level.Iteration)
    public void resetDevices() {
        devices.reset(0, cols, COLS, resetNoise);
    }

    @Benchmark
    @OperationsPerInvocation(COLS)
    public void setPulse(Blackhole bh) {
        devices.set(0, cols, COLS, 1.0, pulseNoise);
        bh.consume(devices.conductances()[17]);
    }
}
