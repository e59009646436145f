package org.xbarsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.RowDemand;
import org.xbarsim.engine.hw.RowExecutor;
import org.xbarsim.plugins.rowwise.RowwiseClosedLoop;

/**
 * One row programmed end to end, as a run's shard does it without the event bus: the reference
 * row-wise closed-loop policy (RESET, the MSP phase, a read, the LSP phase) talking to a
 * {@link RowExecutor} on a 512-column tile of two-pair PCM cells (F = 3, 10-bit ADC of science.md
 * section 5). Each row is about 65 pulses and 63 verify reads of all 512 columns, so this measures the
 * whole per-operation path the profile of a large run is made of: the pulses, the verify read with
 * its noise, the ADC codes put into the result, the policy's decoding and its next operation.
 *
 * <p>Targets are Gaussian with a standard deviation of 13 uS clipped at +-60 uS, the spread
 * {@code matrix-1024}'s Gaussian weights get on two pairs (weights scaled so the largest, about 4.5
 * standard deviations, asks for F x 20 uS). Reported as rows per second.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RowProgramBench {
    static final int ROWS = 16;
    static final int COLS = 512;
    static final double TARGET_SIGMA = 13;
    static final double TARGET_CLIP = 60;

    private RowExecutor executor;
    private RowProgrammer programmer;
    private double[][] targets;
    private int row;

    @Setup(Level.Trial)
    public void setUp() {
        UnitCell cell = UnitCell.twoPairs(3);
        CrossbarTile tile = new CrossbarTile(0, ROWS, COLS, cell,
                PulseVerifyBench.fabricatePcm(DeviceLine.COUNT * ROWS * COLS, 1));
        ChipConfig chip = new ChipConfig(1e9, ROWS, COLS, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1);
        executor = new RowExecutor(tile, chip);
        ProgrammingPolicy policy = new RowwiseClosedLoop();
        programmer = policy.newProgrammer(new PolicyContext(Parameters.of(policy.parameters()), 0, COLS, cell));
        RandomStream draw = new RandomStream(7);
        targets = new double[ROWS][COLS];
        for (double[] rowTargets : targets) {
            for (int c = 0; c < COLS; c++) {
                rowTargets[c] = Math.max(-TARGET_CLIP, Math.min(TARGET_CLIP, TARGET_SIGMA * draw.nextGaussian()));
            }
        }
    }

    @Benchmark
    public void programRow(Blackhole bh) {
        int r = row;
        row = (row + 1) % ROWS;
        RowDemand log = new RowDemand(0, r, 128);
        executor.startRow(r, new RandomStream(100 + r), new RandomStream(200 + r), log);
        RowOp op = programmer.start(new RowTarget(0, r, COLS, targets[r]));
        while (op.getKind() != OpKind.DONE) {
            RowResult result = executor.execute(op);
            op = programmer.next(result);
        }
        executor.finishRow();
        bh.consume(log.operations());
    }
}
