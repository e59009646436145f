package org.xbarsim.engine.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.RowDemand;
import org.xbarsim.engine.hw.SharedHardware;

/**
 * The timeline against hand calculations. The chip: 1 GHz, SET 200 cycles, RESET 50 cycles a line,
 * integration 100 cycles, a 10-bit ADC at one cycle a bit (10 cycles a conversion).
 */
class ChipTimelineTest {
    private static final ChipConfig CHIP = new ChipConfig(1e9, 8, 8, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1, 1,
            0.1);

    /** "tile/row: start-end wait w" for each row in the order the timeline ended them. */
    private final List<String> ended = new ArrayList<>();

    private ChipTimeline timeline(SharedHardware shared, int... rowsPerTile) {
        List<ChipTimeline.TimedTile> tiles = new ArrayList<>();
        for (int t = 0; t < rowsPerTile.length; t++) {
            tiles.add(new ChipTimeline.TimedTile(t, t < 2 ? 0 : 1, rowsPerTile[t]));
        }
        return new ChipTimeline(CHIP.withShared(shared), tiles,
                (row, start, end, waited) -> ended.add(row.tile() + "/" + row.row() + ": " + start + "-" + end
                        + " wait " + waited));
    }

    private static int[] line(int gp, int gm, int lp, int lm) {
        return new int[] {gp, gm, lp, lm};
    }

    /** RESET of all four lines of 8 devices; a SET of 8 GP devices with a verify read; a read alone. */
    private static RowDemand typical(int tile, int row) {
        RowDemand d = new RowDemand(tile, row, 1);
        d.pulse(OpKind.RESET, line(8, 8, 8, 8), 50);
        d.pulse(OpKind.SET, line(8, 0, 0, 0), 200);
        d.verify(1);
        d.read();
        d.verify(1);
        return d;
    }

    /** 4 x 50 + (200 + 100 + 10) + (100 + 10) cycles. */
    private static final long TYPICAL = 4 * 50 + 310 + 110;

    private static void feed(ChipTimeline t, int tiles, int rows) {
        for (int tile = 0; tile < tiles; tile++) {
            for (int row = 0; row < rows; row++) {
                t.offer(typical(tile, row));
            }
        }
    }

    @Test
    void tilesThatShareNothingTakeTheSumOfTheirOperationsEachOnItsOwn() {
        ChipTimeline t = timeline(SharedHardware.NONE, 2, 3);
        feed(t, 1, 2);
        for (int row = 0; row < 3; row++) {
            RowDemand d = new RowDemand(1, row, 1);
            d.pulse(OpKind.SET, line(1, 1, 0, 0), 200);
            t.offer(d);
        }
        assertTrue(t.advance());
        TimelineResult r = t.result();
        assertArrayEquals(new long[] {2 * TYPICAL, 3 * 200}, r.tileEnds());
        assertEquals(2 * TYPICAL, r.endCycle());
        // Tiles 0 and 1 are layer 0 (see timeline()): the layer ends with its last row.
        assertArrayEquals(new long[] {2 * TYPICAL}, r.layerEnds());
        assertTrue(r.resources().isEmpty(), "nothing shared, nothing limited: no resource in play");
        // Two events a row (its start and its end) when nothing is shared.
        assertEquals(2 * 5, r.events());
        assertEquals(List.of("1/0: 0-200 wait 0", "1/1: 200-400 wait 0", "1/2: 400-600 wait 0", "0/0: 0-620 wait 0",
                "0/1: 620-1240 wait 0"), ended);
    }

    @Test
    void theTimelineWaitsForARowStillBeingComputedAndEndsTheSameWhateverTheOrderOfArrival() {
        SharedHardware busy = new SharedHardware(7, 2, 10, 2, SharedHardware.Overflow.SPLIT, 2);
        ChipTimeline inOrder = timeline(busy, 4, 4, 4);
        feed(inOrder, 3, 4);
        assertTrue(inOrder.advance());
        List<String> reference = new ArrayList<>(ended);
        TimelineResult expected = inOrder.result();

        ended.clear();
        ChipTimeline shuffled = timeline(busy, 4, 4, 4);
        List<RowDemand> rows = new ArrayList<>();
        for (int tile = 0; tile < 3; tile++) {
            for (int row = 0; row < 4; row++) {
                rows.add(typical(tile, row));
            }
        }
        Collections.shuffle(rows, new Random(3));
        for (RowDemand d : rows) {
            // Time what can be timed before each arrival, as a run does while rows are still computed.
            assertFalse(shuffled.advance());
            shuffled.offer(d);
        }
        assertTrue(shuffled.advance());
        assertEquals(reference, ended);
        assertEquals(expected.endCycle(), shuffled.result().endCycle());
        assertEquals(expected.events(), shuffled.result().events());
        assertEquals(expected.resources(), shuffled.result().resources());
        assertTrue(shuffled.result().mostBufferedRows() >= 1);
    }

    @Test
    void aTimelineThatHasNotFinishedHasNoResult() {
        ChipTimeline t = timeline(SharedHardware.NONE, 2);
        t.offer(typical(0, 1));
        assertFalse(t.advance(), "row 0 has not arrived: nothing can happen");
        assertEquals(0, t.now());
        assertThrows(IllegalStateException.class, t::result);
        assertThrows(IllegalArgumentException.class, () -> t.offer(typical(0, 1)), "a row arrives once");
        assertThrows(IllegalArgumentException.class, () -> t.offer(typical(0, 2)), "the tile has two rows");
        assertThrows(IllegalArgumentException.class, () -> t.offer(typical(5, 0)), "no tile 5");
        t.offer(typical(0, 0));
        assertTrue(t.advance());
        assertEquals(2 * TYPICAL, t.now());
    }

    @Test
    void aSupplyForHalfARowsDevicesPulsesEachFullRowOperationTwice() {
        // 8 devices a line, a budget of 4: the RESET's four lines and the SET each run as two
        // sub-pulses; the read does not draw on the supply. Hand calculation: 4 x 2 x 50 + 2 x 200
        // + 110 + 110 = 1020 cycles instead of 520.
        SharedHardware half = new SharedHardware(0, 1, 4, 1, SharedHardware.Overflow.QUEUE, 1);
        ChipTimeline t = timeline(half, 1);
        t.offer(typical(0, 0));
        assertTrue(t.advance());
        TimelineResult r = t.result();
        assertEquals(4 * 2 * 50 + 2 * 200 + 110 + 110, r.endCycle());
        assertEquals(TYPICAL + 4 * 50 + 200, r.endCycle());
        ResourceUsage supply = r.resources().get(0);
        assertEquals("chip.supply0", supply.name());
        assertEquals(0, supply.waitCycles(), "alone on its supply: splits, never waits");
        // 32 devices x 50 cycles of RESET and 8 x 200 of SET, out of 4 devices x 1020 cycles.
        assertEquals(32 * 50 + 8 * 200, supply.busyUnitCycles());
        assertEquals((32 * 50 + 8 * 200) / (4.0 * 1020), supply.utilisation(), 1e-15);
        ChipTimeline split = timeline(half.withOverflow(SharedHardware.Overflow.SPLIT), 1);
        split.offer(typical(0, 0));
        assertTrue(split.advance());
        assertEquals(r.endCycle(), split.result().endCycle(), "alone, split and queue are the same");
    }

    /**
     * Tile 0 RESETs 8 devices on each line (4 x 50 cycles); tile 1 SETs 4 devices (200 cycles). They
     * share a supply of 10 devices and both start at 0.
     */
    private TimelineResult contended(SharedHardware.Overflow overflow) {
        ChipTimeline t = timeline(new SharedHardware(0, 1, 10, 2, overflow, 1), 1, 1);
        RowDemand reset = new RowDemand(0, 0, 1);
        reset.pulse(OpKind.RESET, line(8, 8, 8, 8), 50);
        RowDemand set = new RowDemand(1, 0, 1);
        set.pulse(OpKind.SET, line(4, 0, 0, 0), 200);
        t.offer(reset);
        t.offer(set);
        assertTrue(t.advance());
        return t.result();
    }

    @Test
    void onASharedSupplyQueueWaitsForTheWholePulseAndSplitPulsesWhatFits() {
        // queue: tile 0's first line takes 8 of 10 at 0; tile 1's 4 wait until that line ends at 50,
        // when it takes them (50-250); tile 0's next line then finds 6 free and waits for 8 until
        // 250, and its lines run 250-300, 300-350, 350-400.
        TimelineResult queue = contended(SharedHardware.Overflow.QUEUE);
        assertArrayEquals(new long[] {400, 250}, queue.tileEnds());
        ResourceUsage q = queue.resources().get(0);
        assertEquals(2, q.waited());
        assertEquals(50 + 200, q.waitCycles());
        // split: tile 1 starts at 0 with the 2 devices free (0-200) and pulses its other 2 at 200-400;
        // tile 0 always finds its 8 free: its lines run 0-50, 50-100, 100-150, 150-200.
        TimelineResult split = contended(SharedHardware.Overflow.SPLIT);
        assertArrayEquals(new long[] {200, 400}, split.tileEnds());
        assertEquals(0, split.resources().get(0).waited());
        assertEquals(400, split.endCycle());
    }

    @Test
    void anAdcBankSharedByTwoTilesDelaysTheSecondByOneConversion() {
        // Two identical rows start together. Their reads' conversions (10 cycles) collide at the first
        // read: tile 1 waits 10 cycles for tile 0's; from then on it runs 10 cycles behind, and its
        // conversions begin exactly as tile 0's end (a release comes before a request in a cycle).
        ChipTimeline t = timeline(new SharedHardware(0, 1, 0, 1, SharedHardware.Overflow.QUEUE, 2), 2, 2);
        feed(t, 2, 2);
        assertTrue(t.advance());
        TimelineResult r = t.result();
        assertArrayEquals(new long[] {2 * TYPICAL, 2 * TYPICAL + 10}, r.tileEnds());
        ResourceUsage bank = r.resources().get(0);
        assertEquals("chip.adcBank0", bank.name());
        assertEquals(ResourceKind.ADC_BANK, bank.kind());
        assertEquals(8, bank.requests(), "two reads a row, two rows, two tiles");
        assertEquals(1, bank.waited());
        assertEquals(10, bank.waitCycles());
        assertEquals(8 * 10, bank.busyUnitCycles());
        assertTrue(ended.contains("1/0: 0-630 wait 10"), ended.toString());
        assertTrue(ended.contains("1/1: 630-1250 wait 0"), ended.toString());
    }

    @Test
    void aControllerServingTwoTilesTakesTheirDecisionsOneAtATime() {
        // One SET (200 cycles, no read) a row; every decision takes 10 cycles. Tile 0: decide 0-10,
        // pulse 10-210, decide 210-220. Tile 1 waits for the controller: decide 10-20, pulse 20-220,
        // decide 220-230 (tile 0's decision frees it at 220).
        ChipTimeline t = timeline(new SharedHardware(10, 2, 0, 1, SharedHardware.Overflow.QUEUE, 1), 1, 1);
        for (int tile = 0; tile < 2; tile++) {
            RowDemand d = new RowDemand(tile, 0, 1);
            d.pulse(OpKind.SET, line(2, 0, 0, 0), 200);
            t.offer(d);
        }
        assertTrue(t.advance());
        TimelineResult r = t.result();
        assertArrayEquals(new long[] {220, 230}, r.tileEnds());
        ResourceUsage c = r.resources().get(0);
        assertEquals("chip.controller0", c.name());
        assertEquals(4, c.requests());
        assertEquals(1, c.waited());
        assertEquals(10, c.waitCycles());
        assertEquals(40, c.busyUnitCycles());
        assertEquals(40 / 230.0, c.utilisation(), 1e-15);
    }

    @Test
    void aControllerOfItsOwnAddsItsLatencyToEveryDecision() {
        // Three operations: four decisions of 10 cycles each.
        ChipTimeline t = timeline(new SharedHardware(10, 1, 0, 1, SharedHardware.Overflow.QUEUE, 1), 1);
        t.offer(typical(0, 0));
        assertTrue(t.advance());
        assertEquals(TYPICAL + 4 * 10, t.result().endCycle());
        assertEquals(0, t.result().resources().get(0).waited());
        assertEquals(4, t.result().resources().get(0).requests());
    }

    @Test
    void sharingWithoutCostChangesNothing() {
        // Tiles grouped but decisions instant, supply unlimited: only the shared ADC bank is in play.
        ChipTimeline t = timeline(new SharedHardware(0, 4, 0, 4, SharedHardware.Overflow.QUEUE, 1), 1, 1, 1);
        feed(t, 3, 1);
        assertTrue(t.advance());
        assertArrayEquals(new long[] {TYPICAL, TYPICAL, TYPICAL}, t.result().tileEnds());
        assertTrue(t.result().resources().isEmpty());
    }

    @Test
    void aRowWithoutOperationsEndsAtItsStartAndATileWithoutRowsAtZero() {
        ChipTimeline t = timeline(SharedHardware.NONE, 1, 0);
        t.offer(new RowDemand(0, 0, 1));
        assertTrue(t.advance());
        assertArrayEquals(new long[] {0, 0}, t.result().tileEnds());
        assertEquals(List.of("0/0: 0-0 wait 0"), ended);
    }
}
