package org.xbarsim.nn.onnx;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A reader of the protobuf wire format over a byte range (protobuf.dev/programming-guides/encoding):
 * fields are (tag varint, value) with wire types 0 varint, 1 fixed64, 2 length-delimited, 5
 * fixed32; groups (3, 4) are long deprecated and refused. Every length is checked against what is
 * left, so a damaged file ends in an {@link IllegalArgumentException}, never in a read past the
 * end or an allocation larger than the file.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private int pos;
    private final int end;
    private int wireType;

    ProtoReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    ProtoReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.pos = from;
        this.end = to;
    }

    /** Whether fields remain. */
    boolean more() {
        return pos < end;
    }

    /** Reads the next tag; returns its field number and keeps its wire type for the value. */
    int field() {
        long tag = varint();
        int number = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (number < 1 || tag >>> 3 > 0x1fffffff) {
            throw new IllegalArgumentException("expected a protobuf field number of 1 or more, got " + (tag >>> 3)
                    + " at byte " + pos);
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw new IllegalArgumentException("expected protobuf wire type 0, 1, 2 or 5, got " + wireType
                    + " (field " + number + ") at byte " + pos);
        }
        return number;
    }

    int wireType() {
        return wireType;
    }

    /** A varint of at most 10 bytes. */
    long varint() {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= end) {
                throw truncated("a varint");
            }
            byte b = bytes[pos++];
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("expected a varint of at most 10 bytes, got a longer one at byte " + pos);
    }

    /** The current field's value as an integer: a varint, or fixed width. */
    long integer() {
        return switch (wireType) {
            case VARINT -> varint();
            case FIXED32 -> fixed32() & 0xffffffffL;
            case FIXED64 -> fixed64();
            default -> throw new IllegalArgumentException("expected an integer field, got wire type " + wireType
                    + " at byte " + pos);
        };
    }

    int fixed32() {
        need(4, "a fixed32");
        int v = (bytes[pos] & 0xff) | (bytes[pos + 1] & 0xff) << 8 | (bytes[pos + 2] & 0xff) << 16
                | (bytes[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    long fixed64() {
        need(8, "a fixed64");
        long lo = fixed32() & 0xffffffffL;
        long hi = fixed32() & 0xffffffffL;
        return lo | hi << 32;
    }

    /** The current field's value as a float (wire type 5). */
    float float32() {
        expect(FIXED32, "a float");
        return Float.intBitsToFloat(fixed32());
    }

    /** A length-delimited value as a reader of its bytes. */
    ProtoReader message() {
        int[] range = range();
        return new ProtoReader(bytes, range[0], range[1]);
    }

    /** A length-delimited value as strict UTF-8 text. */
    String string() {
        int[] range = range();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, range[0], range[1] - range[0])).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("expected UTF-8 text at byte " + range[0] + ", got invalid bytes");
        }
    }

    /** A length-delimited value's [from, to) in the underlying array (no copy). */
    int[] range() {
        expect(LENGTH_DELIMITED, "a length-delimited value");
        long length = varint();
        if (length > end - pos) {
            throw new IllegalArgumentException("expected " + length + " bytes at byte " + pos + ", only " + (end - pos)
                    + " left (truncated or damaged file)");
        }
        int from = pos;
        pos += (int) length;
        return new int[] {from, pos};
    }

    /** The unread rest of this reader's range, which it then treats as read. */
    int[] rest() {
        int[] range = {pos, end};
        pos = end;
        return range;
    }

    byte[] array() {
        return bytes;
    }

    /** Skips the current field's value. */
    void skip() {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> fixed64();
            case FIXED32 -> fixed32();
            default -> range();
        }
    }

    /**
     * Repeated int64 (or int32) values of the current field, packed or one per tag: adds the values
     * to {@code out} (at most {@code limit} in all).
     */
    void longs(LongList out, int limit) {
        if (wireType == LENGTH_DELIMITED) {
            ProtoReader packed = message();
            while (packed.more()) {
                out.add(packed.varint(), limit);
            }
        } else {
            out.add(integer(), limit);
        }
    }

    private void expect(int type, String what) {
        if (wireType != type) {
            throw new IllegalArgumentException("expected " + what + " (wire type " + type + "), got wire type "
                    + wireType + " at byte " + pos);
        }
    }

    private void need(int n, String what) {
        if (end - pos < n) {
            throw truncated(what);
        }
    }

    private IllegalArgumentException truncated(String what) {
        return new IllegalArgumentException("expected " + what + " at byte " + pos + ", the data ends (truncated file)");
    }

    /** A growable list of longs with a cap. */
    static final class LongList {
        private long[] values = new long[8];
        private int size;

        void add(long v, int limit) {
            if (size >= limit) {
                throw new IllegalArgumentException("expected at most " + limit + " values, got more");
            }
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
