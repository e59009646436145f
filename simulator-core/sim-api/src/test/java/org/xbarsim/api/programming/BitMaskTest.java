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

    @Test
    void indicesAgreeWithABitByBitReadingOfAnyMaskAndRange() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        int[] out = new int[700];
        for (int trial = 0; trial < 3000; trial++) {
            int bytes = 1 + r.nextInt(80);
            byte[] b = new byte[bytes];
            double density = r.nextDouble();
            for (int i = 0; i < 8 * bytes; i++) {
                if (r.nextDouble() < density) {
                    b[i >>> 3] |= (byte) (1 << (i & 7));
                }
            }
            // Sometimes whole bytes and words set, as full-row masks are.
            if (r.nextBoolean()) {
                java.util.Arrays.fill(b, 0, r.nextInt(bytes + 1), (byte) -1);
            }
            // A view into a larger array (arrayOffset), or the array itself.
            int pad = r.nextInt(3);
            byte[] backing = new byte[bytes + 2 * pad];
            System.arraycopy(b, 0, backing, pad, bytes);
            java.nio.ByteBuffer mask = pad == 0 ? java.nio.ByteBuffer.wrap(b)
                    : java.nio.ByteBuffer.wrap(backing, pad, bytes).slice();
            int from = r.nextInt(8 * bytes + 10);
            int to = from + r.nextInt(8 * bytes + 10);
            int n = BitMask.indices(mask, from, to, out);
            int expected = 0;
            for (int i = from; i < Math.min(to, 8 * bytes); i++) {
                if ((b[i >>> 3] & (1 << (i & 7))) != 0) {
                    assertEquals(i - from, out[expected++], "trial " + trial);
                }
            }
            assertEquals(expected, n, "trial " + trial);
            // The same through a buffer that is not array-backed.
            java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(bytes).put(b).flip();
            int[] other = new int[700];
            assertEquals(n, BitMask.indices(direct, from, to, other));
            assertArrayEquals(Arrays.copyOf(out, n), Arrays.copyOf(other, n));
        }
    }
}
