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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.hw.Adc;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.ReadPath;
import org.xbarsim.plugins.pcm.PcmDeviceModel;

/**
 * The pulse-and-verify kernel, the inner loop of every programming run: a SET pulse on the
 * {@code activeColumns} enabled devices of one device line (GP) of one 512-column row, through
 * {@link DeviceArray#set}, then a verify read of the whole row through {@link ReadPath#sample} and
 * {@link ReadPath#convert} (four device lines integrated per column, one Gaussian per column, a
 * 10-bit ADC). This is the physics the simulator spends its time in once the event plumbing is
 * cheap, so its throughput bounds how fast a tile can be programmed.
 *
 * <p>Reported as device updates per second (one update = one device receiving a SET pulse, with its
 * share of the verify read). JMH's {@code @OperationsPerInvocation} is a constant and cannot follow
 * a {@code @Param}, so every invocation performs {@value #UPDATES} device updates: one
 * pulse-and-verify at 512 active columns, four at 128. Fewer active columns means more verify-read
 * work per update, which is what happens late in programming, when most columns have converged.
 * Pulse-and-verify operations per second = score / activeColumns.
 *
 * <p>The row's GP devices are RESET before each iteration. They still saturate near Gmax within a
 * few dozen pulses; the cost of the PCM update does not depend on the conductance (clamps, no
 * data-dependent loops), so this keeps the starting state realistic rather than changing the figure.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PulseVerifyBench {
    static final int ROWS = 64;
    static final int COLS = 512;
    static final int UPDATES = 512;
    /** Defaults of science.md section 5 (chip.cell.F, chip.adc.bits, chip.adc.range). */
    static final double SIGNIFICANCE_F = 3;
    static final int ROW = 17;

    /** Enabled device columns of the pulsed line. */
    @Param({"512", "128"})
    public int activeColumns;

    private CrossbarTile tile;
    private DeviceArray devices;
    private ReadPath readPath;
    private RandomStream pulseNoise;
    private RandomStream readNoise;
    private RandomStream resetNoise;
    private int[] setCols;
    private int[] allCols;
    private double[] sampled;
    private int[] codes;
    private int pulsesPerInvocation;
    private int gpBase;

    /** A PCM device array with the plugin's default parameters, built without PF4J. */
    static DeviceArray fabricatePcm(int count, long seed) {
        PcmDeviceModel model = new PcmDeviceModel();
        return model.fabricate(Parameters.of(model.parameters()), count, new RandomStream(seed));
    }

    @Setup(Level.Trial)
    public void setUp() {
        if (activeColumns < 1 || activeColumns > COLS || UPDATES % activeColumns != 0) {
            throw new IllegalArgumentException("activeColumns must divide " + UPDATES + ", got " + activeColumns);
        }
        devices = fabricatePcm(DeviceLine.COUNT * ROWS * COLS, 1);
        tile = new CrossbarTile(0, ROWS, COLS, SIGNIFICANCE_F, devices);
        readPath = new ReadPath(tile, new Adc(10, 60), 1);
        pulseNoise = new RandomStream(2);
        readNoise = new RandomStream(3);
        resetNoise = new RandomStream(4);
        gpBase = tile.base(DeviceLine.GP.ordinal(), ROW);
        pulsesPerInvocation = UPDATES / activeColumns;

        allCols = new int[COLS];
        for (int c = 0; c < COLS; c++) {
            allCols[c] = c;
        }
        // A fixed random subset in ascending order, as BitMask.indices hands it to the row driver.
        boolean[] chosen = new boolean[COLS];
        SplittableRandom pick = new SplittableRandom(5);
        for (int n = 0; n < activeColumns; ) {
            int c = pick.nextInt(COLS);
            if (!chosen[c]) {
                chosen[c] = true;
                n++;
            }
        }
        setCols = new int[activeColumns];
        for (int c = 0, k = 0; c < COLS; c++) {
            if (chosen[c]) {
                setCols[k++] = c;
            }
        }
        sampled = new double[COLS];
        codes = new int[COLS];
    }

    @Setup(Level.Iteration)
    public void resetRow() {
        devices.reset(gpBase, allCols, COLS, resetNoise);
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public void pulseAndVerify(Blackhole bh) {
        for (int p = 0; p < pulsesPerInvocation; p++) {
            devices.set(gpBase, setCols, activeColumns, 1.0, pulseNoise);
            readPath.sample(ROW, allCols, COLS, readNoise, sampled);
            readPath.convert(sampled, COLS, codes);
            bh.consume(codes[setCols[p]]);
        }
    }
}
