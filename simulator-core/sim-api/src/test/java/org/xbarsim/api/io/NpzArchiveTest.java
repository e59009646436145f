package org.xbarsim.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzArchiveTest {
    @TempDir
    Path dir;

    private Path npz(String... names) throws IOException {
        Path archive = dir.resolve("w.npz");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < names.length; i++) {
                Path npy = dir.resolve(names[i]);
                NpyArray.write(npy, new int[] {2, 2}, new double[] {i, i + 1, i + 2, i + 3});
                zip.putNextEntry(new ZipEntry(names[i]));
                zip.write(Files.readAllBytes(npy));
                zip.closeEntry();
            }
        }
        return archive;
    }

    @Test
    void readsEveryArrayByName() throws IOException {
        Map<String, NpyArray> arrays = NpzArchive.read(npz("layer0.weights.npy", "layer0.bias.npy"));
        assertEquals(2, arrays.size());
        assertArrayEquals(new double[] {0, 1, 2, 3}, arrays.get("layer0.weights").data());
        assertArrayEquals(new int[] {2, 2}, arrays.get("layer0.bias").shape());
    }

    @Test
    void refusesWhatIsNotAnArchiveOfArrays() throws IOException {
        Path notZip = dir.resolve("x.npz");
        Files.writeString(notZip, "hello");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpzArchive.read(notZip));
        assertTrue(e.getMessage().contains("npz"), e.getMessage());
        Path other = npz("readme.txt");
        e = assertThrows(IllegalArgumentException.class, () -> NpzArchive.read(other));
        assertTrue(e.getMessage().contains("readme.txt"), e.getMessage());
    }
}
