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
 * A 128-bit fingerprint of every event of a run, per tile and in the tile's order: what an exact
 * replay compares instead of the events themselves. Sixteen bytes an event where the events take
 * over a kilobyte, so a replay of a trace of any size compares in little memory, and the recorded
 * side streams from its file. Two different events share a fingerprint with probability about
 * 2^-128; the first pair found to differ is then read again in full to say which field differs.
 *
 * <p>A sink for {@link Recording}: one tile's events arrive from one thread at a time.
 */
public final class EventPrints implements Consumer<SpecificRecord> {
    private final Map<Integer, TilePrints> tiles = new ConcurrentHashMap<>();

    @Override
    public void accept(SpecificRecord event) {
        tiles.computeIfAbsent(Trace.tileOf(event), t -> new TilePrints()).add(event);
    }

    /** Events seen, over all tiles. */
    public long events() {
        long n = 0;
        for (TilePrints t : tiles.values()) {
            n += t.size;
        }
        return n;
    }

    public int tiles() {
        return tiles.size();
    }

    /** Where two runs' event streams first differ: a tile, and the index of the event within it. */
    public record Divergence(int tile, int index, int recordedEvents, int replayedEvents) {
        /** Whether one stream simply ends first (the events up to there being equal). */
        public boolean lengthOnly() {
            return index >= Math.min(recordedEvents, replayedEvents);
        }
    }

    /** The first difference, in tile order, between a recording and a replay; null when none. */
    public static Divergence firstDivergence(EventPrints recorded, EventPrints replayed) {
        TreeMap<Integer, TilePrints> a = new TreeMap<>(recorded.tiles);
        TreeMap<Integer, TilePrints> b = new TreeMap<>(replayed.tiles);
        TreeMap<Integer, Boolean> all = new TreeMap<>();
        a.keySet().forEach(t -> all.put(t, true));
        b.keySet().forEach(t -> all.put(t, true));
        TilePrints none = new TilePrints();
        for (int tile : all.keySet()) {
            TilePrints x = a.getOrDefault(tile, none);
            TilePrints y = b.getOrDefault(tile, none);
            int n = Math.min(x.size, y.size);
            for (int i = 0; i < n; i++) {
                if (x.lo[i] != y.lo[i] || x.hi[i] != y.hi[i]) {
                    return new Divergence(tile, i, x.size, y.size);
                }
            }
            if (x.size != y.size) {
                return new Divergence(tile, n, x.size, y.size);
            }
        }
        return null;
    }

    /** One tile's fingerprints, in primitive arrays. */
    private static final class TilePrints {
        long[] lo = new long[1024];
        long[] hi = new long[1024];
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
