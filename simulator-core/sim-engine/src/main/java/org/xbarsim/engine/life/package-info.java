/**
 * A chip's working life ({@code lifecycle:} in a scenario): the first programming, then simulated
 * time on the chip's clock in which the network serves requests and drifts, drift-compensation reads
 * rescale it, refreshes program the weights that left tolerance again in place, and a new network may
 * be loaded; each activity costs time (the network offline), energy and pulses. Out come the accuracy
 * against time, availability, the energy split and the endurance ledger ({@link
 * org.xbarsim.engine.life.LifecycleResult}), and their plots.
 */
package org.xbarsim.engine.life;
