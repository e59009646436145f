package org.xbarsim.explore.cluster;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One line per dropped message, at most one a second for each address: a peer that floods a member
 * with malformed messages must not flood its log too; the lines held back are counted in the next one.
 */
public final class DropLog {
    static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Consumer<String> println;
    private final LongSupplier clock;
    private final java.util.Map<String, long[]> byAddress = new java.util.HashMap<>();

    public DropLog(Consumer<String> println, LongSupplier nanoClock) {
        this.println = println;
        this.clock = nanoClock;
    }

    /** Logs "dropped a message on ADDRESS: WHY" (one line), or counts it if a line went out this second. */
    public synchronized void dropped(String address, String why) {
        long now = clock.getAsLong();
        // {time of the last line, lines held back since}; addresses are a sweep's few.
        long[] state = byAddress.get(address);
        if (state != null && now - state[0] < INTERVAL_NANOS) {
            state[1]++;
            return;
        }
        long heldBack = state == null ? 0 : state[1];
        if (byAddress.size() < 64 || state != null) {
            byAddress.put(address, new long[] {now, 0});
        }
        String more = heldBack == 0 ? "" : " (and " + heldBack + " more since the last such line)";
        println.accept("  dropped a message on " + address + ": " + oneLine(why) + more);
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\p{Cntrl}+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
