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
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.hw.Adc;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.ReadPath;

/**
 * The verify read of one 512-column row and its parts: integrating the four device lines of each
 * column with one Gaussian of read noise per column ({@link ReadPath#sample}), and the 10-bit SAR
 * conversion of the column values ({@link ReadPath#convert}). Reported per column.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReadPathBench {
    static final int ROWS = 64;
    static final int COLS = 512;
    static final int ROW = 17;

    private ReadPath readPath;
    private RandomStream readNoise;
    private int[] cols;
    private double[] sampled;
    private int[] codes;

    @Setup(Level.Trial)
    public void setUp() {
        DeviceArray devices = PulseVerifyBench.fabricatePcm(4 * ROWS * COLS, 1);
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, PulseVerifyBench.SIGNIFICANCE_F, devices);
        // Programmed-looking conductances: a few SET pulses of random strength on every device.
        RandomStream pulses = new RandomStream(4);
        SplittableRandom strength = new SplittableRandom(5);
        int[] all = new int[devices.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int p = 0; p < 6; p++) {
            devices.set(0, all, all.length, 2 * strength.nextDouble(), pulses);
        }
        readPath = new ReadPath(tile, new Adc(10, 60), 1);
        readNoise = new RandomStream(2);
        cols = new int[COLS];
        for (int c = 0; c < COLS; c++) {
            cols[c] = c;
        }
        sampled = new double[COLS];
        codes = new int[COLS];
        readPath.sample(ROW, cols, COLS, readNoise, sampled);
    }

    @Benchmark
    @OperationsPerInvocation(COLS)
    public void verifyRead(Blackhole bh) {
        readPath.sample(ROW, cols, COLS, readNoise, sampled);
        readPath.convert(sampled, COLS, codes);
        bh.consume(codes[ROW]);
    }

    @Benchmark
    @OperationsPerInvocation(COLS)
    public void integrateWithNoise(Blackhole bh) {
        readPath.sample(ROW, cols, COLS, readNoise, sampled);
        bh.consume(sampled[ROW]);
    }

    @Benchmark
    @OperationsPerInvocation(COLS)
    public void adcConversion(Blackhole bh) {
        readPath.convert(sampled, COLS, codes);
        bh.consume(codes[ROW]);
    }
}
