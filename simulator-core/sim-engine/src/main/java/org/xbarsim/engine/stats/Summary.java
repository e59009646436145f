package org.xbarsim.engine.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.timeline.ResourceUsage;
import org.xbarsim.engine.timeline.TimelineResult;

/**
 * The summary of a programming run, as written to {@code summary.json}. Field names are a contract
 * (README, "Summary fields"): scripts read them. Everything outside {@code run} is a deterministic
 * function of the scenario and seed; {@code run} holds what the host machine did.
 */
public final class Summary {
    /** Fields that measure the host, not the simulation: left out when runs are compared. */
    public static final List<String> WALL_CLOCK_FIELDS = List.of("run.wallSeconds", "run.weightsPerWallSecond",
            "run.busShare", "run.pauseShare", "run.threads", "run.peakResidentBytes", "run.residentBytesPerDevice",
            "run.timelineBufferedRows", "inference.wallSeconds", "lifecycle.wallSeconds");

    private Summary() {
    }

    public static JsonObject build(String name, String source, long seed, Map<String, String> effective,
                                   Map<String, String> plugins, List<TileJob> jobs, RunResult result,
                                   double tolerance, String version) {
        ChipConfig chip = result.chip();
        TileStatistics total = new TileStatistics(-1, -1, 4 * tolerance);
        JsonArray tiles = new JsonArray();
        int layers = jobs.stream().mapToInt(TileJob::layer).max().orElse(-1) + 1;
        TileStatistics[] perLayer = new TileStatistics[layers];
        // Times are the chip timeline's: when each tile's and layer's last row ended on the one clock.
        TimelineResult timeline = result.timeline();
        for (int i = 0; i < result.tiles().size(); i++) {
            TileStatistics t = result.tiles().get(i);
            TileJob job = jobs.get(i);
            total.addAll(t);
            if (perLayer[job.layer()] == null) {
                perLayer[job.layer()] = new TileStatistics(-1, job.layer(), 4 * tolerance);
            }
            perLayer[job.layer()].addAll(t);
            tiles.add(outcome(t, chip, timeline.tileEnds()[i])
                    .put("tile", t.tile).put("layer", job.layer())
                    .put("rowOffset", job.rowOffset()).put("colOffset", job.colOffset()));
        }
        JsonArray layerArray = new JsonArray();
        for (int l = 0; l < layers; l++) {
            int layer = l;
            TileJob first = jobs.stream().filter(j -> j.layer() == layer).findFirst().orElseThrow();
            layerArray.add(new JsonObject().put("layer", l).put("name", first.layerName())
                    .put("weightClip", first.weightClip())
                    .mergeIn(outcome(perLayer[l], chip, timeline.layerEnds()[l])));
        }

        JsonObject programming = outcome(total, chip, timeline.endCycle());
        JsonObject histogram = new JsonObject()
                .put("lowMicroSiemens", -total.histogram.limit())
                .put("binWidthMicroSiemens", total.histogram.binWidth())
                .put("counts", new JsonArray(java.util.Arrays.stream(total.histogram.counts()).boxed().toList()))
                .put("below", total.histogram.below())
                .put("above", total.histogram.above());
        programming.put("energy", energyByPart(total)).put("errorHistogram", histogram).put("layers", layerArray)
                .put("tiles", tiles);
        if (!timeline.resources().isEmpty()) {
            programming.put("resources", resources(timeline.resources(), chip));
        }

        JsonObject run = new JsonObject()
                .put("wallSeconds", result.wallSeconds())
                .put("busEvents", result.busEvents())
                .put("busShare", Double.isNaN(result.busShare()) ? null : result.busShare())
                .put("pauseShare", Double.isNaN(result.pauseShare()) ? null : result.pauseShare())
                .put("weightsPerWallSecond", total.weights / Math.max(result.wallSeconds(), 1e-9))
                .put("threads", result.threads())
                // How far the loops ran ahead of the timeline: the most row logs it held at once.
                .put("timelineBufferedRows", result.timeline().mostBufferedRows());
        if (result.peakResidentBytes() > 0) {
            // Devices the tiles hold (four per cell, used or not): what memory per device is per.
            long devices = 4L * chip.tileRows() * chip.tileCols() * result.tiles().size();
            run.put("peakResidentBytes", result.peakResidentBytes())
                    .put("residentBytesPerDevice", result.peakResidentBytes() / (double) Math.max(1, devices));
        }

        JsonObject config = new JsonObject();
        effective.forEach(config::put);
        JsonObject pluginJson = new JsonObject();
        plugins.forEach(pluginJson::put);
        return new JsonObject()
                .put("xbarsim", version)
                .put("scenario", new JsonObject().put("name", name).put("source", source).put("seed", seed))
                .put("plugins", pluginJson)
                .put("config", config)
                .put("chip", chip(chip, jobs.size()))
                .put("programming", programming)
                .put("run", run);
    }

    /** Programming energy by part, J: pulses, the array's verify reads, conversions, row drive, ADC calibration. */
    private static JsonObject energyByPart(TileStatistics t) {
        return new JsonObject()
                .put("set", t.energy.set * 1e-12)
                .put("reset", t.energy.reset * 1e-12)
                .put("read", t.energy.read * 1e-12)
                .put("adc", t.energy.adc * 1e-12)
                .put("dac", t.energy.dac * 1e-12)
                .put("calibration", t.energy.calibration * 1e-12);
    }

    /**
     * The chip as built: its tiles, one ADC conversion's time and, when its cost model prices area (the
     * flat model does not), its area by part in mm^2.
     */
    static JsonObject chip(ChipConfig chip, int tiles) {
        JsonObject section = new JsonObject().put("tiles", tiles)
                .put("adcConversionSeconds", chip.seconds(chip.periphery().adcConversionCycles()));
        TileArea tile = chip.costs().area();
        if (!tile.known()) {
            return section;
        }
        double mm2 = 1e-6;
        return section
                .put("tileAreaMm2", tile.total() * mm2)
                .put("areaMm2", tiles * tile.total() * mm2)
                .put("area", new JsonObject()
                        .put("array", tiles * tile.array() * mm2)
                        .put("adcs", tiles * tile.adcs() * mm2)
                        .put("rows", tiles * tile.rows() * mm2)
                        .put("digital", tiles * tile.digital() * mm2));
    }


    /**
     * The shared or limited hardware of one of the chip's timelines: how busy each piece was and how long
     * requests waited for it (only what can make a row or a multiply wait is listed: controllers that take
     * time, supplies with a budget, ADC banks and links shared by tiles, a digital periphery that takes time).
     */
    public static JsonArray resources(List<ResourceUsage> resources, ChipConfig chip) {
        JsonArray out = new JsonArray();
        for (ResourceUsage r : resources) {
            out.add(new JsonObject()
                    .put("name", r.name())
                    .put("kind", r.kind().id())
                    .put("tiles", new JsonArray(r.tiles()))
                    .put("capacity", r.capacity())
                    .put("requests", r.requests())
                    .put("waited", r.waited())
                    .put("waitSeconds", chip.seconds(r.waitCycles()))
                    .put("meanWaitSeconds", r.requests() == 0 ? 0.0 : chip.seconds(r.waitCycles()) / r.requests())
                    .put("maxWaitSeconds", chip.seconds(r.maxWaitCycles()))
                    .put("utilisation", r.utilisation()));
        }
        return out;
    }

    /** The common outcome fields of a tile, a layer or the whole run. */
    private static JsonObject outcome(TileStatistics t, ChipConfig chip, long cycles) {
        double rows = Math.max(1, t.rows);
        double success = t.successFraction();
        return new JsonObject()
                .put("weights", t.weights)
                .put("rows", t.rows)
                .put("successFraction", success)
                .put("pfail", 1 - success)
                .put("meanAbsErrorMicroSiemens", t.weights == 0 ? 0.0 : t.sumAbsErrorMicroSiemens / t.weights)
                .put("pulseOpsPerRow", (t.setOps + t.resetOps) / rows)
                .put("setOpsPerRow", t.setOps / rows)
                .put("resetOpsPerRow", t.resetOps / rows)
                .put("readOpsPerRow", t.readOps / rows)
                .put("cycles", cycles)
                .put("timeSeconds", chip.seconds(cycles))
                .put("energyJoules", t.energyPicojoules * 1e-12);
    }

    /** Looks up a dotted path ("programming.pfail") in a summary. */
    public static Object get(JsonObject summary, String path) {
        Object node = summary;
        for (String part : path.split("\\.")) {
            if (!(node instanceof JsonObject o)) {
                return null;
            }
            node = o.getValue(part);
        }
        return node;
    }

    /** A copy without the wall-clock fields: what must be identical between runs. */
    public static JsonObject withoutWallClock(JsonObject summary) {
        JsonObject copy = summary.copy();
        for (String path : WALL_CLOCK_FIELDS) {
            String[] parts = path.split("\\.");
            JsonObject parent = copy.getJsonObject(parts[0]);
            if (parent != null) {
                parent.remove(parts[1]);
            }
        }
        return copy;
    }
}
