package org.xbarsim.engine.cluster;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One line per dropped message, at most one a second: a peer that floods a member with malformed
 * messages must not flood its log too; the lines held back are counted in the next one.
 */
public final class DropLog {
    static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Consumer<String> println;
    private final LongSupplier clock;
    private long last = Long.MIN_VALUE;
    private int heldBack;

    public DropLog(Consumer<String> println, LongSupplier nanoClock) {
        this.println = println;
        this.clock = nanoClock;
    }

    /** Logs "dropped a message on ADDRESS: WHY" (one line), or counts it if a line went out this second. */
    public synchronized void dropped(String address, String why) {
        long now = clock.getAsLong();
        if (last != Long.MIN_VALUE && now - last < INTERVAL_NANOS) {
            heldBack++;
            return;
        }
        last = now;
        String more = heldBack == 0 ? "" : " (and " + heldBack + " more since the last such line)";
        heldBack = 0;
        println.accept("  dropped a message on " + address + ": " + oneLine(why) + more);
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\p{Cntrl}+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
