package org.xbarsim.engine.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;

/**
 * The summary of a programming run, as written to {@code summary.json}. Field names are a contract
 * (README, "Summary fields"): scripts read them. Everything outside {@code run} is a deterministic
 * function of the scenario and seed; {@code run} holds what the host machine did.
 */
public final class Summary {
    /** Fields that measure the host, not the simulation: left out when runs are compared. */
    public static final List<String> WALL_CLOCK_FIELDS = List.of("run.wallSeconds", "run.weightsPerWallSecond",
            "run.busShare", "run.pauseShare", "run.threads", "inference.wallSeconds");

    private Summary() {
    }

    public static JsonObject build(String name, String source, long seed, Map<String, String> effective,
                                   Map<String, String> plugins, List<TileJob> jobs, RunResult result,
                                   double tolerance, String version) {
        ChipConfig chip = result.chip();
        TileStatistics total = new TileStatistics(-1, -1, 4 * tolerance);
        long maxCycles = 0;
        JsonArray tiles = new JsonArray();
        int layers = jobs.stream().mapToInt(TileJob::layer).max().orElse(-1) + 1;
        TileStatistics[] perLayer = new TileStatistics[layers];
        long[] layerCycles = new long[layers];
        for (int i = 0; i < result.tiles().size(); i++) {
            TileStatistics t = result.tiles().get(i);
            TileJob job = jobs.get(i);
            total.addAll(t);
            if (perLayer[job.layer()] == null) {
                perLayer[job.layer()] = new TileStatistics(-1, job.layer(), 4 * tolerance);
            }
            perLayer[job.layer()].addAll(t);
            layerCycles[job.layer()] = Math.max(layerCycles[job.layer()], t.cycles);
            maxCycles = Math.max(maxCycles, t.cycles);
            tiles.add(outcome(t, chip, t.cycles)
                    .put("tile", t.tile).put("layer", job.layer())
                    .put("rowOffset", job.rowOffset()).put("colOffset", job.colOffset()));
        }
        JsonArray layerArray = new JsonArray();
        for (int l = 0; l < layers; l++) {
            int layer = l;
            TileJob first = jobs.stream().filter(j -> j.layer() == layer).findFirst().orElseThrow();
            layerArray.add(new JsonObject().put("layer", l).put("name", first.layerName())
                    .put("weightClip", first.weightClip())
                    .mergeIn(outcome(perLayer[l], chip, layerCycles[l])));
        }

        JsonObject programming = outcome(total, chip, maxCycles);
        JsonObject histogram = new JsonObject()
                .put("lowMicroSiemens", -total.histogram.limit())
                .put("binWidthMicroSiemens", total.histogram.binWidth())
                .put("counts", new JsonArray(java.util.Arrays.stream(total.histogram.counts()).boxed().toList()))
                .put("below", total.histogram.below())
                .put("above", total.histogram.above());
        programming.put("energy", energyByPart(total)).put("errorHistogram", histogram).put("layers", layerArray)
                .put("tiles", tiles);

        JsonObject run = new JsonObject()
                .put("wallSeconds", result.wallSeconds())
                .put("busEvents", result.busEvents())
                .put("busShare", Double.isNaN(result.busShare()) ? null : result.busShare())
                .put("pauseShare", Double.isNaN(result.pauseShare()) ? null : result.pauseShare())
                .put("weightsPerWallSecond", total.weights / Math.max(result.wallSeconds(), 1e-9))
                .put("threads", result.threads());

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
