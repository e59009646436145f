package org.xbarsim.nn.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.xbarsim.api.io.BoundedFiles;

/**
 * Reads the IDX format of LeCun's MNIST distribution: a big-endian header (magic, then one 32-bit
 * size per dimension) followed by unsigned bytes. Only the two kinds MNIST uses are accepted:
 * images (magic 0x00000803, [n][rows][cols]) and labels (magic 0x00000801, [n]).
 *
 * <p>Files are read whole: the largest, MNIST's training images, is 47 MB, and the exact length
 * check below (header plus n x rows x cols bytes, nothing more) is what tells a truncated download
 * from a good one.
 */
public final class IdxReader {
    /** Unsigned bytes (0x08), three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Unsigned bytes (0x08), one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /**
     * Images as read: pixel (i, r, c) is {@code pixels[(i * rows + r) * cols + c] & 0xff}.
     */
    public record Images(int count, int rows, int cols, byte[] pixels) {
    }

    /**
     * A file that is not what was expected. The message is one line, {@code file: detail};
     * {@link #file()} and {@link #detail()} let callers re-report it in their own format.
     */
    public static final class FormatException extends IllegalArgumentException {
        private final Path file;
        private final String detail;

        FormatException(Path file, String detail) {
            super(file + ": " + detail);
            this.file = file;
            this.detail = detail;
        }

        public Path file() {
            return file;
        }

        public String detail() {
            return detail;
        }
    }

    /** Reads an IDX image file (magic 0x00000803). */
    public static Images readImages(Path file) {
        byte[] bytes = readAll(file);
        ByteBuffer b = header(file, bytes, IMAGES_MAGIC, 16, "images");
        int count = dimension(file, b, 4, "image count");
        int rows = dimension(file, b, 8, "rows");
        int cols = dimension(file, b, 12, "columns");
        checkLength(file, bytes, 16, (long) count * rows * cols,
                count + " images of " + rows + "x" + cols);
        byte[] pixels = new byte[count * rows * cols];
        System.arraycopy(bytes, 16, pixels, 0, pixels.length);
        return new Images(count, rows, cols, pixels);
    }

    /** Reads an IDX label file (magic 0x00000801). */
    public static byte[] readLabels(Path file) {
        byte[] bytes = readAll(file);
        ByteBuffer b = header(file, bytes, LABELS_MAGIC, 8, "labels");
        int count = dimension(file, b, 4, "label count");
        checkLength(file, bytes, 8, count, count + " labels");
        byte[] labels = new byte[count];
        System.arraycopy(bytes, 8, labels, 0, count);
        return labels;
    }

    /**
     * Reads an image file and its label file into a {@link Dataset} with features pixel / 255.
     *
     * @throws FormatException if either file is malformed or their counts differ
     */
    public static Dataset read(Path images, Path labels) {
        Images im = readImages(images);
        byte[] ls = readLabels(labels);
        if (ls.length != im.count()) {
            throw new FormatException(labels, "expected " + im.count() + " labels to match the "
                    + im.count() + " images of " + images.getFileName() + ", got " + ls.length);
        }
        int features = im.rows() * im.cols();
        float[] x = new float[im.pixels().length];
        byte[] p = im.pixels();
        for (int i = 0; i < x.length; i++) {
            // Division, not multiplication by 1/255f: k / 255f is the float nearest k/255, which
            // keeps the features identical to what NumPy's x / 255.0 cast to float32 gives.
            x[i] = (p[i] & 0xff) / 255f;
        }
        return new Dataset(im.count(), features, x, ls);
    }

    /** MNIST's largest file is 47 MB; an IDX file many times larger is not a data set this reads. */
    static final long MAX_BYTES = 256L << 20;

    private static byte[] readAll(Path file) {
        try {
            return BoundedFiles.readAllBytes(file, MAX_BYTES, "an IDX file");
        } catch (NoSuchFileException e) {
            throw new FormatException(file, "expected an IDX file, found no such file");
        } catch (IOException e) {
            throw new FormatException(file, "cannot read: " + e.getMessage());
        }
    }

    private static ByteBuffer header(Path file, byte[] bytes, int magic, int headerBytes, String kind) {
        ByteBuffer b = ByteBuffer.wrap(bytes); // big-endian, as IDX is
        // The magic first: a label file passed as images is better reported as the wrong kind of
        // file than as a truncated one.
        if (bytes.length >= 4 && b.getInt(0) != magic) {
            throw new FormatException(file, String.format("expected IDX %s (magic 0x%08X), got magic 0x%08X",
                    kind, magic, b.getInt(0)));
        }
        if (bytes.length < headerBytes) {
            throw new FormatException(file, "expected an IDX " + kind + " header of " + headerBytes
                    + " bytes, file has " + bytes.length + " (truncated)");
        }
        return b;
    }

    private static int dimension(Path file, ByteBuffer b, int offset, String what) {
        int d = b.getInt(offset);
        if (d < 0) {
            throw new FormatException(file, "expected a non-negative " + what + ", got " + d + " (corrupt header)");
        }
        return d;
    }

    private static void checkLength(Path file, byte[] bytes, int headerBytes, long dataBytes, String what) {
        long expected = headerBytes + dataBytes;
        if (bytes.length < expected) {
            throw new FormatException(file, "expected " + expected + " bytes (" + what + "), file has "
                    + bytes.length + " (truncated)");
        }
        if (bytes.length > expected) {
            throw new FormatException(file, "expected " + expected + " bytes (" + what + "), file has "
                    + bytes.length + " (trailing bytes: corrupt)");
        }
    }
}
