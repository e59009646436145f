package org.xbarsim.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileUpToTheLimitIsReadAndOneByteMoreIsRefusedNamingFileSizeAndLimit() throws IOException {
        Path f = Files.write(dir.resolve("w.csv"), new byte[1024]);
        assertArrayEquals(new byte[1024], BoundedFiles.readAllBytes(f, 1024, "a CSV file"));
        InputError e = assertThrows(InputError.class, () -> BoundedFiles.readAllBytes(f, 1023, "a CSV file"));
        assertEquals(f + ": expected a CSV file of at most 1023 bytes (1023 bytes), got 1024 bytes; larger inputs "
                + "are refused before they exhaust memory", e.getMessage());
        e = assertThrows(InputError.class, () -> BoundedFiles.readAllBytes(
                Files.write(dir.resolve("big"), new byte[3 << 20]), 2 << 20, "a scenario"));
        assertTrue(e.getMessage().contains("at most 2 MiB (2097152 bytes), got 3145728 bytes"), e.getMessage());
    }

    @Test
    void aStreamLongerThanItsLimitIsStoppedWhileReading() throws IOException {
        // A source without a known size (a pipe, a device, a zip entry): endless zeros.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        InputStream limited = BoundedFiles.limit(endless, 10_000, "/dev/zero", "a weight file");
        InputError e = assertThrows(InputError.class, limited::readAllBytes);
        assertTrue(e.getMessage().startsWith("/dev/zero: expected a weight file of at most 10000 bytes"),
                e.getMessage());
        assertTrue(e.getMessage().contains("got more than that"), e.getMessage());
    }

    @Test
    void textIsDecodedStrictly() throws IOException {
        Path f = Files.write(dir.resolve("t.txt"), new byte[] {'a', (byte) 0xff, 'b'});
        assertThrows(CharacterCodingException.class,
                () -> BoundedFiles.readString(f, 100, "text", StandardCharsets.UTF_8));
        Path g = Files.writeString(dir.resolve("u.txt"), "\u00b5S");
        assertEquals("\u00b5S", BoundedFiles.readString(g, 100, "text", StandardCharsets.UTF_8));
    }

    @Test
    void aZipBombIsRefusedBeforeItIsInflated() throws IOException {
        // 64 MiB of zeros deflate to about 64 KB; the limit is 1 MiB.
        Path archive = dir.resolve("bomb.npz");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("layer0.weights.npy"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(archive) < (1 << 20), "the archive itself is under the limit");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpzArchive.read(archive, 1 << 20));
        assertTrue(e.getMessage().contains("at most 1048576 bytes") && e.getMessage().contains("layer0.weights.npy"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aNamedPipeIsRefusedBeforeItIsOpenedSoNothingWaitsOnIt() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assertions.assertTrue(mk.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)
                && mk.exitValue() == 0);
        InputError e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> org.junit.jupiter.api.Assertions.assertThrows(InputError.class,
                        () -> BoundedFiles.readAllBytes(fifo, 100, "a scenario")));
        org.junit.jupiter.api.Assertions.assertEquals(fifo + ": expected a scenario, got a named pipe, device or "
                + "socket (not a regular file)", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> BoundedFiles.readAllBytes(dir, 1 << 20, "a scenario"), "a directory fails as the open fails");
    }

    @Test
    void textIsReadOrRefusedInOneLineNamingTheFile(@TempDir Path d) throws IOException {
        Path f = Files.writeString(d.resolve("a.json"), "{\"k\": \"\u00e9\"}");
        assertEquals("{\"k\": \"\u00e9\"}", BoundedFiles.readText(f, 100, "a summary"));
        InputError missing = assertThrows(InputError.class, () -> BoundedFiles.readText(d.resolve("b.json"), 100,
                "a summary"));
        assertEquals(d.resolve("b.json") + ": expected a summary, found no such file", missing.getMessage());
        Files.write(f, new byte[] {'{', (byte) 0xff, '}'});
        InputError latin = assertThrows(InputError.class, () -> BoundedFiles.readText(f, 100, "a summary"));
        assertEquals(f + ": expected UTF-8 text, got bytes that are not", latin.getMessage());
        assertTrue(assertThrows(InputError.class, () -> BoundedFiles.readText(f, 2, "a summary")).getMessage()
                .contains("of at most 2 bytes"));
        assertTrue(assertThrows(InputError.class, () -> BoundedFiles.readText(d, 100, "a summary")).getMessage()
                .startsWith(d + ": cannot read: "), "a directory");
    }
}
