package org.xbarsim.api.io;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading user files with a size limit. Every file a user names is read into memory, so a wrong file
 * (a disk image instead of a CSV, a corrupted length field, a decompression bomb) must end in an
 * {@link InputError} naming the file, its size and the limit, not in an OutOfMemoryError minutes
 * later. The limit is checked before reading and enforced while reading, because the size a file
 * reports is not always the size it delivers (a pipe, a device, a file still being written, a zip
 * entry whose header lies).
 */
public final class BoundedFiles {
    private BoundedFiles() {
    }

    /**
     * The whole file, refused if larger than {@code limit}.
     *
     * @param what what the file should be, for the message ("a scenario YAML file")
     */
    public static byte[] readAllBytes(Path file, long limit, String what) throws IOException {
        try (InputStream in = newInputStream(file, limit, what)) {
            return in.readAllBytes();
        }
    }

    /** The whole file as strictly decoded text: bytes that are not {@code charset} are a CharacterCodingException. */
    public static String readString(Path file, long limit, String what, Charset charset) throws IOException {
        return charset.newDecoder().decode(java.nio.ByteBuffer.wrap(readAllBytes(file, limit, what))).toString();
    }

    /** A stream of the file that throws {@link InputError} once more than {@code limit} bytes are read. */
    public static InputStream newInputStream(Path file, long limit, String what) throws IOException {
        requireRegularFile(file, what);
        long size = Files.size(file);
        if (size > limit) {
            throw tooLarge(file.toString(), what, limit, size + " bytes");
        }
        return limit(Files.newInputStream(file), limit, file.toString(), what);
    }

    /** A buffered reader of the file, refused past {@code limit} bytes (bytes, not characters). */
    public static BufferedReader newBufferedReader(Path file, long limit, String what, Charset charset)
            throws IOException {
        return new BufferedReader(new InputStreamReader(newInputStream(file, limit, what), charset.newDecoder()));
    }

    /**
     * Refuses a path that exists but is not a regular file (after links): opening a named pipe blocks
     * until something writes to it, for ever if nothing does, and a device can deliver without end. A
     * missing file or a directory is left to the open, which fails at once and says so.
     */
    public static void requireRegularFile(Path file, String what) {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new InputError(file.toString(), "", "expected " + what + ", got a named pipe, device or socket "
                    + "(not a regular file)");
        }
    }

    /**
     * {@code in}, throwing {@link InputError} naming {@code source} once more than {@code limit} bytes
     * come out of it: for content whose size is only known by reading it (a decompressed zip entry).
     */
    public static InputStream limit(InputStream in, long limit, String source, String what) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                // Never ask for more than one byte past the limit: that byte is enough to know.
                int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - count + 1)));
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, Math.max(0, limit - count + 1)));
                counted(skipped);
                return skipped;
            }

            private void counted(long n) {
                count += n;
                if (count > limit) {
                    throw tooLarge(source, what, limit, "more than that");
                }
            }
        };
    }

    /** The error for a file over its limit: "expected X of at most 1 MiB (1048576 bytes), got 5000000 bytes". */
    public static InputError tooLarge(String source, String what, long limit, String got) {
        return new InputError(source, "", "expected " + what + " of at most " + human(limit) + " (" + limit
                + " bytes), got " + got + "; larger inputs are refused before they exhaust memory");
    }

    static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    /**
     * The file as UTF-8 text of at most {@code limit} bytes, every failure an {@link InputError} naming
     * the file: missing ("expected {@code what}, found no such file"), not UTF-8, unreadable or too large.
     */
    public static String readText(Path file, long limit, String what) {
        if (Files.isDirectory(file)) { // its size is the directory's own, not a content's: say what it is
            throw new InputError(file.toString(), "", "cannot read: a directory, expected " + what);
        }
        try {
            return readString(file, limit, what, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputError(file.toString(), "", "expected " + what + ", found no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputError(file.toString(), "", "expected UTF-8 text, got bytes that are not");
        } catch (IOException e) {
            throw new InputError(file.toString(), "", "cannot read: " + e.getMessage());
        }
    }
}
