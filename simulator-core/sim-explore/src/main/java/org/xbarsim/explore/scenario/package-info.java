/**
 * Scenarios as values: {@link org.xbarsim.explore.scenario.ScenarioSpec}, a scenario's text with
 * typed variations ({@code spec.with("chip.adc.bits", 8)}), which sweeps and searches build their
 * points from and runners load.
 */
package org.xbarsim.explore.scenario;
