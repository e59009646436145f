package org.xbarsim.engine.run;

import org.xbarsim.api.io.InputError;

/**
 * How many event loops (or workers) a run may be asked for, checked in one place for every option
 * and every summary that states it.
 */
public final class EventLoops {
    /**
     * The most a run takes: a bound on what an option or a summary may claim (each loop is a thread
     * with its own stack), far above the cores of any machine xbarsim runs on.
     */
    public static final int MAX = 1024;

    private EventLoops() {
    }

    /**
     * {@code requested} when in 1..{@link #MAX}, {@code whenAbsent} when it is null; otherwise an
     * InputError on {@code option} ("expected 1..1024, got N").
     */
    public static int check(String option, Integer requested, int whenAbsent) {
        if (requested == null) {
            return whenAbsent;
        }
        if (requested < 1 || requested > MAX) {
            throw new InputError(option, "", "expected 1.." + MAX + ", got " + requested);
        }
        return requested;
    }

    /** All the cores of this machine, the default of a single run. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
