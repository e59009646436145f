package org.xbarsim.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyArrayTest {
    @TempDir
    Path dir;

    @Test
    void float64RoundTrips() throws IOException {
        Path f = dir.resolve("w.npy");
        double[] data = {1, -2.5, 3, 4, 5, 6};
        NpyArray.write(f, new int[] {2, 3}, data);
        NpyArray a = NpyArray.read(f);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(data, a.data());
    }

    @Test
    void fortranOrderAndBigEndianFloat32AreRead() {
        // Column-major 2x3 matrix [[1,2,3],[4,5,6]] stored as 1,4,2,5,3,6 in big-endian float32.
        byte[] bytes = npy("{'descr': '>f4', 'fortran_order': True, 'shape': (2, 3), }", ByteOrder.BIG_ENDIAN,
                new float[] {1, 4, 2, 5, 3, 6});
        NpyArray a = NpyArray.parse(bytes);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.data());
    }

    @Test
    void wrongDtypeAndTruncationAreRefusedWithAReason() {
        byte[] ints = npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", ByteOrder.LITTLE_ENDIAN,
                new float[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyArray.parse(ints));
        assertTrue(e.getMessage().contains("<i8"), e.getMessage());
        byte[] shortData = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", ByteOrder.LITTLE_ENDIAN,
                new float[] {1, 2});
        e = assertThrows(IllegalArgumentException.class, () -> NpyArray.parse(shortData));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyArray.parse("not numpy".getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] npy(String dict, ByteOrder order, float[] values) {
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * values.length);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    @Test
    void aHeaderKeyGivenTwiceIsRefusedNotReadAsEitherValue() {
        // Issue 10: a header with two 'descr' was read with the first where NumPy takes the last.
        for (String dict : new String[] {
            "{'descr': '<f8', 'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
            "{'descr': '<f8', 'fortran_order': False, 'fortran_order': True, 'shape': (2,), }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'shape': (4,), }"}) {
            String header = dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 32)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
            b.put(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> NpyArray.parse(b.array()), dict);
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("got it twice"), e.getMessage());
        }
    }
}
