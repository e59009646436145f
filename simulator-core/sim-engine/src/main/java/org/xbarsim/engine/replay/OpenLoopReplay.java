package org.xbarsim.engine.replay;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.RowDemand;
import org.xbarsim.engine.hw.RowExecutor;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.stats.ErrorHistogram;
import org.xbarsim.engine.stats.TileStatistics;
import org.xbarsim.engine.timeline.ChipTimeline;
import org.xbarsim.engine.timeline.TimelineResult;
import org.xbarsim.engine.trace.Trace;
import org.xbarsim.engine.trace.TraceFormat;

/**
 * What the same programming would do to other devices: a full-level trace's row operations applied,
 * open loop, to a freshly fabricated chip of the scenario's device plugin (another technology, other
 * parameters, another seed). Each row's recorded operations run on the tile's hardware exactly as
 * recorded, then the chip's timeline times the rows, so time and energy are the recording's; the
 * verify reads happen but nobody acts on them. Each row is scored against its recorded targets.
 */
public final class OpenLoopReplay {
    private OpenLoopReplay() {
    }

    /**
     * @param jobs tile geometry from the trace header (targets unused: they come from the trace)
     */
    public static RunResult run(Trace trace, RunPlan plan, List<TileJob> jobs, String source) {
        if (!"full".equals(trace.metadata().get(TraceFormat.LEVEL))) {
            throw new InputError(source, TraceFormat.LEVEL, "expected a trace recorded with --trace-level full (it "
                    + "holds each row's targets), got level " + trace.metadata().get(TraceFormat.LEVEL));
        }
        Map<Long, List<SpecificRecord>> byStream = trace.byStream();
        long start = System.nanoTime();
        CrossbarTile[] tiles = new CrossbarTile[jobs.size()];
        ErrorHistogram[] histograms = new ErrorHistogram[jobs.size()];
        RowDemand[][] rows = new RowDemand[jobs.size()][];
        // Tiles are independent and each row draws only from its own streams: parallel, and deterministic.
        IntStream.range(0, jobs.size()).parallel().forEach(i -> {
            TileJob job = jobs.get(i);
            tiles[i] = new CrossbarTile(job.tile(), plan.chip().tileRows(), plan.chip().tileCols(),
                    plan.chip().cell(), plan.device().fabricate(plan.deviceParameters(),
                    plan.chip().devicesPerCell() * plan.chip().tileRows() * plan.chip().tileCols(),
                    plan.streams().stream("tile" + job.tile() + "/fabrication")));
            histograms[i] = new ErrorHistogram(4 * plan.tolerance(), TileStatistics.HISTOGRAM_BINS);
            rows[i] = replayTile(tiles[i], job, byStream, plan, histograms[i], source);
        });
        List<ChipTimeline.TimedTile> timed = new ArrayList<>();
        TileStatistics[] stats = new TileStatistics[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            timed.add(new ChipTimeline.TimedTile(jobs.get(i).tile(), jobs.get(i).layer(), rows[i].length));
            stats[i] = new TileStatistics(jobs.get(i).tile(), jobs.get(i).layer(), 4 * plan.tolerance());
            stats[i].histogram.addAll(histograms[i]);
        }
        Map<Integer, TileStatistics> byTile = new java.util.HashMap<>();
        for (TileStatistics s : stats) {
            byTile.put(s.tile, s);
        }
        ChipTimeline timeline = new ChipTimeline(plan.chip(), timed,
                (row, from, end, waited) -> byTile.get(row.tile()).addRow(row, end));
        for (RowDemand[] tileRows : rows) {
            for (RowDemand row : tileRows) {
                timeline.offer(row);
            }
        }
        timeline.advance();
        TimelineResult timing = timeline.result();
        double wall = (System.nanoTime() - start) / 1e9;
        long events = trace.events().size();
        return new RunResult(plan.chip(), List.of(stats), timing, wall, events, Double.NaN, Double.NaN,
                Runtime.getRuntime().availableProcessors(), List.of(tiles), -1);
    }

    /** Every recorded row of a tile, in row order, replayed: each row's recorded operations on its own streams. */
    private static RowDemand[] replayTile(CrossbarTile tile, TileJob job, Map<Long, List<SpecificRecord>> byStream,
                                          RunPlan plan, ErrorHistogram histogram, String source) {
        RandomStreams.Scope streams = plan.streams().child("tile" + job.tile());
        RowExecutor executor = new RowExecutor(tile, plan.chip());
        RowDemand[] done = new RowDemand[job.rows()];
        double[] targets = new double[job.cols()];
        for (int row = 0; row < job.rows(); row++) {
            List<SpecificRecord> events = byStream.getOrDefault(Trace.rowStream(job.tile(), row), List.of());
            RandomStreams.Scope rowStreams = streams.child("row" + row);
            executor.startRow(row, rowStreams.stream("pulses"), rowStreams.stream("read"),
                    new RowDemand(job.tile(), row, 64));
            boolean targeted = false;
            for (SpecificRecord e : events) {
                if (e instanceof RowTargets t) {
                    ByteBuffer b = t.getTargets().duplicate().order(ByteOrder.LITTLE_ENDIAN);
                    b.asDoubleBuffer().get(targets, 0, Math.min(targets.length, t.getColumns()));
                    targeted = true;
                } else if (e instanceof RowOp op) {
                    executor.execute(op);
                }
            }
            if (!targeted) {
                throw new InputError(source, "tile " + job.tile() + " row " + row, "expected the row's targets (a "
                        + "full-level trace holds every row's), found none");
            }
            executor.finishRow();
            TileStatistics.score(tile, row, targets, job.cols(), plan.tolerance(), histogram, executor.demand());
            done[row] = executor.demand();
        }
        return done;
    }
}
