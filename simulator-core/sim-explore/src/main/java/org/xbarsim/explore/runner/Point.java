package org.xbarsim.explore.runner;

import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * One run of an exploration: which (its index in the sweep or search), what (the scenario spec) and
 * how to name it for people ({@code programming.nMsp=10 chip.adc.bits=8}).
 */
public record Point(int index, ScenarioSpec scenario, String label) {
}
