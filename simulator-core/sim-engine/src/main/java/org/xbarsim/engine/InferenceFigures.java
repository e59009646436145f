package org.xbarsim.engine;

import io.vertx.core.json.JsonObject;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.infer.AnalogNetwork;
import org.xbarsim.engine.infer.InferenceEnergy;

/**
 * The figures of merit of an inference run, added to the summary's inference section: energy per sample
 * by part, throughput, operations per sample, TOPS/W and, when the cost model prices area, TOPS/mm^2.
 * Operations count two per multiply-accumulate of the layers' weights, as accelerator papers do (HERMES
 * counts a 256x256 multiply as 131,072 operations).
 */
final class InferenceFigures {
    private InferenceFigures() {
    }

    static JsonObject add(JsonObject section, AnalogNetwork network, ChipConfig chip, int tiles, long samples) {
        InferenceEnergy e = network.energyByPart();
        double toJoules = 1e-12 / samples;
        double seconds = chip.seconds(network.cycles()) / samples;
        double joules = network.energyPicojoules() * toJoules;
        double ops = 2.0 * network.macsPerSample();
        section.put("energy", new JsonObject()
                        .put("array", e.array() * toJoules)
                        .put("adc", e.adc() * toJoules)
                        .put("dac", e.dac() * toJoules)
                        .put("digital", e.digital() * toJoules))
                .put("samplesPerSecond", seconds > 0 ? 1 / seconds : null)
                .put("opsPerSample", ops)
                .put("topsPerWatt", joules > 0 ? ops / joules * 1e-12 : null);
        TileArea area = chip.costs().area();
        if (area.known() && seconds > 0) {
            double mm2 = tiles * area.total() * 1e-6;
            section.put("topsPerMm2", ops / seconds * 1e-12 / mm2);
        }
        return section;
    }
}
