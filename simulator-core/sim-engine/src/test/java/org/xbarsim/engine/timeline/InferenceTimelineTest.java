package org.xbarsim.engine.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.SharedHardware;

/**
 * Inference on the chip's clock against hand calculations. The chip: 1 GHz, 8x8 tiles, integration
 * 100 cycles, a 10-bit SAR ADC per column at one cycle a bit (10 cycles a conversion), one DAC step a
 * cycle. An 8-bit unsigned pulse-width DAC drives for 255 cycles, a 7-bit magnitude (signed inputs) for
 * 127, amplitude encoding for 1. A tile is busy from the drive's start to its conversion's end.
 */
class InferenceTimelineTest {
    private static final ChipConfig CHIP = new ChipConfig(1e9, 8, 8, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1,
            0.1);
    private static final long INTEGRATE = 100;
    private static final long CONVERT = 10;

    private static MultiplyCalls calls(int... layerBatchPairs) {
        MultiplyCalls c = new MultiplyCalls();
        for (int i = 0; i < layerBatchPairs.length; i += 2) {
            c.add(layerBatchPairs[i], layerBatchPairs[i + 1]);
        }
        return c;
    }

    private static InferenceTimeline.TileShape tile(int tile, int layer) {
        return new InferenceTimeline.TileShape(tile, layer, 8, 8);
    }

    private static InferenceTimeline.LayerShape layer(long drive) {
        return new InferenceTimeline.LayerShape(8, drive);
    }

    /** One tile, five samples: each takes 255 + 100 + 10 cycles, and the tile takes the next one at once. */
    @Test
    void aSingleUncontendedTileTakesDriveIntegrationAndConversionPerSample() {
        InferenceTiming t = InferenceTimeline.time(CHIP, List.of(tile(0, 0)), List.of(layer(255)), calls(0, 5));
        long sample = 255 + INTEGRATE + CONVERT;
        assertEquals(5, t.samples());
        assertEquals(sample, t.latencyCycles());
        assertEquals(1.0 / sample, t.samplesPerCycle(), 1e-15);
        assertEquals(5 * sample, t.endCycle());
        assertEquals(5, t.events(), "one event per sample: the tile's multiply, nothing shared");
        assertTrue(t.resources().isEmpty());
    }

    /**
     * With a timed data path: a 16-bit-a-cycle link carries 8 codes of 10 bits in ceil(80 / 16) = 5 cycles;
     * the digital periphery (8 lanes, one per ADC) adds the 8 partial sums in one round of 2 cycles, then
     * rescales and activates 8 outputs in 2 x 2 cycles. The latency adds them up; the tile (365) stays the
     * slowest stage.
     */
    @Test
    void aTimedLinkAndDigitalPeripheryAddToTheLatencyNotToTheRateWhileTheTileIsSlower() {
        ChipConfig chip = CHIP.withShared(SharedHardware.NONE.withDataPath(new SharedHardware.DataPath(16, 1, 2)));
        InferenceTiming t = InferenceTimeline.time(chip, List.of(tile(0, 0)), List.of(layer(255)), calls(0, 4));
        assertEquals(365 + 5 + 2 + 4, t.latencyCycles());
        assertEquals(1.0 / 365, t.samplesPerCycle(), 1e-15);
        assertEquals(1, t.resources().size(), "the digital periphery takes time: it is listed");
        ResourceUsage digital = t.resources().get(0);
        assertEquals(ResourceKind.DIGITAL, digital.kind());
        assertEquals(8, digital.requests(), "an accumulation and a finish per sample");
        assertEquals(4 * 6, digital.busyUnitCycles());
    }

    /**
     * Amplitude inputs (one step) make the tile fast, 1 + 100 + 10 = 111 cycles, and a digital periphery
     * of 50 cycles an operation slow: 50 to add the partial sums plus 2 x 50 to rescale and activate, 150
     * cycles of the one digital unit per sample, which sets the rate.
     */
    @Test
    void theSlowestStageSetsTheRateWhenItIsTheDigitalPeriphery() {
        ChipConfig chip = CHIP.withShared(SharedHardware.NONE.withDataPath(new SharedHardware.DataPath(1, 1, 50)));
        InferenceTiming t = InferenceTimeline.time(chip, List.of(tile(0, 0)), List.of(layer(1)), calls(0, 6));
        assertEquals(111 + 80 + 50 + 100, t.latencyCycles(), "link: 80 bits at one a cycle");
        assertEquals(1.0 / 150, t.samplesPerCycle(), 1e-15);
    }

    /**
     * Two layers of one tile each, the first with signed inputs (127 drive cycles: 237 a sample), the
     * second unsigned (255: 365 a sample): a sample's latency is 237 + 365 and the stream runs at the
     * second layer's pace, in either order, over batches streamed as an MLP's calls come (layer 0, layer
     * 1, layer 0, layer 1, ...).
     */
    @Test
    void aTwoLayerPipelineRunsAtItsSlowestStage() {
        List<InferenceTimeline.TileShape> tiles = List.of(tile(0, 0), tile(1, 1));
        MultiplyCalls mlp = calls(0, 4, 1, 4, 0, 4, 1, 4, 0, 4, 1, 4);
        InferenceTiming fastFirst = InferenceTimeline.time(CHIP, tiles, List.of(layer(127), layer(255)), mlp);
        assertEquals(12, fastFirst.samples());
        assertEquals(237 + 365, fastFirst.latencyCycles());
        assertEquals(1.0 / 365, fastFirst.samplesPerCycle(), 1e-15);
        assertEquals(237 + 12 * 365, fastFirst.endCycle(), "the second layer never idles once the first sample is in");
        InferenceTiming slowFirst = InferenceTimeline.time(CHIP, tiles, List.of(layer(255), layer(127)), mlp);
        assertEquals(365 + 237, slowFirst.latencyCycles());
        assertEquals(1.0 / 365, slowFirst.samplesPerCycle(), 1e-15);
        assertEquals(12 * 365 + 237, slowFirst.endCycle());
    }

    /** A layer waits for the layer before it: one sample through both takes their sum, nothing overlaps. */
    @Test
    void oneSampleThroughTwoLayersTakesTheirSum() {
        InferenceTiming t = InferenceTimeline.time(CHIP, List.of(tile(0, 0), tile(1, 1)),
                List.of(layer(255), layer(255)), calls(0, 1, 1, 1));
        assertEquals(1, t.samples());
        assertEquals(2 * 365, t.latencyCycles());
        assertEquals(1.0 / (2 * 365), t.samplesPerCycle(), 1e-15);
    }

    /**
     * A layer over two tiles (16 inputs on two 8-row tiles) whose ADCs form one bank: both integrate
     * together, then convert one after the other, so the first sample takes one conversion more, 10
     * cycles. After it the second tile runs 10 cycles behind the first and the bank is free whenever each
     * needs it: the rate stays one sample per 365 cycles.
     */
    @Test
    void anAdcBankSharedByTwoTilesAddsOneConversionToTheLatency() {
        List<InferenceTimeline.TileShape> tiles = List.of(tile(0, 0), tile(1, 0));
        InferenceTiming own = InferenceTimeline.time(CHIP, tiles, List.of(layer(255)), calls(0, 6));
        ChipConfig banked = CHIP.withShared(new SharedHardware(0, 1, 0, 1, SharedHardware.Overflow.QUEUE, 2));
        InferenceTiming shared = InferenceTimeline.time(banked, tiles, List.of(layer(255)), calls(0, 6));
        assertEquals(365, own.latencyCycles());
        assertEquals(365 + CONVERT, shared.latencyCycles());
        assertEquals(1.0 / 365, shared.samplesPerCycle(), 1e-15);
        assertEquals(1, shared.resources().size());
        ResourceUsage bank = shared.resources().get(0);
        assertEquals(ResourceKind.ADC_BANK, bank.kind());
        assertEquals(List.of(0, 1), bank.tiles());
        assertEquals(12, bank.requests(), "two conversions a sample");
        assertEquals(1, bank.waited(), "only the first sample's second tile waits");
        assertEquals(CONVERT, bank.waitCycles());
        assertEquals(12 * CONVERT, bank.busyUnitCycles());
    }

    /**
     * Two tiles of different layers sharing a link of one bit a cycle (80 cycles for 8 codes): the first
     * layer's sums go first; the second layer's wait for the link only if it is busy.
     */
    @Test
    void aSharedLinkCarriesOneTilesSumsAtATime() {
        ChipConfig chip = CHIP.withShared(SharedHardware.NONE.withDataPath(new SharedHardware.DataPath(1, 2, 0)));
        List<InferenceTimeline.TileShape> tiles = List.of(tile(0, 0), tile(1, 0));
        InferenceTiming t = InferenceTimeline.time(chip, tiles, List.of(layer(255)), calls(0, 1));
        // Both tiles finish converting at 365; tile 0's sums take the link 365-445, tile 1's 445-525.
        assertEquals(365 + 2 * 80, t.latencyCycles());
        ResourceUsage link = t.resources().get(0);
        assertEquals(ResourceKind.LINK, link.kind());
        assertEquals(80, link.maxWaitCycles());
    }

    /**
     * When a call has a different number of rows than the one before, each of its rows waits for the
     * whole call before (a barrier): here one row of layer 1 after two of layer 0, at 2 x 365 + 365.
     */
    @Test
    void aCallOfAnotherBatchSizeWaitsForTheWholeCallBefore() {
        InferenceTiming t = InferenceTimeline.time(CHIP, List.of(tile(0, 0), tile(1, 1)),
                List.of(layer(255), layer(255)), calls(0, 2, 1, 1));
        assertEquals(2, t.samples());
        assertEquals(3 * 365, t.latencyCycles());
        assertEquals(3 * 365, t.endCycle());
        assertEquals(2.0 / (3 * 365), t.samplesPerCycle(), 1e-15);
    }

    @Test
    void nothingCalledIsNothingTimed() {
        assertEquals(InferenceTiming.NONE, InferenceTimeline.time(CHIP, List.of(tile(0, 0)), List.of(layer(255)),
                new MultiplyCalls()));
    }

    @Test
    void aMultiplyOfALayerNoTileServesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InferenceTimeline.time(CHIP, List.of(tile(0, 0)),
                List.of(layer(255), layer(255)), calls(0, 1, 1, 1)));
    }

    /**
     * A convolution-like first layer doing 4 multiplies a sample (its output positions, consecutive rows
     * of a call), then a layer doing one: a sample takes 4 x 365 + 365 cycles, and the stream runs at the
     * first layer's 4 x 365 a sample. Samples are counted per sample, not per row.
     */
    @Test
    void aLayerOfSeveralMultipliesASampleWorksThroughThemOneAfterAnother() {
        List<InferenceTimeline.LayerShape> layers = List.of(new InferenceTimeline.LayerShape(8, 255, 4), layer(255));
        InferenceTiming t = InferenceTimeline.time(CHIP, List.of(tile(0, 0), tile(1, 1)), layers,
                calls(0, 4 * 6, 1, 6));
        assertEquals(6, t.samples());
        assertEquals(5 * 365, t.latencyCycles());
        assertEquals(1.0 / (4 * 365), t.samplesPerCycle(), 1e-15);
        ChipConfig banked = CHIP.withShared(new SharedHardware(0, 1, 0, 1, SharedHardware.Overflow.QUEUE, 2));
        InferenceTiming shared = InferenceTimeline.time(banked, List.of(tile(0, 0), tile(1, 1)), layers,
                calls(0, 4 * 6, 1, 6));
        // Tile 1 takes sample 0 when tile 0 starts sample 1, so their first conversions fall in the same
        // cycle: tile 1 asked first (its sample was handed on before tile 0 moved on) and tile 0 waits.
        assertEquals(5 * 365, shared.latencyCycles());
        assertEquals(4 * 6 + 6, shared.resources().get(0).requests(), "a conversion per multiply");
        InferenceTiming rows = InferenceTimeline.time(CHIP, List.of(tile(0, 0), tile(1, 1)), layers,
                calls(0, 5, 1, 5));
        assertEquals(5, rows.samples(), "a call of whole samples it is not: each row its own");
    }

    @Test
    void callsStartPassesWhenTheLayersGoBack() {
        MultiplyCalls c = calls(0, 3, 1, 3, 2, 3, 0, 2, 2, 2, 2, 1);
        assertEquals(6, c.size());
        assertEquals(List.of(true, false, false, true, false, true),
                java.util.stream.IntStream.range(0, 6).mapToObj(c::startsPass).toList());
        assertThrows(IllegalArgumentException.class, () -> c.add(0, 0));
        assertThrows(IllegalArgumentException.class, () -> c.add(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new InferenceTimeline.LayerShape(8, 1, 0));
    }
}
