package org.xbarsim.nn.net.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy entries byte for byte as NumPy 1.24 writes them (src/test/resources/torch/numpy_float32.npz). */
class NpzWriterTest {
    @TempDir
    Path dir;

    static Map<String, byte[]> entries(Path npz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(npz))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
                assertEquals(315532800000L, e.getLastModifiedTime().toMillis(), e.getName());
            }
        }
        return out;
    }

    @Test
    void writesWhatNumPyWrites() throws IOException {
        Map<String, byte[]> numpy = entries(Path.of("src/test/resources/torch/numpy_float32.npz"));
        ByteArrayOutputStream matrix = new ByteArrayOutputStream();
        NpzWriter.npy(matrix, new int[] {2, 3}, new float[] {0, 0.25f, 0.5f, 0.75f, 1, 1.25f});
        assertArrayEquals(numpy.get("matrix.npy"), matrix.toByteArray());
        ByteArrayOutputStream vector = new ByteArrayOutputStream();
        NpzWriter.npy(vector, new int[] {3}, new float[] {-1.5f, 0, 2.25f});
        assertArrayEquals(numpy.get("vector.npy"), vector.toByteArray());

        Map<String, Map.Entry<int[], float[]>> arrays = new LinkedHashMap<>();
        arrays.put("vector", new AbstractMap.SimpleImmutableEntry<>(new int[] {3}, new float[] {-1.5f, 0, 2.25f}));
        arrays.put("matrix", new AbstractMap.SimpleImmutableEntry<>(new int[] {2, 3},
                new float[] {0, 0.25f, 0.5f, 0.75f, 1, 1.25f}));
        Path mine = dir.resolve("mine.npz");
        NpzWriter.write(mine, arrays);
        Map<String, byte[]> written = entries(mine);
        assertEquals(java.util.List.of("vector.npy", "matrix.npy"), java.util.List.copyOf(written.keySet()));
        assertArrayEquals(numpy.get("matrix.npy"), written.get("matrix.npy"));
        assertArrayEquals(numpy.get("vector.npy"), written.get("vector.npy"));
    }
}
