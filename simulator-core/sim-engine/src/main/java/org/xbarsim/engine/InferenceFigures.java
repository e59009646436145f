package org.xbarsim.engine;

import org.xbarsim.api.cost.TileArea;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.infer.AnalogNetwork;
import org.xbarsim.engine.infer.InferenceEnergy;
import org.xbarsim.engine.infer.MappingReport;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryBuilder;
import org.xbarsim.engine.timeline.InferenceTiming;

/**
 * The summary's inference section: the network's figures, then the figures of merit per sample: energy
 * by part, latency and throughput (the chip's clock streaming the samples through its pipelined layers),
 * the shared hardware the multiplies used, operations per sample, TOPS/W and, when the cost model prices
 * area, TOPS/mm^2. Operations count two per multiply-accumulate of the layers' weights, as accelerator
 * papers do (HERMES counts a 256x256 multiply as 131,072 operations).
 */
final class InferenceFigures {
    private InferenceFigures() {
    }

    static RunSummary.Inference of(String time, InferenceResult r, AnalogNetwork network, InferenceTiming timing,
                                   ChipConfig chip, int tiles, MappingReport mapping, double wallSeconds) {
        long samples = Math.max(1, r.samples());
        InferenceEnergy e = network.energyByPart();
        double toJoules = 1e-12 / samples;
        double rate = timing.samplesPerCycle() * chip.clockHz();
        double joules = network.energyPicojoules() * toJoules;
        double ops = 2.0 * network.macsPerSample();
        TileArea area = chip.costs().area();
        Double topsPerMm2 = area.known() && rate > 0 ? ops * rate * 1e-12 / (tiles * area.total() * 1e-6) : null;
        return new RunSummary.Inference(time, r.samples(), finite(r.softwareAccuracy()), finite(r.analogAccuracy()),
                finite(r.softwareBitsPerChar()), finite(r.analogBitsPerChar()), chip.seconds(timing.latencyCycles()),
                joules, new RunSummary.InferenceEnergy(e.array() * toJoules, e.adc() * toJoules, e.dac() * toJoules,
                        e.digital() * toJoules), rate > 0 ? rate : null, ops,
                joules > 0 ? ops / joules * 1e-12 : null, topsPerMm2,
                timing.resources().isEmpty() ? null : SummaryBuilder.resources(timing.resources(), chip),
                SummaryBuilder.mapping(mapping), wallSeconds);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
