package org.xbarsim.nn.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of a tar reader for an npm tarball: ustar headers (name plus prefix), regular files,
 * and the long-name extensions (PAX {@code path=}, GNU {@code L}) so a long path is never silently
 * truncated. Every header's checksum is verified, so a corrupt archive fails loudly instead of
 * yielding a wrong file. Written here because the module takes no dependency beyond sim-api.
 */
final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {
    }

    /** Receives each regular file; {@code content} is bounded to the entry and need not be drained. */
    interface EntryHandler {
        void file(String name, long size, InputStream content) throws IOException;
    }

    /** Thrown for a malformed archive: the message says what was wrong. */
    static final class TarFormatException extends IOException {
        TarFormatException(String message) {
            super(message);
        }
    }

    /** Reads an uncompressed tar stream (wrap a .tgz in a GZIPInputStream first) to its end. */
    static void read(InputStream in, EntryHandler handler) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            if (!readBlock(in, header)) {
                // No end-of-archive blocks: npm always writes them, so their absence means truncation.
                throw new TarFormatException("archive ends without its end-of-archive marker (truncated)");
            }
            if (isZero(header)) {
                return; // the first of two zero blocks; what follows does not matter
            }
            verifyChecksum(header);
            long size = octal(header, 124, 12, "size");
            byte type = header[156];
            String name = longName != null ? longName : name(header);
            longName = null;
            BoundedStream content = new BoundedStream(in, size);
            switch (type) {
                case 'x' -> longName = paxPath(content.readAll());
                case 'L' -> longName = cString(content.readAll(), 0, (int) size);
                case '0', 0 -> handler.file(name, size, content);
                default -> { } // directories, links, global PAX headers: nothing to extract
            }
            content.skipRest();
            long padding = (BLOCK - size % BLOCK) % BLOCK;
            skipFully(in, padding);
        }
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new TarFormatException("archive ends inside a header (truncated)");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void verifyChecksum(byte[] header) throws IOException {
        long stored = octal(header, 148, 8, "checksum");
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            // The checksum field itself counts as eight spaces (POSIX ustar).
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        if (sum != stored) {
            throw new TarFormatException("header checksum " + stored + " does not match computed " + sum + " (corrupt)");
        }
    }

    private static String name(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't'
                && header[260] == 'a' && header[261] == 'r';
        if (ustar) {
            String prefix = cString(header, 345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int offset, int length, String field) throws IOException {
        if ((b[offset] & 0x80) != 0) {
            throw new TarFormatException("base-256 " + field + " field not supported (entry over 8 GB?)");
        }
        long v = 0;
        boolean any = false;
        for (int i = offset; i < offset + length; i++) {
            int c = b[i];
            if (c == 0 || c == ' ') {
                if (any) {
                    break;
                }
                continue; // leading spaces or padding
            }
            if (c < '0' || c > '7') {
                throw new TarFormatException("expected an octal " + field + " in a tar header, got byte " + c + " (corrupt)");
            }
            v = v * 8 + (c - '0');
            any = true;
        }
        return v;
    }

    /** The {@code path} record of a PAX extended header ("LEN path=VALUE\n" records), or null. */
    private static String paxPath(byte[] data) throws IOException {
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new TarFormatException("malformed PAX header record (corrupt)");
            }
            if (len <= 0 || pos + len > data.length) {
                throw new TarFormatException("malformed PAX header record length " + len + " (corrupt)");
            }
            String record = new String(data, space + 1, pos + len - space - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                return record.substring(5);
            }
            pos += len;
        }
        return null;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new TarFormatException("archive ends inside an entry (truncated)");
        }
    }

    /** The content of one entry: reads stop at its end; a short underlying stream is truncation. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new TarFormatException("archive ends inside an entry (truncated)");
            }
            remaining -= n;
            return n;
        }

        byte[] readAll() throws IOException {
            if (remaining > 1 << 20) {
                throw new TarFormatException("extended header of " + remaining + " bytes (corrupt)");
            }
            return readAllBytes();
        }

        void skipRest() throws IOException {
            skipFully(in, remaining);
            remaining = 0;
        }
    }
}
