package org.xbarsim.engine.trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * A 128-bit fingerprint of every event of a run, per stream and in the stream's order (a row's
 * conversation, or the chip timeline's events: see {@link Trace#stream}): what an exact replay
 * compares instead of the events themselves. Sixteen bytes an event where the events take
 * over a kilobyte, so a replay of a trace of any size compares in little memory, and the recorded
 * side streams from its file. Two different events share a fingerprint with probability about
 * 2^-128; the first pair found to differ is then read again in full to say which field differs.
 *
 * <p>A sink for {@link Recording}: one stream's events arrive from one thread at a time.
 */
public final class EventPrints implements Consumer<SpecificRecord> {
    private final Map<Long, StreamPrints> streams = new ConcurrentHashMap<>();
    private final java.util.Set<Integer> tiles = ConcurrentHashMap.newKeySet();

    @Override
    public void accept(SpecificRecord event) {
        streams.computeIfAbsent(Trace.stream(event), t -> new StreamPrints()).add(event);
        if (event instanceof org.xbarsim.api.event.RowFinished r) {
            tiles.add(r.getTile());
        }
    }

    /** Events seen, over all streams. */
    public long events() {
        long n = 0;
        for (StreamPrints t : streams.values()) {
            n += t.size;
        }
        return n;
    }

    /** Tiles with finished rows seen. */
    public int tiles() {
        return tiles.size();
    }

    /** Where two runs' event streams first differ: a stream ({@link Trace#stream}), and the index of the event in it. */
    public record Divergence(long stream, int index, int recordedEvents, int replayedEvents) {
        /** Whether one stream simply ends first (the events up to there being equal). */
        public boolean lengthOnly() {
            return index >= Math.min(recordedEvents, replayedEvents);
        }

        /** Where, for people: "tile 0 row 3, event 5" or "the timeline, event 17". */
        public String where() {
            return Trace.describe(stream) + ", event " + index;
        }

        /** Whether an event belongs to the stream that diverged. */
        public boolean inStream(SpecificRecord event) {
            return Trace.stream(event) == stream;
        }
    }

    /**
     * The first difference between a recording and a replay, rows in (tile, row) order and the
     * timeline last (a row that differs shows in the timeline too, but less clearly); null when none.
     */
    public static Divergence firstDivergence(EventPrints recorded, EventPrints replayed) {
        TreeMap<Long, StreamPrints> a = new TreeMap<>(recorded.streams);
        TreeMap<Long, StreamPrints> b = new TreeMap<>(replayed.streams);
        TreeMap<Long, Boolean> all = new TreeMap<>();
        a.keySet().forEach(t -> all.put(t, true));
        b.keySet().forEach(t -> all.put(t, true));
        StreamPrints none = new StreamPrints();
        for (long stream : all.keySet()) {
            StreamPrints x = a.getOrDefault(stream, none);
            StreamPrints y = b.getOrDefault(stream, none);
            int n = Math.min(x.size, y.size);
            for (int i = 0; i < n; i++) {
                if (x.lo[i] != y.lo[i] || x.hi[i] != y.hi[i]) {
                    return new Divergence(stream, i, x.size, y.size);
                }
            }
            if (x.size != y.size) {
                return new Divergence(stream, n, x.size, y.size);
            }
        }
        return null;
    }

    /** One stream's fingerprints, in primitive arrays. */
    private static final class StreamPrints {
        long[] lo = new long[16];
        long[] hi = new long[16];
        int size;

        void add(SpecificRecord event) {
            if (size == lo.length) {
                lo = Arrays.copyOf(lo, 2 * size);
                hi = Arrays.copyOf(hi, 2 * size);
            }
            Fingerprint f = new Fingerprint();
            f.record(event);
            lo[size] = f.finishLo();
            hi[size] = f.finishHi();
            size++;
        }
    }

    /**
     * Two 64-bit lanes in the manner of MurmurHash3 x64/128: each value is mixed into both lanes with
     * different constants, and both are finalised with its avalanche step. Values are taken as the
     * fields' contents (bytes in a fixed byte order), so a record decoded from a file and one built
     * by a run fingerprint alike when they are equal.
     */
    static final class Fingerprint {
        private static final long C1 = 0x87c37b91114253d5L;
        private static final long C2 = 0x4cf5ad432745937fL;
        private long h1 = 0x9e3779b97f4a7c15L;
        private long h2 = 0xc2b2ae3d27d4eb4fL;
        private long length;

        void record(SpecificRecord event) {
            Schema schema = event.getSchema();
            mix(schema.getFullName().hashCode());
            for (Schema.Field f : schema.getFields()) {
                value(event.get(f.pos()));
            }
        }

        private void value(Object v) {
            if (v == null) {
                mix(0x5bd1e995L);
            } else if (v instanceof Integer i) {
                mix(i);
            } else if (v instanceof Long l) {
                mix(l);
            } else if (v instanceof Double d) {
                mix(Double.doubleToRawLongBits(d));
            } else if (v instanceof Float f) {
                mix(Float.floatToRawIntBits(f));
            } else if (v instanceof Boolean b) {
                mix(b ? 1 : 2);
            } else if (v instanceof Enum<?> e) {
                mix(e.ordinal());
            } else if (v instanceof ByteBuffer b) {
                bytes(b);
            } else if (v instanceof SpecificRecord r) {
                record(r);
            } else {
                String s = v.toString();
                mix(s.length());
                for (int i = 0; i < s.length(); i++) {
                    mix(s.charAt(i));
                }
            }
        }

        private void bytes(ByteBuffer buffer) {
            ByteBuffer b = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            int p = b.position();
            int end = b.limit();
            mix(end - p);
            for (; p + 8 <= end; p += 8) {
                mix(b.getLong(p));
            }
            long tail = 0;
            for (int shift = 0; p < end; p++, shift += 8) {
                tail |= (b.get(p) & 0xffL) << shift;
            }
            mix(tail);
        }

        private void mix(long k) {
            long k1 = Long.rotateLeft(k * C1, 31) * C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            long k2 = Long.rotateLeft(k * C2, 33) * C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
            length++;
        }

        long finishLo() {
            return avalanche(h1 ^ length);
        }

        long finishHi() {
            return avalanche(h2 ^ (length * C1));
        }

        private static long avalanche(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb9fe1a85ec53L;
            k ^= k >>> 33;
            return k;
        }
    }
}
