package org.xbarsim.api.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives every random stream of a run from one scenario seed and the stream's name, e.g.
 * {@code tile3/read}. A stream depends only on (seed, name), so adding a component or running on
 * more threads never shifts another component's numbers.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public RandomStream stream(String name) {
        return new RandomStream(streamSeed(seed, name));
    }

    /** A child namespace: {@code streams.child("tile3").stream("read")} is {@code tile3/read}. */
    public Scope child(String prefix) {
        return new Scope(this, prefix);
    }

    static long streamSeed(long seed, String name) {
        // FNV-1a over the UTF-8 name, then two rounds of the SplitMix64 finaliser with the seed:
        // names that differ in one character give unrelated seeds.
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(mix(seed) ^ h);
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Streams under a name prefix. */
    public record Scope(RandomStreams root, String prefix) {
        public RandomStream stream(String name) {
            return root.stream(prefix + "/" + name);
        }

        public Scope child(String name) {
            return new Scope(root, prefix + "/" + name);
        }
    }
}
