package org.xbarsim.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.Workload;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.engine.fixtures.DriftingDevices;
import org.xbarsim.engine.fixtures.ProductWorkload;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.fixtures.TopUpPolicy;
import org.xbarsim.engine.plugin.PluginCatalog;

/** The lifecycle section of a scenario: validated like every other, with its own rules. */
class LifecycleKeysTest {
    @TempDir
    Path dir;

    /** Weights only, and no model key. */
    private static final Workload MATRIX = new Workload() {
        public String id() {
            return "matrix";
        }

        public String description() {
            return "weights only";
        }

        public List<ParameterSpec> parameters() {
            return List.of();
        }

        public List<WeightLayer> layers(WorkloadContext c) {
            return List.of(new WeightLayer("m", 1, 1, new double[] {1}));
        }
    };

    private final PluginCatalog catalog = PluginCatalog.of(List.of(new DriftingDevices()),
            List.of(new StepPolicy(), new TopUpPolicy()), List.of(new ProductWorkload(), MATRIX));

    private Scenario load(String policy, String workload, String lifecycle, String... overrides) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "device:\n  impl: drifting\nprogramming:\n  impl: " + policy + "\nworkload:\n  impl: "
                + workload + "\n" + lifecycle);
        return new ScenarioLoader(catalog).load(f, List.of(overrides), null);
    }

    @Test
    void aLifecycleSectionIsResolvedAndRecorded() throws IOException {
        Scenario s = load("top-up", "product", "lifecycle:\n  duration: 30d\n  refresh:\n    every: 7d\n");
        assertEquals(30 * 86_400, s.lifecycle().number("duration"), 1e-9);
        assertEquals(7 * 86_400, s.lifecycle().number("refresh.every"), 1e-9);
        assertEquals("30d", s.effective().get("lifecycle.duration"));
        assertEquals("1kHz", s.effective().get("lifecycle.requestRate"));
        assertEquals(LifecycleSpec.PARAMETERS.get(0), s.parameter("lifecycle.duration"));
        assertNull(load("top-up", "product", "").lifecycle(), "no section, no life");
        assertTrue(load("step", "product", "", "lifecycle.duration=2d").lifecycle() != null, "--set makes one too");
    }

    @Test
    void aLifeNeedsANetwork() {
        InputError e = assertThrows(InputError.class, () -> load("top-up", "matrix", "lifecycle:\n  duration: 1d\n"));
        assertEquals("lifecycle.duration", e.keyPath());
        assertTrue(e.getMessage().contains("runs no inference"), e.getMessage());
    }

    @Test
    void aRefreshNeedsAPolicyThatRefreshesInPlace() throws IOException {
        InputError e = assertThrows(InputError.class, () -> load("step", "product",
                "lifecycle:\n  refresh:\n    every: 7d\n"));
        assertEquals("lifecycle.refresh.every", e.keyPath());
        assertTrue(e.getMessage().contains("'step' cannot refresh weights in place"), e.getMessage());
        InputError trigger = assertThrows(InputError.class, () -> load("step", "product",
                "lifecycle:\n  refresh:\n    trigger: 0.1\n"));
        assertEquals("lifecycle.refresh.trigger", trigger.keyPath());
        load("step", "product", "lifecycle:\n  compensation:\n    every: 1h\n");
    }

    @Test
    void unknownKeysAndWrongUnitsAreNamed() {
        InputError unknown = assertThrows(InputError.class, () -> load("top-up", "product",
                "lifecycle:\n  durration: 1y\n"));
        assertEquals("lifecycle.durration", unknown.keyPath());
        assertTrue(unknown.getMessage().contains("did you mean 'lifecycle.duration'"), unknown.getMessage());
        InputError unit = assertThrows(InputError.class, () -> load("top-up", "product",
                "lifecycle:\n  duration: 1w\n"));
        assertEquals("lifecycle.duration", unit.keyPath());
    }
}
