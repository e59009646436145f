package org.xbarsim.engine.kernel;

/** What a kernel event does when its cycle comes. Components own and reuse their actions. */
@FunctionalInterface
public interface Action {
    void fire(long cycle);

    /**
     * Whether the event can fire now. An event whose input is still being computed elsewhere (a
     * row's functional log, see {@link Kernel#runWhileReady()}) says no, and the kernel stops before
     * it rather than firing out of order. Most actions are always ready.
     */
    default boolean ready() {
        return true;
    }
}
