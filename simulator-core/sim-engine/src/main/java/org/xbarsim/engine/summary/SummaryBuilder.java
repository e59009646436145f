package org.xbarsim.engine.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.api.inference.DigitalOps;
import org.xbarsim.api.inference.LayerWork;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.infer.MappingReport;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.stats.TileStatistics;
import org.xbarsim.engine.summary.RunSummary.HostRun;
import org.xbarsim.engine.summary.RunSummary.Inference;
import org.xbarsim.engine.summary.RunSummary.LayerOutcome;
import org.xbarsim.engine.summary.RunSummary.Outcome;
import org.xbarsim.engine.summary.RunSummary.Programming;
import org.xbarsim.engine.summary.RunSummary.TileOutcome;
import org.xbarsim.engine.timeline.ResourceUsage;
import org.xbarsim.engine.timeline.TimelineResult;

/**
 * Adds a programming run's per-tile statistics up to a {@link RunSummary}: the chip, each layer and
 * each tile. Tiles are added in tile order, so sums are bit-identical whatever thread ran which tile.
 */
public final class SummaryBuilder {
    private SummaryBuilder() {
    }

    /**
     * The summary of a run.
     *
     * @param effective every scenario key with the value in force (the {@code config} section)
     * @param plugins   extension id and origin by kind
     * @param inference the network's evaluation, or null
     */
    public static RunSummary build(RunSummary.ScenarioRef scenario, Map<String, String> effective,
                                   Map<String, String> plugins, List<TileJob> jobs, RunResult result,
                                   double tolerance, Inference inference, String version) {
        Programming programming = programming(jobs, result, tolerance);
        return new RunSummary(RunSummary.FORMAT, version, scenario, plugins, effective,
                chip(result.chip(), jobs.size()), programming, inference, null,
                hostRun(result, programming.weights(), result.tiles().size()),
                null);
    }

    /**
     * The chip as built: its tiles, one ADC conversion's time and, when its cost model prices area (the
     * flat model does not), its area by part in mm^2.
     */
    static RunSummary.Chip chip(ChipConfig chip, int tiles) {
        double conversion = chip.seconds(chip.periphery().adcConversionCycles());
        TileArea tile = chip.costs().area();
        if (!tile.known()) {
            return new RunSummary.Chip(tiles, conversion, null, null, null);
        }
        double mm2 = 1e-6;
        return new RunSummary.Chip(tiles, conversion, tile.total() * mm2, tiles * tile.total() * mm2,
                new RunSummary.ChipArea(tiles * tile.array() * mm2, tiles * tile.adcs() * mm2,
                        tiles * tile.rows() * mm2, tiles * tile.digital() * mm2));
    }

    /** Programming energy by part, J. */
    private static RunSummary.ProgrammingEnergy energy(TileStatistics t) {
        return new RunSummary.ProgrammingEnergy(t.energy.set * 1e-12, t.energy.reset * 1e-12, t.energy.read * 1e-12,
                t.energy.adc * 1e-12, t.energy.dac * 1e-12, t.energy.calibration * 1e-12);
    }

    /** The chip's, each layer's and each tile's outcome, with the chip's error histogram. */
    static Programming programming(List<TileJob> jobs, RunResult result, double tolerance) {
        ChipConfig chip = result.chip();
        TileStatistics total = new TileStatistics(-1, -1, 4 * tolerance);
        int layers = jobs.stream().mapToInt(TileJob::layer).max().orElse(-1) + 1;
        TileStatistics[] perLayer = new TileStatistics[layers];
        // Times are the chip timeline's: when each tile's and layer's last row ended on the one clock.
        TimelineResult timeline = result.timeline();
        List<TileOutcome> tiles = new ArrayList<>();
        for (int i = 0; i < result.tiles().size(); i++) {
            TileStatistics t = result.tiles().get(i);
            TileJob job = jobs.get(i);
            total.addAll(t);
            if (perLayer[job.layer()] == null) {
                perLayer[job.layer()] = new TileStatistics(-1, job.layer(), 4 * tolerance);
            }
            perLayer[job.layer()].addAll(t);
            tiles.add(new TileOutcome(outcome(t, chip, timeline.tileEnds()[i]), t.tile, job.layer(), job.rowOffset(),
                    job.colOffset()));
        }
        List<LayerOutcome> layerOutcomes = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int layer = l;
            TileJob first = jobs.stream().filter(j -> j.layer() == layer).findFirst().orElseThrow();
            layerOutcomes.add(new LayerOutcome(l, first.layerName(), first.weightClip(),
                    outcome(perLayer[l], chip, timeline.layerEnds()[l])));
        }
        RunSummary.Histogram histogram = new RunSummary.Histogram(-total.histogram.limit(),
                total.histogram.binWidth(), Arrays.stream(total.histogram.counts()).boxed().toList(),
                total.histogram.below(), total.histogram.above(), tolerance);
        return new Programming(outcome(total, chip, timeline.endCycle()), energy(total), histogram,
                List.copyOf(layerOutcomes), List.copyOf(tiles), resources(timeline.resources(), chip));
    }

    /**
     * The shared or limited hardware of one of the chip's timelines: how busy each piece was and how long
     * requests waited for it (only what can make a row or a multiply wait is listed: controllers that take
     * time, supplies with a budget, ADC banks and links shared by tiles, a digital periphery that takes
     * time); null when there is none.
     */
    public static List<RunSummary.ResourceUse> resources(List<ResourceUsage> resources, ChipConfig chip) {
        if (resources.isEmpty()) {
            return null;
        }
        List<RunSummary.ResourceUse> out = new ArrayList<>();
        for (ResourceUsage r : resources) {
            double wait = chip.seconds(r.waitCycles());
            out.add(new RunSummary.ResourceUse(r.name(), r.kind().id(), List.copyOf(r.tiles()), r.capacity(),
                    r.requests(), r.waited(), wait, r.requests() == 0 ? 0.0 : wait / r.requests(),
                    chip.seconds(r.maxWaitCycles()), r.utilisation()));
        }
        return List.copyOf(out);
    }

    /** The common outcome fields of a tile, a layer or the whole run. */
    private static Outcome outcome(TileStatistics t, ChipConfig chip, long cycles) {
        double rows = Math.max(1, t.rows);
        double success = t.successFraction();
        return new Outcome(t.weights, t.rows, success, 1 - success,
                t.weights == 0 ? 0.0 : t.sumAbsErrorMicroSiemens / t.weights,
                (t.setOps + t.resetOps) / rows, t.setOps / rows, t.resetOps / rows, t.readOps / rows, cycles,
                chip.seconds(cycles), t.energyPicojoules * 1e-12);
    }

    /** The inference section's mapping report as records. */
    public static RunSummary.Mapping mapping(MappingReport report) {
        List<RunSummary.MatrixUse> matrices = new ArrayList<>();
        for (MappingReport.MatrixMapping m : report.matrices()) {
            matrices.add(new RunSummary.MatrixUse(m.name(), m.rows(), m.cols(), List.copyOf(m.tiles()),
                    m.utilisation(), m.multipliesPerSample()));
        }
        List<RunSummary.LayerUse> layers = new ArrayList<>();
        for (LayerWork w : report.layers()) {
            List<String> names = w.matrices().stream().map(i -> i >= 0 && i < matrices.size()
                    ? matrices.get(i).name() : String.valueOf(i)).toList();
            layers.add(new RunSummary.LayerUse(w.name(), w.kind(), names, w.multipliesPerSample(),
                    digital(w.digital())));
        }
        return new RunSummary.Mapping(report.tileRows(), report.tileCols(), report.tiles(), report.utilisation(),
                digital(report.digitalPerSample()), List.copyOf(matrices), List.copyOf(layers));
    }

    private static RunSummary.DigitalOps digital(DigitalOps d) {
        return new RunSummary.DigitalOps(d.additions(), d.multiplications(), d.comparisons(), d.nonlinear());
    }

    private static HostRun hostRun(RunResult result, long weights, int tiles) {
        Long peak = null;
        Double perDevice = null;
        if (result.peakResidentBytes() > 0) {
            // Devices the tiles hold (four per cell, used or not): what memory per device is per.
            long devices = 4L * result.chip().tileRows() * result.chip().tileCols() * tiles;
            peak = result.peakResidentBytes();
            perDevice = result.peakResidentBytes() / (double) Math.max(1, devices);
        }
        return new HostRun(result.wallSeconds(), result.busEvents(),
                Double.isNaN(result.busShare()) ? null : result.busShare(),
                Double.isNaN(result.pauseShare()) ? null : result.pauseShare(),
                weights / Math.max(result.wallSeconds(), 1e-9), result.threads(),
                result.timeline().mostBufferedRows(), peak, perDevice);
    }
}
