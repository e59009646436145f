package org.xbarsim.explore.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.explore.Fixtures;
import org.xbarsim.explore.SimulatorHost;

/** Variations of a scenario as values: each a new spec, equal when they make the same changes. */
class ScenarioSpecTest {
    @TempDir
    Path dir;

    @Test
    void variationsApplyInOrderAndASecondSettingOfAKeyReplacesTheFirst() {
        ScenarioSpec base = Fixtures.scenario(dir);
        ScenarioSpec a = base.with("programming.budget", 5).with("chip.adc.bits", 8).with("programming.budget", 7);
        ScenarioSpec b = base.with("chip.adc.bits", 8).with("programming.budget", 7);
        assertEquals(b, a, "setting a key twice is setting it once, to the last value");
        assertEquals(List.of("chip.adc.bits=8", "programming.budget=7"), a.describe());
        assertEquals("7", a.setting("programming.budget"));
        assertNull(a.setting("chip.clock"), "left to the file");
        assertNotEquals(base, a);
        assertEquals(base, a.dropSetting("chip.adc.bits").dropSetting("programming.budget"));
        SimulatorHost host = Fixtures.host();
        Scenario s = host.load(a.withSeed(9));
        assertEquals(8, s.chip().adcBits());
        assertEquals(7, s.policyParameters().integer("budget"));
        assertEquals(9, s.seed());
    }

    @Test
    void numbersAreWrittenAsAScenarioWritesThem() {
        ScenarioSpec s = Fixtures.scenario(dir).with("device.step", "2uS").with("programming.budget", 12L)
                .with("device.readVariance", 0.25);
        assertEquals(List.of("device.step=2uS", "programming.budget=12", "device.readVariance=0.25"), s.describe());
        assertEquals("12", Fixtures.scenario(dir).with("programming.budget", 12.0).setting("programming.budget"));
    }

    @Test
    void withoutRemovesAKeyAndEverythingUnderIt() {
        ScenarioSpec s = ScenarioSpec.of(Fixtures.SCENARIO + "  rows: 3\n", dir.resolve("s.yaml"));
        SimulatorHost host = Fixtures.host();
        assertEquals(3, host.load(s).workloadParameters().integer("rows"));
        Scenario defaults = host.load(s.without("workload").with("workload.impl", "matrix"));
        assertEquals(12, defaults.workloadParameters().integer("rows"), "the workload's default again");
    }

    @Test
    void aBadVariationIsNamedAsOneMadeInCode() {
        InputError e = assertThrows(InputError.class, () -> Fixtures.host().load(Fixtures.scenario(dir)
                .with("chip.adc.bits", 99)));
        assertTrue(e.getMessage().startsWith("with: chip.adc.bits: "), e.getMessage());
    }
}
