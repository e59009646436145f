package org.xbarsim.engine.trace;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.TraceEnd;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;

/**
 * Reads an Avro object container file (a trace) with every size bounded, instead of Avro's
 * DataFileReader, which trusts the file: it allocates whatever a block-size or a bytes-length field
 * says, so one damaged varint costs gigabytes. Here the header and each block are limited, a block
 * must fit in what is left of the file, end with the file's sync marker and decode to exactly its
 * record count using exactly its bytes; the first block that does not ends the readable prefix. The
 * writer's schema must name only xbarsim's event records and must resolve against the current one.
 */
final class TraceFileReader implements AutoCloseable {
    /** The header holds the scenario text (at most 1 MiB) and a few lines of metadata. */
    static final int MAX_HEADER_BYTES = 8 << 20;
    /** The writer flushes blocks of about 64 KiB; a record is at most a few KiB. */
    static final int MAX_BLOCK_BYTES = 64 << 20;

    private static final byte[] MAGIC = {'O', 'b', 'j', 1};
    private static final int SYNC_BYTES = 16;
    private static final String EVENT_NAMESPACE = TraceEnd.class.getPackageName();

    /** What was read: the header's metadata (text) and the events of the readable prefix. */
    record Contents(Map<String, String> metadata, List<SpecificRecord> events, boolean complete) {
    }

    private final String source;
    private final Path file;
    private final InputStream in;
    private final Header header;
    private final Map<String, String> metadata;
    private final SpecificDatumReader<Object> datumReader;
    private long events;
    private TraceEnd end;
    private boolean finished;

    private TraceFileReader(String source, Path file, InputStream in, Header header, Map<String, String> metadata) {
        this.source = source;
        this.file = file;
        this.in = in;
        this.header = header;
        this.metadata = metadata;
        this.datumReader = new SpecificDatumReader<>(header.schema, TraceFormat.SCHEMA);
    }

    /** Opens a trace and checks its header; the events are read block by block with {@link #nextBlock()}. */
    static TraceFileReader open(Path file) {
        String source = file.toString();
        BoundedFiles.requireRegularFile(file, "an xbarsim trace (a file from xbarsim run --record)");
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            Header header = header(in, source);
            Map<String, String> metadata = new LinkedHashMap<>();
            header.meta.forEach((k, v) -> {
                if (k.startsWith("xbarsim.")) {
                    metadata.put(k, new String(v, StandardCharsets.UTF_8));
                }
            });
            return new TraceFileReader(source, file, in, header, metadata);
        } catch (IOException e) {
            closeQuietly(in);
            throw new InputError(source, "", "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** The header's metadata and the events of the readable prefix, all in memory. */
    static Contents read(Path file) {
        try (TraceFileReader reader = open(file)) {
            List<SpecificRecord> all = new ArrayList<>();
            for (List<SpecificRecord> block = reader.nextBlock(); block != null; block = reader.nextBlock()) {
                all.addAll(block);
            }
            return new Contents(reader.metadata(), all, reader.complete());
        }
    }

    Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The events of the next block (the end marker aside), or null at the end of the readable prefix:
     * the end of the file, the end marker, or the first block cut short or damaged.
     */
    List<SpecificRecord> nextBlock() {
        while (!finished) {
            List<SpecificRecord> block;
            try {
                block = readBlock();
            } catch (IOException e) {
                finished = true;
                throw new InputError(source, "", "cannot read: " + e.getMessage());
            }
            if (block == null) {
                finished = true;
                return null;
            }
            List<SpecificRecord> out = new ArrayList<>(block.size());
            for (SpecificRecord r : block) {
                if (end != null) {
                    end = null; // records after the end marker: not a cleanly ended trace
                    finished = true;
                    break;
                }
                if (r instanceof TraceEnd e) {
                    end = e;
                    finished = true;
                } else {
                    out.add(r);
                }
            }
            events += out.size();
            if (!out.isEmpty()) {
                return out;
            }
        }
        return null;
    }

    /**
     * Whether the file's last block ends with the end marker: a quick look at the tail that tells a
     * trace cut short (a killed run) without reading it all. True says only that the end is there;
     * {@link #complete()} after reading checks the count as well. A last block longer than the tail
     * looked at, or a tail without a block boundary, is given the benefit of the doubt (true).
     */
    boolean endsWithMarker() {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            long length = ch.size();
            int window = (int) Math.min(length, 4L << 20);
            ByteBuffer tail = ByteBuffer.allocate(window);
            ch.read(tail, length - window);
            byte[] b = tail.array();
            if (window < SYNC_BYTES || !Arrays.equals(Arrays.copyOfRange(b, window - SYNC_BYTES, window), header.sync)) {
                return false; // a file cut short ends inside a block, not at a sync marker
            }
            // The last block starts after the sync marker before the final one.
            int start = -1;
            for (int i = window - 2 * SYNC_BYTES; i >= 0; i--) {
                if (Arrays.equals(b, i, i + SYNC_BYTES, header.sync, 0, SYNC_BYTES)) {
                    start = i + SYNC_BYTES;
                    break;
                }
            }
            if (start < 0) {
                return true;
            }
            java.io.ByteArrayInputStream block = new java.io.ByteArrayInputStream(b, start, window - SYNC_BYTES - start);
            long count = varLong(block.read(), block);
            long size = varLong(block.read(), block);
            if (count <= 0 || size != block.available()) {
                return true; // not a block boundary after all (the marker's bytes inside data): undecided
            }
            List<SpecificRecord> records = decode(block.readNBytes((int) size), count, header.codec, datumReader);
            return records != null && records.get(records.size() - 1) instanceof TraceEnd;
        } catch (IOException e) {
            return true; // undecided here: reading the whole trace will tell
        }
    }

    /**
     * Whether the trace ended with its end marker, and the marker counts the events before it (a block
     * lost in the middle shows here); meaningful once {@link #nextBlock()} has returned null.
     */
    boolean complete() {
        return end != null && end.getEvents() == events;
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // Reading is over; a failure to close a read-only file loses nothing.
        }
    }

    private record Header(Map<String, byte[]> meta, byte[] sync, Schema schema, String codec) {
    }

    private static Header header(InputStream in, String source) throws IOException {
        in.mark(MAX_HEADER_BYTES + 1);
        byte[] prefix = in.readNBytes(MAX_HEADER_BYTES + 1);
        if (prefix.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(prefix, MAGIC.length), MAGIC)) {
            throw notATrace(source, prefix.length < MAGIC.length ? "a file of " + prefix.length + " bytes"
                    : "a file that does not start with Avro's magic bytes");
        }
        BlockDecoder d = new BlockDecoder(prefix, MAGIC.length, prefix.length - MAGIC.length);
        Map<String, byte[]> meta = new LinkedHashMap<>();
        byte[] sync = new byte[SYNC_BYTES];
        try {
            for (long n = d.readMapStart(); n != 0; n = d.mapNext()) {
                for (long i = 0; i < n; i++) {
                    String key = d.readString();
                    ByteBuffer value = d.readBytes(null);
                    meta.put(key, Arrays.copyOfRange(value.array(), value.arrayOffset(), value.limit()));
                }
            }
            d.readFixed(sync);
        } catch (IOException e) {
            if (prefix.length > MAX_HEADER_BYTES) {
                throw BoundedFiles.tooLarge(source, "a trace header", MAX_HEADER_BYTES, "more than that");
            }
            throw notATrace(source, "a file cut short or damaged in its header (" + e.getMessage() + ")");
        }
        in.reset();
        in.skipNBytes(prefix.length - d.remaining());

        checkVersion(meta, source);
        Schema schema = schema(meta, source);
        String codec = meta.containsKey("avro.codec") ? new String(meta.get("avro.codec"), StandardCharsets.UTF_8)
                : "null";
        // Avro's other codecs decompress without a bound (and xbarsim writes none of them).
        if (!codec.equals("null") && !codec.equals("deflate")) {
            throw new InputError(source, "avro.codec", "expected the compression codec null or deflate, got '"
                    + codec + "'");
        }
        return new Header(meta, sync, schema, codec);
    }

    /** The header's writer schema, refused unless it names only xbarsim's events and this version reads it. */
    private static Schema schema(Map<String, byte[]> meta, String source) {
        byte[] schemaJson = meta.get("avro.schema");
        if (schemaJson == null) {
            throw notATrace(source, "an Avro file without a schema in its header");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(new String(schemaJson, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // Untrusted JSON: whatever the parser throws on it, the header is damaged.
            throw new InputError(source, "avro.schema", "expected the schema of xbarsim's events in the header, "
                    + "got one that does not parse: " + parseProblem(e));
        }
        String foreign = foreign(schema, new ArrayList<>());
        if (foreign != null) {
            // Refused before any datum is read: nothing named by the file is ever loaded or built.
            throw new InputError(source, "avro.schema", "expected only xbarsim's event records (" + EVENT_NAMESPACE
                    + ".*), got a schema naming " + foreign + "; refused, nothing in it was read");
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(TraceFormat.SCHEMA, schema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new InputError(source, "avro.schema", "expected a schema of xbarsim's events this version reads, "
                    + "got an incompatible one: " + oneLine(compatibility.getDescription()));
        }
        return schema;
    }

    /** Before the schema: a newer xbarsim's trace is refused by its version, whatever its schema. */
    private static void checkVersion(Map<String, byte[]> meta, String source) {
        byte[] version = meta.get(TraceFormat.SCHEMA_VERSION);
        if (version == null) {
            throw new InputError(source, TraceFormat.SCHEMA_VERSION, "expected an xbarsim trace header, found an Avro "
                    + "file without one");
        }
        String v = new String(version, StandardCharsets.UTF_8);
        if (!TraceFormat.READABLE_SCHEMA_VERSIONS.contains(v)) {
            byte[] by = meta.get(TraceFormat.VERSION);
            throw new InputError(source, TraceFormat.SCHEMA_VERSION, "expected event schema version "
                    + TraceFormat.EVENT_SCHEMA_VERSION + " (or 1, read only), got " + v + " (written by xbarsim "
                    + (by == null ? "?" : new String(by, StandardCharsets.UTF_8)) + "; a newer xbarsim reads it)");
        }
    }

    /**
     * The first name or Java class property in a writer's schema outside xbarsim's event package,
     * or null. Avro's specific reader turns {@code java-class} properties and record names into
     * classes it instantiates; a trace must not be able to name any class but xbarsim's events.
     */
    private static String foreign(Schema s, List<Schema> seen) {
        for (Schema done : seen) {
            if (done == s) {
                return null;
            }
        }
        seen.add(s);
        for (String property : List.of("java-class", "java-key-class", "java-element-class", "avro.java.string")) {
            Object value = s.getObjectProp(property);
            if (value != null && !("avro.java.string".equals(property) && "String".equals(value))) {
                return "the Java class property " + property + "=" + value;
            }
        }
        switch (s.getType()) {
            case RECORD, ENUM, FIXED -> {
                if (!EVENT_NAMESPACE.equals(s.getNamespace())) {
                    return "the type " + s.getFullName();
                }
                if (s.getType() == Schema.Type.RECORD) {
                    for (Schema.Field f : s.getFields()) {
                        String inField = foreign(f.schema(), seen);
                        if (inField != null) {
                            return inField;
                        }
                        for (String property : List.of("java-class", "java-key-class", "java-element-class")) {
                            if (f.getObjectProp(property) != null) {
                                return "the Java class property " + property + "=" + f.getObjectProp(property);
                            }
                        }
                    }
                }
                return null;
            }
            case UNION -> {
                for (Schema branch : s.getTypes()) {
                    String inBranch = foreign(branch, seen);
                    if (inBranch != null) {
                        return inBranch;
                    }
                }
                return null;
            }
            case ARRAY -> {
                return foreign(s.getElementType(), seen);
            }
            case MAP -> {
                return foreign(s.getValueType(), seen);
            }
            default -> {
                return null;
            }
        }
    }

    /** The next block's records, or null where the readable prefix ends. */
    private List<SpecificRecord> readBlock() throws IOException {
        long count;
        long size;
        try {
            int first = in.read();
            if (first < 0) {
                return null; // the end of the file, between blocks
            }
            count = varLong(first, in);
            size = varLong(in.read(), in);
        } catch (EOFException e) {
            return null; // cut inside a block's counts
        }
        if (count <= 0 || size <= 0 || size > MAX_BLOCK_BYTES) {
            return null; // damaged counts: neither this block nor anything after it can be located
        }
        byte[] block = in.readNBytes((int) size);
        byte[] sync = in.readNBytes(SYNC_BYTES);
        if (block.length < size || !Arrays.equals(sync, header.sync)) {
            return null; // cut short, or its size does not lead to the sync marker: damaged
        }
        return decode(block, count, header.codec, datumReader);
    }

    /** A block's records, or null if it is damaged: it must hold exactly {@code count} records in its bytes. */
    private static List<SpecificRecord> decode(byte[] block, long count, String codec,
                                               SpecificDatumReader<Object> datumReader) {
        byte[] data = switch (codec) {
            case "null" -> block;
            case "deflate" -> inflate(block);
            default -> throw new IllegalStateException("codec checked with the header: " + codec);
        };
        if (data == null || count > data.length) {
            return null; // every record takes at least a byte (its union branch)
        }
        BlockDecoder d = new BlockDecoder(data, 0, data.length);
        // Not presized by the count: a damaged count must not reserve memory the block never fills.
        List<SpecificRecord> records = new ArrayList<>();
        try {
            for (long i = 0; i < count; i++) {
                Object r = datumReader.read(null, d);
                if (!(r instanceof SpecificRecord record)) {
                    return null;
                }
                records.add(record);
            }
        } catch (IOException | RuntimeException e) {
            // Damaged bytes decode into anything Avro's reader can throw on (a union branch or enum
            // symbol out of range, a negative length): all mean the same, this block is damaged.
            return null;
        }
        return d.remaining() == 0 ? records : null;
    }

    /** Avro's deflate codec (raw deflate), inflated to at most {@link #MAX_BLOCK_BYTES}: no decompression bomb. */
    private static byte[] inflate(byte[] block) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(block);
            byte[] out = new byte[Math.min(MAX_BLOCK_BYTES, Math.max(1024, block.length * 4))];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (out.length == MAX_BLOCK_BYTES) {
                        return null;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(MAX_BLOCK_BYTES, 2L * out.length));
                }
                int k = inflater.inflate(out, n, out.length - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                n += k;
            }
            return Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static long varLong(int first, InputStream in) throws IOException {
        long raw = 0;
        int b = first;
        for (int shift = 0; shift < 64; shift += 7) {
            if (b < 0) {
                throw new EOFException();
            }
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
            b = in.read();
        }
        return -1; // longer than a long: damaged, reported as an invalid count
    }

    private static InputError notATrace(String source, String got) {
        return new InputError(source, "", "expected an xbarsim trace (an Avro object container file from xbarsim run "
                + "--record), got " + got);
    }

    /** The JSON parser's own words, without exception class names and its source-location boilerplate. */
    private static String parseProblem(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? e.getMessage() : root.getMessage();
        m = oneLine(m).replaceAll("at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]", "(line $1, column $2)");
        return m.replaceAll("\\b([a-z]+\\.)+[A-Z][A-Za-z]*(Exception|Error): ", "");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
