package org.xbarsim.engine.trace;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one block held in memory, where every length is checked against the bytes
 * left before anything is allocated. Avro's own BinaryDecoder allocates what a length field says
 * (a flipped bit in a {@code bytes} length asks for gigabytes); here a damaged length is an
 * {@link IOException}, and the reader treats the block as damaged.
 */
final class BlockDecoder extends Decoder {
    private final byte[] buf;
    private int pos;
    private final int end;
    /**
     * Array and map items the block may still declare: no more than its bytes. Each count alone is
     * bounded by the bytes left, but a writer schema may declare items of no bytes (an array of null,
     * in a field the reader skips), and then every record of a block could claim that many: decoding
     * cost quadratic in the block's size (measured: 90 times a real trace's CPU per byte). Items of
     * xbarsim's records take a byte at least, so a real block never reaches this.
     */
    private long itemBudget;

    BlockDecoder(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
        this.itemBudget = length;
    }

    /** Bytes not yet decoded: a block decoded cleanly has none left. */
    int remaining() {
        return end - pos;
    }

    private int next() throws IOException {
        if (pos >= end) {
            throw new EOFException("block ends inside a value");
        }
        return buf[pos++] & 0xff;
    }

    /** A length or count: non-negative and no larger than the bytes left, which bound any real one. */
    private int length(long n, String what) throws IOException {
        if (n < 0 || n > remaining()) {
            throw new IOException(what + " of " + n + " with " + remaining() + " bytes left in the block");
        }
        return (int) n;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        int b = next();
        if (b > 1) {
            throw new IOException("boolean byte " + b);
        }
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        long n = readLong();
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IOException("int out of range: " + n);
        }
        return (int) n;
    }

    @Override
    public long readLong() throws IOException {
        long raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = next();
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1); // zig-zag
            }
        }
        throw new IOException("variable-length integer longer than 10 bytes");
    }

    @Override
    public float readFloat() throws IOException {
        length(4, "float");
        int bits = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        length(8, "double");
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (buf[pos + i] & 0xff);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    /** A length-prefixed value's bytes, copied out of the block once their length is known to fit. */
    private byte[] take(String what) throws IOException {
        int n = length(readLong(), what);
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        return new Utf8(take("string length"));
    }

    @Override
    public String readString() throws IOException {
        return new String(take("string length"), StandardCharsets.UTF_8);
    }

    @Override
    public void skipString() throws IOException {
        skipFixed(length(readLong(), "string length"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        return ByteBuffer.wrap(take("bytes length"));
    }

    @Override
    public void skipBytes() throws IOException {
        skipFixed(length(readLong(), "bytes length"));
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        length(length, "fixed");
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        pos += length(length, "fixed");
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /**
     * An array or map block's item count. A negative count is followed by the block's byte size
     * (Avro's skippable encoding). Every item takes at least a byte in xbarsim's records, so a count
     * above the bytes left is damage, refused before a list of that capacity is allocated.
     */
    private long items() throws IOException {
        long n = readLong();
        if (n < 0) {
            if (n == Long.MIN_VALUE) {
                throw new IOException("item count " + n);
            }
            n = -n;
            length(readLong(), "item block size");
        }
        int items = length(n, "item count");
        itemBudget -= items;
        if (itemBudget < 0) {
            throw new IOException("more array or map items than the block has bytes");
        }
        return items;
    }

    @Override
    public long readArrayStart() throws IOException {
        return items();
    }

    @Override
    public long arrayNext() throws IOException {
        return items();
    }

    @Override
    public long skipArray() throws IOException {
        return items();
    }

    @Override
    public long readMapStart() throws IOException {
        return items();
    }

    @Override
    public long mapNext() throws IOException {
        return items();
    }

    @Override
    public long skipMap() throws IOException {
        return items();
    }
}
