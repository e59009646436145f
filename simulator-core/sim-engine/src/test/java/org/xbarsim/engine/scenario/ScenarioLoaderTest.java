package org.xbarsim.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.Workload;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.plugin.PluginCatalog;

class ScenarioLoaderTest {
    @TempDir
    Path dir;

    /** The ideal device with a preset, to test precedence: default < preset < file < --set. */
    private static final class PresetDevices extends IdealDevices.Wrapper {
    }

    private static final Workload ONE = new Workload() {
        public String id() {
            return "one";
        }

        public String description() {
            return "one weight";
        }

        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.of("rows", Quantity.INTEGER, "1", 1, 10, "rows"));
        }

        public List<WeightLayer> layers(WorkloadContext c) {
            return List.of(new WeightLayer("one", 1, 1, new double[] {1}));
        }
    };

    private final PluginCatalog catalog = PluginCatalog.of(List.of(new PresetDevices()), List.of(new StepPolicy()),
            List.of(ONE));

    private Scenario load(String yaml, String... overrides) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return new ScenarioLoader(catalog).load(f, List.of(overrides), null);
    }

    private static final String BASE = """
            seed: 7
            chip:
              tile: {rows: 8, cols: 8}
              timing:
                set: 100ns
            device:
              impl: ideal
            programming:
              impl: step
            workload:
              impl: one
            """;

    @Test
    void defaultsPresetsFileAndOverridesApplyInThatOrder() throws IOException {
        Scenario s = load(BASE.replace("impl: ideal", "impl: ideal\n  preset: coarse\n  readVariance: 0.5"),
                "device.readVariance=0.25", "chip.clock=500MHz");
        assertEquals(7, s.seed());
        assertEquals("s", s.name());
        assertEquals(2.0, s.deviceParameters().number("step"), "from the preset");
        assertEquals(0.25, s.deviceParameters().number("readVariance"), "--set beats the file");
        assertEquals(50, s.chip().setCycles(), "100ns at 500MHz");
        assertEquals(8, s.chip().tileRows());
        assertEquals(256, ChipSpec.PARAMETERS.stream().filter(p -> p.name().equals("tile.cols")).findFirst()
                .map(p -> ((Double) p.parse(p.defaultValue())).intValue()).orElseThrow());
        assertEquals("0.25", s.effective().get("device.readVariance"));
        assertEquals("coarse", s.effective().get("device.preset"));
    }

    @Test
    void errorsNameTheFileLineAndKeyPath() {
        InputError e = assertThrows(InputError.class, () -> load(BASE.replace("set: 100ns", "sett: 100ns")));
        assertTrue(e.getMessage().contains("s.yaml:5") && e.getMessage().contains("chip.timing.sett")
                && e.getMessage().contains("did you mean 'chip.timing.set'"), e.getMessage());
        e = assertThrows(InputError.class, () -> load(BASE.replace("set: 100ns", "set: 0.1ps")));
        assertTrue(e.getMessage().contains("chip.timing.set"), e.getMessage());
        e = assertThrows(InputError.class, () -> load(BASE, "programming.impl=nope"));
        assertTrue(e.getMessage().contains("programming.impl") && e.getMessage().contains("step"), e.getMessage());
        e = assertThrows(InputError.class, () -> load(BASE + "extra: 1\n"));
        assertTrue(e.getMessage().contains("extra"), e.getMessage());
    }

    @Test
    void aSeedOnTheCommandLineWins() throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, BASE);
        assertEquals(99, new ScenarioLoader(catalog).load(f, List.of(), 99L).seed());
    }

    @Test
    void typeTagsAreRefusedNotConstructed() {
        for (String tagged : List.of("  set: !!java.io.File [\"/etc/passwd\"]", "  set: !custom 100ns",
                "  set: !!binary MTAwbnM=", "  !!java.lang.String set: 100ns")) {
            InputError e = assertThrows(InputError.class, () -> load(BASE.replace("  set: 100ns", "  " + tagged)));
            assertTrue(e.getMessage().startsWith(dir.resolve("s.yaml") + ":") && e.getMessage().toLowerCase().contains("tag"),
                    e.getMessage());
        }
    }

    @Test
    void anAliasBombIsRefusedBeforeItIsExpanded() {
        // Ten levels of nine aliases: 9^10 values if the loader walked the expansion.
        StringBuilder bomb = new StringBuilder("b0: &b0 {x: 1, y: 2}\n");
        for (int i = 1; i <= 10; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" {");
            for (int k = 0; k < 9; k++) {
                bomb.append(k == 0 ? "" : ", ").append("k").append(k).append(": *b").append(i - 1);
            }
            bomb.append("}\n");
        }
        InputError e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(InputError.class, () -> load(BASE + bomb)));
        assertTrue(e.getMessage().contains("s.yaml") && e.getMessage().contains("aliases"), e.getMessage());
    }

    @Test
    void aKeyOrValueFromTheFileCannotBreakTheOneLineMessage() {
        InputError e = assertThrows(InputError.class, () -> load(BASE + "\"bad\\nkey\": 1\n"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("bad\\nkey"), e.getMessage());
        e = assertThrows(InputError.class, () -> load(BASE.replace("100ns", "1" + "0".repeat(100_000) + "ns")));
        assertTrue(e.getMessage().length() < 1000 && e.getMessage().contains("characters)"), e.getMessage());
    }

    @Test
    void aSuggestionForAMistypedKeyIsTheWholePathToPasteBack() {
        // Before: "(did you mean 'adc.bits'?)", a key that is unknown at the top level of a scenario.
        InputError e = assertThrows(InputError.class, () -> load(BASE, "chip.adc.bitz=8"));
        assertTrue(e.getMessage().contains("(did you mean 'chip.adc.bits'?)"), e.getMessage());
        e = assertThrows(InputError.class, () -> load(BASE, "workload.rowz=2"));
        assertTrue(e.getMessage().contains("(did you mean 'workload.rows'?)"), e.getMessage());
    }

    private static final Workload FILES = new Workload() {
        public String id() {
            return "files";
        }

        public String description() {
            return "names a file";
        }

        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.path("data", "a file"), ParameterSpec.path("other", "another"));
        }

        public List<WeightLayer> layers(WorkloadContext c) {
            return List.of(new WeightLayer("one", 1, 1, new double[] {1}));
        }
    };

    @Test
    void everyFileKeyResolvesAgainstTheScenarioDirectoryWhateverThePlugin() throws IOException {
        // Before, a plugin saw the text as written: a workload resolved it against the scenario's
        // directory, a device (measured curves) against the working directory.
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path f = sub.resolve("s.yaml");
        Files.writeString(f, BASE.replace("impl: one", "impl: files\n  data: w.npy\n  other: builtin:example"));
        Scenario s = new ScenarioLoader(PluginCatalog.of(List.of(new PresetDevices()), List.of(new StepPolicy()),
                List.of(FILES))).load(f, List.of(), null);
        assertEquals(sub.toAbsolutePath().resolve("w.npy").toString(), s.workloadParameters().text("data"));
        assertEquals("builtin:example", s.workloadParameters().text("other"), "a resource the plugin ships");
        assertEquals("w.npy", s.effective().get("workload.data"), "the summary records the key as written");
    }

    @Test
    void settingsApplyInOrderRemoveWholeSectionsAndNameTheirOrigin() throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, BASE.replace("impl: ideal", "impl: ideal\n  preset: coarse"));
        ScenarioLoader loader = new ScenarioLoader(catalog);
        Scenario s = loader.load(ScenarioText.read(f), List.of(Setting.remove("device", "test"),
                Setting.of("device.impl", "ideal", "test"), Setting.of("chip.clock", "2GHz", "--grid")), 3L);
        assertEquals(null, s.devicePreset(), "the file's device section is gone");
        assertEquals("2GHz", s.effective().get("chip.clock"));
        assertEquals(3, s.seed());
        InputError e = assertThrows(InputError.class, () -> loader.load(ScenarioText.read(f),
                List.of(Setting.of("chip.clock", "fast", "--grid")), null));
        assertTrue(e.getMessage().startsWith("--grid: chip.clock: "), e.getMessage());
        InputError none = assertThrows(InputError.class, () -> Setting.parse("chip.clock", "--set"));
        assertEquals("--set: expected path=value, got 'chip.clock'", none.getMessage());
    }
}
