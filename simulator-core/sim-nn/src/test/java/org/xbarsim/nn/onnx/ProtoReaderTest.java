package org.xbarsim.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The wire format, from its specification's examples and its failure cases. */
class ProtoReaderTest {
    static byte[] bytes(int... b) {
        byte[] a = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = (byte) b[i];
        }
        return a;
    }

    @Test
    void readsTheSpecificationsExamples() {
        // protobuf.dev encoding: field 1 varint 150 is 08 96 01; field 2 string "testing" is 12 07 74 65 73 74 69 6e 67.
        ProtoReader r = new ProtoReader(bytes(0x08, 0x96, 0x01, 0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'));
        assertTrue(r.more());
        assertEquals(1, r.field());
        assertEquals(ProtoReader.VARINT, r.wireType());
        assertEquals(150, r.integer());
        assertEquals(2, r.field());
        assertEquals("testing", r.string());
        assertFalse(r.more());
        // fixed32 (wire 5) and fixed64 (wire 1), little-endian; a float; a skipped field of each type.
        ProtoReader f = new ProtoReader(bytes(0x0d, 0, 0, 0x80, 0x3f, 0x11, 1, 0, 0, 0, 0, 0, 0, 0x80,
                0x18, 0x05, 0x25, 1, 2, 3, 4, 0x29, 1, 2, 3, 4, 5, 6, 7, 8, 0x32, 0x01, 0x00, 0x38, 0x01));
        assertEquals(1, f.field());
        assertEquals(1.0f, f.float32());
        assertEquals(2, f.field());
        assertEquals(0x8000000000000001L, f.integer());
        for (int field = 3; field <= 6; field++) {
            assertEquals(field, f.field());
            f.skip();
        }
        assertEquals(7, f.field());
        assertEquals(1, f.integer());
        assertFalse(f.more());
        // negative int64 as a 10-byte varint (-1)
        ProtoReader n = new ProtoReader(bytes(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01));
        n.field();
        assertEquals(-1, n.integer());
        ProtoReader fixed = new ProtoReader(bytes(0x0d, 0xff, 0xff, 0xff, 0xff));
        fixed.field();
        assertEquals(0xffffffffL, fixed.integer());
    }

    @Test
    void readsPackedAndUnpackedRepeatedIntegers() {
        ProtoReader.LongList out = new ProtoReader.LongList();
        ProtoReader r = new ProtoReader(bytes(0x0a, 0x03, 0x01, 0x96, 0x01, 0x08, 0x07));
        r.field();
        r.longs(out, 10);
        r.field();
        r.longs(out, 10);
        assertArrayEquals(new long[] {1, 150, 7}, out.toArray());
        ProtoReader.LongList capped = new ProtoReader.LongList();
        ProtoReader many = new ProtoReader(bytes(0x0a, 0x03, 0x01, 0x02, 0x03));
        many.field();
        assertThrows(IllegalArgumentException.class, () -> many.longs(capped, 2));
        ProtoReader.LongList grows = new ProtoReader.LongList();
        for (int i = 0; i < 20; i++) {
            grows.add(i, 100);
        }
        assertEquals(19, grows.toArray()[19]);
    }

    @Test
    void refusesDamage() {
        assertEquals("expected a varint at byte 1, the data ends (truncated file)", message(() -> {
            ProtoReader r = new ProtoReader(bytes(0x08));
            r.field();
            r.integer();
        }));
        assertTrue(message(() -> new ProtoReader(bytes(0x0b)).field()).startsWith("expected protobuf wire type 0, 1, 2 or 5, got 3"));
        assertTrue(message(() -> new ProtoReader(bytes(0x0c)).field()).startsWith("expected protobuf wire type 0, 1, 2 or 5, got 4"));
        assertTrue(message(() -> new ProtoReader(bytes(0x00)).field()).startsWith("expected a protobuf field number of 1 or more, got 0"));
        assertEquals("expected a varint of at most 10 bytes, got a longer one at byte 10", message(() ->
                new ProtoReader(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)).varint()));
        assertEquals("expected 7 bytes at byte 2, only 2 left (truncated or damaged file)", message(() -> {
            ProtoReader r = new ProtoReader(bytes(0x12, 0x07, 'a', 'b'));
            r.field();
            r.string();
        }));
        assertEquals("expected a fixed32 at byte 1, the data ends (truncated file)", message(() -> {
            ProtoReader r = new ProtoReader(bytes(0x0d, 1, 2));
            r.field();
            r.float32();
        }));
        assertEquals("expected a float (wire type 5), got wire type 0 at byte 1", message(() -> {
            ProtoReader r = new ProtoReader(bytes(0x08, 0x01));
            r.field();
            r.float32();
        }));
        assertEquals("expected an integer field, got wire type 2 at byte 1", message(() -> {
            ProtoReader r = new ProtoReader(bytes(0x0a, 0x00));
            r.field();
            r.integer();
        }));
        assertEquals("expected UTF-8 text at byte 2, got invalid bytes", message(() -> {
            ProtoReader r = new ProtoReader(bytes(0x0a, 0x01, 0xff));
            r.field();
            r.string();
        }));
        assertEquals("expected a fixed64 at byte 1, the data ends (truncated file)", message(() -> {
            ProtoReader r = new ProtoReader(bytes(0x09, 1, 2, 3, 4, 5, 6, 7));
            r.field();
            r.skip();
        }));
    }

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
