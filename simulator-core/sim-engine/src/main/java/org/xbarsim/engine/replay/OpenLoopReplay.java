package org.xbarsim.engine.replay;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.TileSequencer;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.stats.TileStatistics;
import org.xbarsim.engine.trace.Trace;
import org.xbarsim.engine.trace.TraceFormat;

/**
 * What the same programming would do to other devices: a full-level trace's row operations applied,
 * open loop, to a freshly fabricated chip of the scenario's device plugin (another technology, other
 * parameters, another seed). The operations run on each tile's sequencer exactly as recorded, so time
 * and energy are the recording's; the verify reads happen but nobody acts on them. Each row is scored
 * against its recorded targets when the recording finished it.
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
        Map<Integer, List<SpecificRecord>> byTile = trace.byTile();
        long start = System.nanoTime();
        TileStatistics[] stats = new TileStatistics[jobs.size()];
        CrossbarTile[] tiles = new CrossbarTile[jobs.size()];
        // Tiles are independent and each draws only from its own streams: parallel, and deterministic.
        IntStream.range(0, jobs.size()).parallel().forEach(i -> {
            TileJob job = jobs.get(i);
            tiles[i] = new CrossbarTile(job.tile(), plan.chip().tileRows(), plan.chip().tileCols(),
                    plan.chip().significanceF(), plan.device().fabricate(plan.deviceParameters(),
                    DeviceLine.COUNT * plan.chip().tileRows() * plan.chip().tileCols(),
                    plan.streams().stream("tile" + job.tile() + "/fabrication")));
            stats[i] = replayTile(tiles[i], job, byTile.getOrDefault(job.tile(), List.of()), plan);
        });
        double wall = (System.nanoTime() - start) / 1e9;
        long events = trace.events().size();
        return new RunResult(plan.chip(), List.of(stats), wall, events, Double.NaN, Double.NaN,
                Runtime.getRuntime().availableProcessors(), List.of(tiles));
    }

    private static TileStatistics replayTile(CrossbarTile tile, TileJob job, List<SpecificRecord> events, RunPlan plan) {
        RandomStreams.Scope streams = plan.streams().child("tile" + job.tile());
        TileSequencer sequencer = new TileSequencer(tile, plan.chip(), streams.stream("pulses"), streams.stream("read"),
                result -> { });
        TileStatistics stats = new TileStatistics(job.tile(), job.layer(), 4 * plan.tolerance());
        double[] targets = new double[job.cols()];
        int row = -1;
        for (SpecificRecord e : events) {
            if (e instanceof RowTargets t) {
                row = t.getRow();
                ByteBuffer b = t.getTargets().duplicate().order(ByteOrder.LITTLE_ENDIAN);
                b.asDoubleBuffer().get(targets, 0, Math.min(targets.length, t.getColumns()));
                sequencer.startRow();
            } else if (e instanceof RowOp op) {
                sequencer.execute(op);
            } else if (e instanceof RowFinished f && f.getRow() == row) {
                stats.addRow(tile, row, targets, job.cols(), plan.tolerance(), sequencer.counters(), sequencer.now());
            }
        }
        return stats;
    }


    /** Tile jobs from the header's tile list (geometry and mapping; no targets). */
    public static List<TileJob> jobs(io.vertx.core.json.JsonArray tiles) {
        List<TileJob> jobs = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            io.vertx.core.json.JsonObject t = tiles.getJsonObject(i);
            jobs.add(new TileJob(t.getInteger("tile"), t.getInteger("layer"), t.getString("layerName"),
                    t.getInteger("rowOffset"), t.getInteger("colOffset"), t.getInteger("rows"), t.getInteger("cols"),
                    new double[0], t.getDouble("weightClip")));
        }
        return jobs;
    }
}
