package org.xbarsim.engine.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.stats.TileStatistics;
import org.xbarsim.engine.timeline.ResourceKind;
import org.xbarsim.engine.timeline.ResourceUsage;
import org.xbarsim.engine.timeline.TimelineResult;

/**
 * A summary added up from tile statistics stated here, each figure checked against its definition
 * (README, "Summary fields") computed by hand from the same numbers.
 */
class SummaryBuilderTest {
    /** A 1 GHz chip: a cycle is a nanosecond. */
    private static final ChipConfig CHIP = new ChipConfig(1e9, 8, 8, 3, 12, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1,
            1, 0.1);

    private static TileStatistics tile(int tile, int layer, long rows, long weights, long succeeded, long set,
                                       long reset, long read, long cycles, double pj, double sumAbs,
                                       double... errors) {
        TileStatistics t = new TileStatistics(tile, layer, 4 * 0.9);
        t.rows = rows;
        t.weights = weights;
        t.succeeded = succeeded;
        t.setOps = set;
        t.resetOps = reset;
        t.readOps = read;
        t.cycles = cycles;
        t.energyPicojoules = pj;
        t.sumAbsErrorMicroSiemens = sumAbs;
        for (double e : errors) {
            t.histogram.add(e);
        }
        // Energy by part, pJ: distinct multiples of the tile's number, so a part taken for another shows.
        t.energy.set = 1 + tile;
        t.energy.reset = 10 + tile;
        t.energy.read = 100 + tile;
        t.energy.adc = 1000 + tile;
        t.energy.dac = 10000 + tile;
        t.energy.calibration = 100000 + tile;
        return t;
    }

    private static RunSummary summary(double busShare) {
        List<TileJob> jobs = List.of(new TileJob(0, 0, "in", 0, 0, 8, 8, new double[0], 2.5),
                new TileJob(1, 0, "in", 8, 0, 4, 8, new double[0], 2.5),
                new TileJob(2, 1, "out", 0, 0, 8, 3, new double[0], 1.25));
        List<TileStatistics> tiles = List.of(
                tile(0, 0, 8, 64, 60, 400, 16, 300, 5000, 1000, 16, -0.5, 0.1, 9.0),
                tile(1, 0, 4, 32, 32, 150, 8, 100, 7000, 500, 4, 0.2),
                tile(2, 1, 8, 24, 20, 200, 0, 180, 3000, 250, 12, -9.0, 0.3));
        // The timeline's times, not the tiles' own cycles: a row may wait for shared hardware.
        TimelineResult timeline = new TimelineResult(7400, new long[] {5100, 7200, 7400}, new long[] {7200, 7400},
                List.of(new ResourceUsage("chip.adcBank0", ResourceKind.ADC_BANK, List.of(0, 1), 1, 40, 10, 500, 90,
                        3700, 0.5)), 99, 6);
        RunResult r = new RunResult(CHIP, tiles, timeline, 0.5, 1234, busShare, 0.02, 2, List.of(),
                Double.isNaN(busShare) ? -1 : 1L << 30);
        return SummaryBuilder.build(new RunSummary.ScenarioRef("s", "s.yaml", 7), Map.of("k", "v"),
                Map.of("device", "d"), jobs, r, 0.9, null, "v9");
    }

    @Test
    void theChipsOutcomeIsTheSumOfItsTilesItsTimeTheTimelinesEnd() {
        RunSummary.Outcome o = summary(0.1).programming().total();
        long weights = 64 + 32 + 24;
        long rows = 8 + 4 + 8;
        assertEquals(weights, o.weights());
        assertEquals(rows, o.rows());
        assertEquals((60.0 + 32 + 20) / weights, o.successFraction(), 1e-15);
        assertEquals(1 - (60.0 + 32 + 20) / weights, o.pfail(), 1e-15);
        assertEquals((16.0 + 4 + 12) / weights, o.meanAbsErrorMicroSiemens(), 1e-15);
        assertEquals((400.0 + 150 + 200 + 16 + 8) / rows, o.pulseOpsPerRow(), 1e-12);
        assertEquals((400.0 + 150 + 200) / rows, o.setOpsPerRow(), 1e-12);
        assertEquals((16.0 + 8) / rows, o.resetOpsPerRow(), 1e-12);
        assertEquals((300.0 + 100 + 180) / rows, o.readOpsPerRow(), 1e-12);
        assertEquals(7400, o.cycles(), "when the timeline ended the last row");
        assertEquals(7400e-9, o.timeSeconds(), 1e-21);
        assertEquals((1000.0 + 500 + 250) * 1e-12, o.energyJoules(), 1e-24);
    }

    @Test
    void eachLayerAddsUpItsOwnTiles() {
        List<RunSummary.LayerOutcome> layers = summary(0.1).programming().layers();
        assertEquals(2, layers.size());
        RunSummary.LayerOutcome in = layers.get(0);
        assertEquals(0, in.layer());
        assertEquals("in", in.name());
        assertEquals(2.5, in.weightClip());
        assertEquals(96, in.outcome().weights());
        assertEquals(92.0 / 96, in.outcome().successFraction(), 1e-15);
        assertEquals(7200, in.outcome().cycles(), "when its last row ended");
        assertEquals((400.0 + 150 + 16 + 8) / 12, in.outcome().pulseOpsPerRow(), 1e-12);
        RunSummary.LayerOutcome out = layers.get(1);
        assertEquals("out", out.name());
        assertEquals(1.25, out.weightClip());
        assertEquals(7400, out.outcome().cycles());
        assertEquals(20.0 / 24, out.outcome().successFraction(), 1e-15);
    }

    @Test
    void theEnergyByPartIsTheTilesSumsInJoules() {
        // Three tiles 0, 1, 2: each part is 3 x its base plus 0 + 1 + 2, in pJ.
        assertEquals(new RunSummary.ProgrammingEnergy(6e-12, 33e-12, 303e-12, 3003e-12, 30003e-12, 300003e-12),
                summary(0.1).programming().energy());
    }

    @Test
    void sharedHardwareIsReportedInSeconds() {
        RunSummary.ResourceUse bank = summary(0.1).programming().resources().get(0);
        // 500 cycles of waiting over 40 requests at 1 GHz, the longest 90.
        assertEquals(new RunSummary.ResourceUse("chip.adcBank0", "adcBank", List.of(0, 1), 1, 40, 10, 500e-9,
                12.5e-9, 90e-9, 0.5), bank);
    }

    @Test
    void eachTileKeepsItsOwnFiguresAndPlace() {
        List<RunSummary.TileOutcome> tiles = summary(0.1).programming().tiles();
        assertEquals(3, tiles.size());
        RunSummary.TileOutcome t1 = tiles.get(1);
        assertEquals(1, t1.tile());
        assertEquals(0, t1.layer());
        assertEquals(8, t1.rowOffset());
        assertEquals(0, t1.colOffset());
        assertEquals(32, t1.outcome().weights());
        assertEquals(1.0, t1.outcome().successFraction());
        assertEquals(7200, t1.outcome().cycles());
        assertEquals(7200e-9, t1.outcome().timeSeconds(), 1e-21);
        assertEquals(500e-12, t1.outcome().energyJoules(), 1e-24);
    }

    @Test
    void theHistogramCountsEveryTilesErrorsAndTheHostsFiguresAreKept() {
        RunSummary s = summary(0.1);
        RunSummary.Histogram h = s.programming().errorHistogram();
        // Bins of 7.2 / 40 = 0.18 uS from -3.6: -0.5 in bin 17, 0.1 in 20, 0.2 in 21, 0.3 in 21; 9 and -9 beyond.
        assertEquals(-3.6, h.lowMicroSiemens(), 1e-12);
        assertEquals(0.18, h.binWidthMicroSiemens(), 1e-12);
        assertEquals(1, h.above());
        assertEquals(1, h.below());
        assertEquals(1L, h.counts().get(17));
        assertEquals(1L, h.counts().get(20));
        assertEquals(2L, h.counts().get(21));
        assertEquals(4, h.counts().stream().mapToLong(Long::longValue).sum());
        assertEquals(0.9, h.toleranceMicroSiemens());
        RunSummary.HostRun run = s.run();
        assertEquals(0.5, run.wallSeconds());
        assertEquals(1234, run.busEvents());
        assertEquals(0.1, run.busShare());
        assertEquals(0.02, run.pauseShare());
        assertEquals(120 / 0.5, run.weightsPerWallSecond(), 1e-9);
        assertEquals(2, run.threads());
        assertEquals(6, run.timelineBufferedRows());
        assertEquals(1L << 30, run.peakResidentBytes());
        // Four devices a cell, 8x8 cells a tile, three tiles.
        assertEquals((1L << 30) / (4.0 * 8 * 8 * 3), run.residentBytesPerDevice(), 1e-9);
        assertNull(summary(Double.NaN).run().busShare(), "not measured: null, not NaN");
        assertNull(summary(Double.NaN).run().peakResidentBytes(), "unknown (-1): null");
        assertNull(summary(Double.NaN).run().residentBytesPerDevice());
        assertEquals(2, s.format());
        assertEquals("v9", s.xbarsim());
        assertEquals(Map.of("k", "v"), s.config());
    }
}
