package org.xbarsim.api.programming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BitMaskTest {
    @Test
    void indicesListTheSetBitsOfARangeRelativeToItsStart() {
        BitMask m = new BitMask(4 * 20);
        m.set(3).set(20).set(21).set(39).set(60).setRange(70, 80);
        int[] out = new int[20];
        assertEquals(1, BitMask.indices(m.toBuffer(), 0, 20, out));
        assertEquals(3, out[0]);
        int n = BitMask.indices(m.toBuffer(), 20, 40, out);
        assertArrayEquals(new int[] {0, 1, 19}, Arrays.copyOf(out, n));
        n = BitMask.indices(m.toBuffer(), 60, 80, out);
        assertArrayEquals(new int[] {0, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, Arrays.copyOf(out, n));
        assertTrue(BitMask.get(m.toBuffer(), 39));
        assertEquals(0, BitMask.indices(BitMask.EMPTY, 0, 20, out));
    }
}
