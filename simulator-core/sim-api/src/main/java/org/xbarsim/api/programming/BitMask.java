package org.xbarsim.api.programming;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A little-endian bit set over bytes, the format of the masks in {@link org.xbarsim.api.event.RowOp}
 * and {@link org.xbarsim.api.event.RowResult}: bit i is bit (i % 8) of byte (i / 8).
 */
public final class BitMask {
    private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final byte[] bytes;
    private final int bits;

    public BitMask(int bits) {
        this.bits = bits;
        this.bytes = new byte[(bits + 7) >>> 3];
    }

    public int bits() {
        return bits;
    }

    public BitMask set(int i) {
        bytes[i >>> 3] |= (byte) (1 << (i & 7));
        return this;
    }

    public BitMask setRange(int from, int to) {
        for (int i = from; i < to; i++) {
            set(i);
        }
        return this;
    }

    public boolean get(int i) {
        return (bytes[i >>> 3] & (1 << (i & 7))) != 0;
    }

    public boolean isEmpty() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    public void clear() {
        Arrays.fill(bytes, (byte) 0);
    }

    /** A copy, wrapped: events are immutable once sent. */
    public ByteBuffer toBuffer() {
        return ByteBuffer.wrap(bytes.clone());
    }

    /**
     * A copy to send many times: a policy whose read mask stays the same over a phase takes one
     * snapshot and passes it with each operation ({@link RowOps} duplicates the buffer, not the bytes).
     * Events are never modified once sent, so sharing the bytes is safe.
     */
    public ByteBuffer snapshot() {
        return toBuffer();
    }

    /** Whether bit i is set in a mask buffer (absolute indexing, position ignored). */
    public static boolean get(ByteBuffer mask, int i) {
        int index = i >>> 3;
        return index < mask.limit() && (mask.get(index) & (1 << (i & 7))) != 0;
    }

    /**
     * Writes the indices of the set bits in [from, to) of {@code mask}, minus {@code from}, into
     * {@code out}; returns how many.
     */
    public static int indices(ByteBuffer mask, int from, int to, int[] out) {
        int limitBits = mask.limit() << 3;
        int end = Math.min(to, limitBits);
        if (from >= end) {
            return 0;
        }
        if (!mask.hasArray()) {
            int n = 0;
            for (int i = from; i < end; i++) {
                if ((mask.get(i >>> 3) & (1 << (i & 7))) != 0) {
                    out[n++] = i - from;
                }
            }
            return n;
        }
        // 64 bits at a time over the backing array (little-endian words: bit i of the mask is bit i of
        // the word its byte starts), set bits found with numberOfTrailingZeros, a full word written
        // without bit tests. Masks are often sparse (the columns still active late in a phase) or
        // full (a read of the whole row); a byte at a time was 13% of a run's samples.
        byte[] bytes = mask.array();
        int offset = mask.arrayOffset();
        int limitBytes = mask.limit();
        int n = 0;
        int i = from;
        while (i < end) {
            int byteIndex = i >>> 3;
            int shift = i & 7;
            long word = limitBytes - byteIndex >= Long.BYTES ? (long) LONG_LE.get(bytes, offset + byteIndex)
                    : tail(bytes, offset + byteIndex, limitBytes - byteIndex);
            word >>>= shift;
            int span = Math.min(64 - shift, end - i);
            if (span < 64) {
                word &= (1L << span) - 1;
            }
            int base = i - from;
            if (word == -1L) {
                for (int k = 0; k < 64; k++) {
                    out[n + k] = base + k;
                }
                n += 64;
            } else {
                while (word != 0) {
                    out[n++] = base + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                }
            }
            i += span;
        }
        return n;
    }

    /** The last {@code count} (< 8) bytes of a mask as the low bytes of a little-endian word. */
    private static long tail(byte[] bytes, int at, int count) {
        long word = 0;
        for (int k = 0; k < count; k++) {
            word |= (bytes[at + k] & 0xffL) << (8 * k);
        }
        return word;
    }

    public static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
}
