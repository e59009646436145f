package org.xbarsim.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** An IDX image file: magic, count, rows, cols, then {@code pixelBytes} bytes 0, 1, 2, ... */
    static byte[] images(int magic, int count, int rows, int cols, int pixelBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixelBytes);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < pixelBytes; i++) {
            b.put((byte) (i * 37));
        }
        return b.array();
    }

    static byte[] labels(int count, int labelBytes) {
        ByteBuffer b = ByteBuffer.allocate(8 + labelBytes);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < labelBytes; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsImagesAndLabelsIntoADataset() throws IOException {
        Path im = write("im", images(IdxReader.IMAGES_MAGIC, 3, 2, 2, 12));
        Path lb = write("lb", labels(3, 3));
        Dataset d = IdxReader.read(im, lb);
        assertEquals(3, d.count());
        assertEquals(4, d.features());
        for (int i = 0; i < 12; i++) {
            assertEquals(((i * 37) & 0xff) / 255f, d.x()[i]);
        }
        assertArrayEquals(new byte[] {0, 1, 2}, d.labels());
        IdxReader.Images raw = IdxReader.readImages(im);
        assertEquals(2, raw.rows());
        assertEquals(2, raw.cols());
    }

    @Test
    void wrongMagicNamesFileAndExpectedMagic() throws IOException {
        Path lb = write("labels-as-images", labels(3, 3));
        IdxReader.FormatException e = assertThrows(IdxReader.FormatException.class, () -> IdxReader.readImages(lb));
        assertTrue(e.getMessage().startsWith(lb.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("expected IDX images (magic 0x00000803), got magic 0x00000801"),
                e.getMessage());
        Path im = write("images-as-labels", images(IdxReader.IMAGES_MAGIC, 1, 1, 1, 1));
        e = assertThrows(IdxReader.FormatException.class, () -> IdxReader.readLabels(im));
        assertTrue(e.getMessage().contains("magic 0x00000801"), e.getMessage());
    }

    @Test
    void truncatedDataIsReported() throws IOException {
        Path im = write("short", images(IdxReader.IMAGES_MAGIC, 3, 2, 2, 10));
        IdxReader.FormatException e = assertThrows(IdxReader.FormatException.class, () -> IdxReader.readImages(im));
        assertEquals(im, e.file());
        assertEquals("expected 28 bytes (3 images of 2x2), file has 26 (truncated)", e.detail());

        Path header = write("header", new byte[] {0, 0, 8, 3, 0, 0});
        e = assertThrows(IdxReader.FormatException.class, () -> IdxReader.readImages(header));
        assertTrue(e.detail().contains("header of 16 bytes, file has 6 (truncated)"), e.detail());

        Path lb = write("short-labels", labels(5, 4));
        e = assertThrows(IdxReader.FormatException.class, () -> IdxReader.readLabels(lb));
        assertEquals("expected 13 bytes (5 labels), file has 12 (truncated)", e.detail());
    }

    @Test
    void trailingBytesAreCorrupt() throws IOException {
        Path im = write("long", images(IdxReader.IMAGES_MAGIC, 1, 2, 2, 5));
        IdxReader.FormatException e = assertThrows(IdxReader.FormatException.class, () -> IdxReader.readImages(im));
        assertTrue(e.detail().contains("trailing bytes"), e.detail());
    }

    @Test
    void countMismatchBetweenImagesAndLabels() throws IOException {
        Path im = write("im", images(IdxReader.IMAGES_MAGIC, 3, 2, 2, 12));
        Path lb = write("lb", labels(2, 2));
        IdxReader.FormatException e = assertThrows(IdxReader.FormatException.class, () -> IdxReader.read(im, lb));
        assertEquals(lb, e.file());
        assertEquals("expected 3 labels to match the 3 images of im, got 2", e.detail());
    }

    @Test
    void missingFileSaysSo() {
        Path none = dir.resolve("none");
        IdxReader.FormatException e = assertThrows(IdxReader.FormatException.class, () -> IdxReader.readLabels(none));
        assertTrue(e.getMessage().contains("found no such file"), e.getMessage());
    }
}
