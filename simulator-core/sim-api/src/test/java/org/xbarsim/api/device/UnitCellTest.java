package org.xbarsim.api.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The three unit cells: how their devices make a weight, its noise and its range, and which lines a policy pulses. */
class UnitCellTest {
    /** Two cells of each kind side by side: plane = 2 devices per line; cell 1 is at index 1 of each plane. */
    private static final double[] G = {9, 7, 5, 4, 3, 2.5, 1, 0.25};

    @Test
    void twoPairsCombineAsFTimesTheMspPairPlusTheLspPair() {
        UnitCell cell = UnitCell.twoPairs(3);
        // Lines GP, GM, LP, LM of cell 1: G[1], G[3], G[5], G[7].
        assertEquals(3 * (7 - 4) + (2.5 - 0.25), cell.weight(G, 2, 1), 1e-12);
        assertEquals(9 * (7 + 4) + 2.5 + 0.25, cell.variance(G, 2, 1), 1e-12);
        assertEquals(45, cell.weightRange(15), 1e-12);
        assertEquals(4, cell.devices());
        assertEquals(0, cell.referenceMicroSiemens());
        assertEquals(3, cell.gain(0));
        assertEquals(3, cell.gain(1));
        assertEquals(1, cell.gain(2));
        assertEquals(1, cell.gain(3));
        assertEquals(0, cell.coarseUp());
        assertEquals(1, cell.coarseDown());
        assertEquals(2, cell.fineUp());
        assertEquals(3, cell.fineDown());
        assertTrue(cell.bidirectional());
    }

    @Test
    void aPairIsTheDifferenceOfItsTwoDevicesWithBothPhasesOnThem() {
        UnitCell cell = UnitCell.pair();
        assertEquals(7 - 4, cell.weight(G, 2, 1), 1e-12);
        assertEquals(7 + 4, cell.variance(G, 2, 1), 1e-12);
        assertEquals(15, cell.weightRange(15), 1e-12);
        assertEquals(1, cell.significanceF(), "F has no meaning on a single pair");
        assertEquals(1, cell.gain(0));
        assertEquals(0, cell.fineUp());
        assertEquals(1, cell.fineDown());
        assertTrue(cell.bidirectional());
        assertEquals(new UnitCell(2, 1, 0), new UnitCell(2, 3, 12), "F and the reference are normalised away");
    }

    @Test
    void aSingleDeviceIsReadAgainstTheReferenceAndCannotLowerItsWeight() {
        UnitCell cell = UnitCell.single(12.5);
        assertEquals(7 - 12.5, cell.weight(G, 2, 1), 1e-12);
        assertEquals(7, cell.variance(G, 2, 1), 1e-12, "the reference column is exact: only the device is noisy");
        assertEquals(15, cell.weightRange(15), 1e-12);
        assertFalse(cell.bidirectional());
        assertEquals(UnitCell.NONE, cell.coarseDown());
        assertEquals(UnitCell.NONE, cell.fineDown());
        assertEquals(0, cell.coarseUp());
        assertEquals(0, cell.fineUp());
        assertEquals(1, cell.sign(0));
        assertEquals(-1, UnitCell.twoPairs(3).sign(3));
    }

    @Test
    void onlyOneTwoOrFourDevices() {
        for (int d : new int[] {0, 3, 5, 8}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UnitCell(d, 3, 0));
            assertTrue(e.getMessage().contains("1, 2 or 4"), e.getMessage());
        }
    }
}
