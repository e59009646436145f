package org.xbarsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.xbarsim.api.event.OpKind;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.RowDemand;
import org.xbarsim.engine.hw.SharedHardware;
import org.xbarsim.engine.timeline.ChipTimeline;

/**
 * Row operations per second through the chip's timeline: {@value #TILES} tiles of {@value #ROWS}
 * rows, each row shaped like a PCM row of the reference policy on 512 columns (a RESET of four
 * lines, 60 verified SETs whose enabled columns fall from 512 to 8, one read, 58 more verified SETs
 * on the LSP pair: 120 operations), timed from logs made beforehand. {@code nothing}: tiles share
 * nothing (two events a row); {@code shared}: pairs of tiles share an ADC bank, groups of four a
 * controller of 5 cycles and a supply of 256 devices, so most steps are events. The score is row
 * operations timed per second, to set beside the functional cost of an operation
 * ({@link PulseVerifyBench}).
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TimelineBench {
    static final int TILES = 8;
    static final int ROWS = 16;
    static final int OPS_PER_ROW = 120;
    static final int OPERATIONS = TILES * ROWS * OPS_PER_ROW;

    @Param({"nothing", "shared"})
    public String sharing;

    private ChipConfig chip;
    private List<ChipTimeline.TimedTile> tiles;
    private List<RowDemand> rows;

    @Setup
    public void setUp() {
        ChipConfig base = new ChipConfig(1e9, 512, 512, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1);
        chip = sharing.equals("nothing") ? base
                : base.withShared(new SharedHardware(5, 4, 256, 4, SharedHardware.Overflow.QUEUE, 2));
        tiles = new ArrayList<>();
        rows = new ArrayList<>();
        for (int t = 0; t < TILES; t++) {
            tiles.add(new ChipTimeline.TimedTile(t, 0, ROWS));
            for (int r = 0; r < ROWS; r++) {
                rows.add(row(t, r));
            }
        }
    }

    private static RowDemand row(int tile, int row) {
        RowDemand d = new RowDemand(tile, row, OPS_PER_ROW);
        d.pulse(OpKind.RESET, new int[] {512, 512, 512, 512}, 50);
        for (int k = 0; k < 60; k++) {
            d.pulse(OpKind.SET, new int[] {Math.max(8, 512 - 9 * k), 0, 0, 0}, 200);
            d.verify(1);
        }
        d.read();
        d.verify(1);
        for (int k = 0; k < OPS_PER_ROW - 62; k++) {
            d.pulse(OpKind.SET, new int[] {0, 0, Math.max(4, 256 - 5 * k), 0}, 200);
            d.verify(1);
        }
        return d;
    }

    @Benchmark
    @OperationsPerInvocation(OPERATIONS)
    public void timeRows(Blackhole bh) {
        long[] ends = {0};
        ChipTimeline timeline = new ChipTimeline(chip, tiles, (row, start, end, waited) -> ends[0] += end);
        for (RowDemand d : rows) {
            timeline.offer(d);
        }
        timeline.advance();
        bh.consume(timeline.result().endCycle());
        bh.consume(ends[0]);
    }
}
