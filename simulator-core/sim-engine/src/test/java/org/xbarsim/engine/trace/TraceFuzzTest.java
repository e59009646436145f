package org.xbarsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.TrustedEvents;
import org.xbarsim.api.io.InputError;

/**
 * Damaged traces, made from the committed golden trace (one block) and from its events rewritten in
 * small blocks (many blocks, so truncations and damage fall before, inside and after blocks). Every
 * case must end in an {@link InputError} whose one line starts with the file's name, or in a trace
 * whose events are exactly those of the blocks before the damage (marked incomplete unless the damage
 * left every block intact); never another exception, a hang, or a large allocation. The reference
 * events come from Avro's own DataFileReader on the undamaged file: an independent reader.
 */
class TraceFuzzTest {
    private static final long SEED = 6L;
    /** Per case, for a file of at most 60 KB: a reader that trusts a size field allocates far more. */
    private static final long MAX_ALLOCATED_BYTES = 64L << 20;

    @TempDir
    static Path dir;

    /** An undamaged file and what Avro's reader finds in it, block by block. */
    private record Original(String name, byte[] bytes, int headerEnd, List<int[]> blocks, List<Object> events,
                            List<Integer> eventsBefore) {
        /** Blocks as {start, countStart, sizeStart, dataStart, syncStart, end}. */
        int eventsInBlocksEndingBy(long offset) {
            int n = 0;
            for (int b = 0; b < blocks.size(); b++) {
                if (blocks.get(b)[5] <= offset) {
                    n = eventsBefore.get(b + 1);
                }
            }
            return n;
        }

        int blockAt(long offset) {
            for (int b = 0; b < blocks.size(); b++) {
                if (offset < blocks.get(b)[5]) {
                    return b;
                }
            }
            return blocks.size();
        }
    }

    private static final List<Original> ORIGINALS = new ArrayList<>();

    @BeforeAll
    static void originals() throws IOException {
        TrustedEvents.install();
        Path golden = Path.of("../../scenarios/traces/golden-v1.avro");
        ORIGINALS.add(original("golden", Files.readAllBytes(golden)));
        // The same events and header in blocks of about 2 KiB: some 30 blocks; and compressed with
        // Avro's deflate codec, which the reader inflates with a bound.
        ORIGINALS.add(original("small-blocks", rewrite(golden, "small-blocks.avro", null)));
        assertTrue(ORIGINALS.get(1).blocks().size() >= 20, "blocks: " + ORIGINALS.get(1).blocks().size());
        ORIGINALS.add(original("deflate", rewrite(golden, "deflate.avro", CodecFactory.deflateCodec(6))));
        assertTrue(ORIGINALS.get(2).bytes().length < ORIGINALS.get(1).bytes().length, "compressed");
    }

    private static byte[] rewrite(Path golden, String name, CodecFactory codec) throws IOException {
        Path file = dir.resolve(name);
        try (DataFileReader<Object> in = new DataFileReader<>(golden.toFile(),
                     new SpecificDatumReader<>(TraceFormat.SCHEMA));
             DataFileWriter<Object> out = new DataFileWriter<>(new SpecificDatumWriter<>(TraceFormat.SCHEMA))) {
            for (String key : in.getMetaKeys()) {
                if (key.startsWith("xbarsim.")) {
                    out.setMeta(key, in.getMeta(key));
                }
            }
            out.setSyncInterval(2048);
            if (codec != null) {
                out.setCodec(codec);
            }
            out.create(TraceFormat.SCHEMA, file.toFile());
            for (Object e : in) {
                out.append(e);
            }
        }
        return Files.readAllBytes(file);
    }

    private static Original original(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name + "-original.avro");
        Files.write(f, bytes);
        List<Object> events = new ArrayList<>();
        List<Integer> before = new ArrayList<>(List.of(0));
        List<int[]> blocks = new ArrayList<>();
        int headerEnd;
        try (DataFileReader<Object> in = new DataFileReader<>(f.toFile(),
                new SpecificDatumReader<>(TraceFormat.SCHEMA))) {
            // The header ends where the first block starts; the stream positions after each block.
            headerEnd = headerLength(bytes);
            int pos = headerEnd;
            while (pos < bytes.length) {
                int[] b = new int[6];
                b[0] = pos;
                b[1] = pos;
                long[] count = varLong(bytes, pos);
                b[2] = (int) count[1];
                long[] size = varLong(bytes, b[2]);
                b[3] = (int) size[1];
                b[4] = b[3] + (int) size[0];
                b[5] = b[4] + 16;
                blocks.add(b);
                for (long i = 0; i < count[0]; i++) {
                    events.add(in.next());
                }
                before.add(events.size());
                pos = b[5];
            }
            assertFalse(in.hasNext());
        }
        return new Original(name, bytes, headerEnd, blocks, events, before);
    }

    /** Magic, the metadata map, the 16-byte sync marker. */
    private static int headerLength(byte[] b) {
        int pos = 4;
        while (true) {
            long[] n = varLong(b, pos);
            pos = (int) n[1];
            if (n[0] == 0) {
                return pos + 16;
            }
            for (long i = 0; i < n[0]; i++) {
                for (int kv = 0; kv < 2; kv++) {
                    long[] len = varLong(b, pos);
                    pos = (int) len[1] + (int) len[0];
                }
            }
        }
    }

    /** {value, position after it}. */
    private static long[] varLong(byte[] b, int pos) {
        long raw = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b[pos++] & 0xff;
            raw |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return new long[] {(raw >>> 1) ^ -(raw & 1), pos};
            }
        }
    }

    private static byte[] encode(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7fL) != 0) {
            out.write((int) ((z & 0x7f) | 0x80));
            z >>>= 7;
        }
        out.write((int) z);
        return out.toByteArray();
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, from);
        out.writeBytes(with);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    /**
     * A damaged file and what it may read as. {@code intactEvents}: the events guaranteed intact
     * before the damage; {@code exact}: whether the reader must return exactly those (structural
     * damage) or may also read on through a block whose values, not structure, were changed.
     */
    private record Damaged(String kind, byte[] bytes, int intactEvents, boolean exact, boolean headerDamage) {
    }

    private static Damaged damage(Original o, SplittableRandom r) {
        byte[] b = o.bytes().clone();
        List<int[]> blocks = o.blocks();
        int[] block = blocks.get(r.nextInt(blocks.size()));
        switch (r.nextInt(9)) {
            case 0 -> {
                // Truncation at every kind of offset: in the header, at and in each part of a block.
                int[] anyBlock = blocks.get(r.nextInt(blocks.size()));
                int cut = switch (r.nextInt(4)) {
                    case 0 -> r.nextInt(o.headerEnd() + 1);
                    case 1 -> anyBlock[r.nextInt(6)];
                    case 2 -> anyBlock[r.nextInt(6)] + (r.nextBoolean() ? 1 : -1);
                    default -> r.nextInt(b.length + 1);
                };
                cut = Math.max(0, Math.min(b.length, cut));
                return new Damaged("truncation", Arrays.copyOf(b, cut), o.eventsInBlocksEndingBy(cut), true,
                        cut < o.headerEnd());
            }
            case 1 -> {
                int at = r.nextInt(o.headerEnd());
                b[at] ^= (byte) (1 << r.nextInt(8));
                return new Damaged("header flip", b, 0, false, true);
            }
            case 2 -> {
                // A flip in a block's count or size varint.
                int at = block[1] + r.nextInt(block[3] - block[1]);
                b[at] ^= (byte) (1 << r.nextInt(8));
                return new Damaged("count/size flip", b, o.eventsBefore().get(blocks.indexOf(block)), true, false);
            }
            case 3 -> {
                // The header's sync marker (every block's sync then mismatches) or a block's.
                boolean header = r.nextInt(4) == 0;
                int at = header ? o.headerEnd() - 1 - r.nextInt(16) : block[4] + r.nextInt(16);
                b[at] ^= (byte) (1 << r.nextInt(8));
                return new Damaged("sync flip", b, header ? 0 : o.eventsBefore().get(blocks.indexOf(block)), true,
                        header);
            }
            case 4 -> {
                int at = block[3] + r.nextInt(block[4] - block[3]);
                for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                    b[Math.min(block[4] - 1, at + i)] ^= (byte) (1 << r.nextInt(8));
                }
                return new Damaged("body flip", b, o.eventsBefore().get(blocks.indexOf(block)), false, false);
            }
            case 5 -> {
                long[] huge = {Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1L << 31, 1L << 40, Long.MAX_VALUE,
                    (64L << 20) + 1, 60L << 20, -1, Long.MIN_VALUE};
                byte[] size = encode(huge[r.nextInt(huge.length)]);
                return new Damaged("huge block size", splice(b, block[2], block[3], size),
                        o.eventsBefore().get(blocks.indexOf(block)), true, false);
            }
            case 6 -> {
                long[] huge = {Integer.MAX_VALUE, 1L << 40, Long.MAX_VALUE, 0, -5, 1_000_000};
                byte[] count = encode(huge[r.nextInt(huge.length)]);
                return new Damaged("huge block count", splice(b, block[1], block[2], count),
                        o.eventsBefore().get(blocks.indexOf(block)), true, false);
            }
            case 7 -> {
                return new Damaged("wrong header schema", withSchema(o, r), 0, false, true);
            }
            default -> {
                // Random junk over a stretch anywhere.
                int at = r.nextInt(b.length);
                for (int i = at; i < Math.min(b.length, at + 1 + r.nextInt(64)); i++) {
                    b[i] = (byte) r.nextInt(256);
                }
                boolean inHeader = at < o.headerEnd();
                return new Damaged("junk", b, inHeader ? 0 : o.eventsBefore().get(o.blockAt(at)), false, inHeader);
            }
        }
    }

    private static final String[] SCHEMAS = {"{", "null", "\"int\"", "[\"int\", \"long\"]",
        "{\"type\": \"record\", \"name\": \"RowOp\", \"namespace\": \"org.xbarsim.api.event\", \"fields\": []}",
        "{\"type\": \"record\", \"name\": \"File\", \"namespace\": \"java.io\", \"fields\": "
            + "[{\"name\": \"path\", \"type\": \"string\"}]}",
        "[{\"type\": \"record\", \"name\": \"Other\", \"fields\": [{\"name\": \"x\", \"type\": \"bytes\"}]}]",
        "{\"type\": \"string\", \"java-class\": \"java.io.File\"}", "\u0000\u0001binary", ""};

    /** The header rewritten with another schema: nonsense, a foreign type, a type the events are not. */
    private static byte[] withSchema(Original o, SplittableRandom r) {
        Map<String, byte[]> meta = new LinkedHashMap<>();
        byte[] b = o.bytes();
        int pos = 4;
        for (long[] n = varLong(b, pos); n[0] != 0; n = varLong(b, pos)) {
            pos = (int) n[1];
            for (long i = 0; i < n[0]; i++) {
                long[] kl = varLong(b, pos);
                String key = new String(b, (int) kl[1], (int) kl[0], StandardCharsets.UTF_8);
                pos = (int) kl[1] + (int) kl[0];
                long[] vl = varLong(b, pos);
                meta.put(key, Arrays.copyOfRange(b, (int) vl[1], (int) vl[1] + (int) vl[0]));
                pos = (int) vl[1] + (int) vl[0];
            }
        }
        String schema = new String(meta.get("avro.schema"), StandardCharsets.UTF_8);
        meta.put("avro.schema", (r.nextBoolean() ? SCHEMAS[r.nextInt(SCHEMAS.length)]
                : schema.substring(0, r.nextInt(schema.length()))).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, 4);
        out.writeBytes(encode(meta.size()));
        meta.forEach((k, v) -> {
            byte[] kb = k.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(encode(kb.length));
            out.writeBytes(kb);
            out.writeBytes(encode(v.length));
            out.writeBytes(v);
        });
        out.writeBytes(encode(0));
        out.write(b, o.headerEnd() - 16, b.length - (o.headerEnd() - 16));
        return out.toByteArray();
    }

    @Test
    void undamagedTracesReadCompletelyAndAsAvroReadsThem() {
        for (Original o : ORIGINALS) {
            Path f = dir.resolve(o.name() + "-original.avro");
            Trace t = Trace.read(f);
            assertTrue(t.complete(), o.name());
            assertEquals(o.events().subList(0, o.events().size() - 1), t.events(), o.name() + ": all but TraceEnd");
        }
    }

    @Test
    void everyDamagedTraceIsRefusedInOneLineOrReadAsAnIntactPrefix() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, int[]> outcomes = new TreeMap<>();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path file = dir.resolve("damaged.avro");
        int cases = 1_200;
        for (int c = 0; c < cases; c++) {
            Original o = ORIGINALS.get(random.nextInt(ORIGINALS.size()));
            Damaged d = damage(o, random.split());
            Files.write(file, d.bytes());
            String context = "case " + c + " (" + d.kind() + " of " + o.name() + ")";
            int[] counts = outcomes.computeIfAbsent(d.kind(), k -> new int[3]);
            Object[] result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                long before = threads.getCurrentThreadAllocatedBytes();
                Object outcome;
                try {
                    outcome = Trace.read(file);
                } catch (Throwable t) {
                    outcome = t;
                }
                return new Object[] {outcome, threads.getCurrentThreadAllocatedBytes() - before};
            }, context);
            long allocated = (Long) result[1];
            assertTrue(allocated < MAX_ALLOCATED_BYTES, () -> context + ": allocated " + allocated + " bytes");
            if (result[0] instanceof InputError e) {
                counts[0]++;
                assertTrue(e.getMessage().startsWith(file.toString() + ":"), () -> context + ": " + e.getMessage());
                assertFalse(e.getMessage().contains("\n"), context);
                assertFalse(e.getMessage().contains("Exception"), () -> context + ": " + e.getMessage());
                assertTrue(d.headerDamage(), () -> context + ": a trace with an intact header refused: " + e.getMessage());
                continue;
            }
            if (result[0] instanceof Throwable t) {
                fail(context + ": expected a trace or an InputError, got " + t, t);
            }
            Trace t = (Trace) result[0];
            counts[t.complete() ? 2 : 1]++;
            List<Object> reference = o.events().subList(0, o.events().size() - 1);
            assertTrue(t.events().size() <= reference.size(), context);
            int intact = Math.min(d.intactEvents(), reference.size());
            if (d.exact() && !d.headerDamage()) {
                assertEquals(intact, t.events().size(), () -> context + ": events read");
            }
            if (!d.headerDamage()) {
                for (int i = 0; i < Math.min(intact, t.events().size()); i++) {
                    assertEquals(reference.get(i), t.events().get(i), context + ": event " + i);
                }
            }
            if (t.complete()) {
                // Only damage to values, never to structure, can leave a trace complete.
                assertEquals(reference.size(), t.events().size(), context);
                assertFalse(d.kind().equals("truncation") && d.bytes().length < o.bytes().length,
                        context + ": a truncated trace read as complete");
            }
        }
        StringBuilder s = new StringBuilder("TraceFuzzTest:");
        outcomes.forEach((k, v) -> s.append(' ').append(k).append(": ").append(v[0]).append(" refused, ")
                .append(v[1]).append(" incomplete, ").append(v[2]).append(" complete;"));
        System.out.println(s);
        for (String kind : List.of("truncation", "header flip", "count/size flip", "sync flip", "body flip",
                "huge block size", "huge block count", "wrong header schema", "junk")) {
            assertTrue(outcomes.containsKey(kind), "never drawn: " + kind);
        }
    }
}
