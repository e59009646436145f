package org.xbarsim.engine.kernel;

/** What a kernel event does when its cycle comes. Components own and reuse their actions. */
@FunctionalInterface
public interface Action {
    void fire(long cycle);
}
