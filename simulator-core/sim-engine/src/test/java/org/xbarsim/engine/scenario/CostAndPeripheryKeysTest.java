package org.xbarsim.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.cost.CostContext;
import org.xbarsim.api.cost.CostModel;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.Workload;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.PluginFailure;

/** The cost section of a scenario and the periphery's chip keys, as the loader resolves them. */
class CostAndPeripheryKeysTest {
    @TempDir
    Path dir;

    /** A cost model whose ADC energy is a parameter; "boom" and "bad" make it fail as a plugin or as input. */
    private static final CostModel FIXED = new CostModel() {
        public String id() {
            return "fixed";
        }

        public String description() {
            return "test costs";
        }

        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.of("adc", Quantity.ENERGY, "2pJ", 0, 1e6, "per conversion"),
                    ParameterSpec.choice("fail", "no", List.of("no", "boom", "bad"), "how to fail"));
        }

        public Costs price(Parameters p, CostContext c) {
            if (p.text("fail").equals("boom")) {
                throw new IllegalStateException("kaput");
            }
            if (p.text("fail").equals("bad")) {
                throw c.error("fail", "expected a table");
            }
            return new Costs(id(), 1, 2, 3, 0.2, p.number("adc") * c.chip().adcBits(), 0, 0, 0, 0, 0,
                    new TileArea(1, 2, 3, 4));
        }
    };

    private static final Workload ONE = new Workload() {
        public String id() {
            return "one";
        }

        public String description() {
            return "one weight";
        }

        public List<ParameterSpec> parameters() {
            return List.of();
        }

        public List<WeightLayer> layers(WorkloadContext c) {
            return List.of(new WeightLayer("one", 1, 1, new double[] {1}));
        }
    };

    private static final String BASE = """
            chip:
              tile: {rows: 8, cols: 8}
              adc: {bits: 8}
            device:
              impl: ideal
            programming:
              impl: step
            workload:
              impl: one
            """;

    private Scenario load(String... overrides) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, BASE);
        PluginCatalog catalog = PluginCatalog.of(List.of(new IdealDevices()), List.of(new StepPolicy()),
                List.of(ONE), List.of(FIXED));
        return new ScenarioLoader(catalog).load(f, List.of(overrides), null);
    }

    @Test
    void theDefaultIsTheFlatModelChargingTheChipsEnergies() throws IOException {
        Scenario s = load("chip.energy.adc=3pJ");
        assertEquals("flat", s.cost().id());
        assertEquals("flat", s.effective().get("cost.impl"));
        assertEquals(3, s.chip().costs().adc());
        assertEquals(s.chip().setPicojoules(), s.chip().costs().set());
        assertFalse(s.chip().costs().area().known());
    }

    @Test
    void aChosenModelPricesTheChipWithItsOwnKeys() throws IOException {
        Scenario s = load("cost.impl=fixed", "cost.adc=0.5pJ");
        assertEquals("fixed", s.chip().costs().model());
        assertEquals(0.5 * 8, s.chip().costs().adc(), 1e-12);
        assertEquals("0.5pJ", s.effective().get("cost.adc"));
        assertNotNull(s.parameter("cost.adc"), "a sweep can vary a cost key");
        assertEquals(10, s.chip().costs().area().total());
    }

    @Test
    void costErrorsNameTheKeyOrTheModel() {
        InputError unknown = assertThrows(InputError.class, () -> load("cost.impl=accelergy"));
        assertTrue(unknown.getMessage().contains("cost.impl") && unknown.getMessage().contains("unknown cost model")
                && unknown.getMessage().contains("fixed"), unknown.getMessage());
        InputError key = assertThrows(InputError.class, () -> load("cost.impl=fixed", "cost.adcc=1pJ"));
        assertTrue(key.getMessage().contains("cost.adcc"), key.getMessage());
        InputError input = assertThrows(InputError.class, () -> load("cost.impl=fixed", "cost.fail=bad"));
        assertTrue(input.getMessage().contains("cost.fail: expected a table"), input.getMessage());
        PluginFailure plugin = assertThrows(PluginFailure.class, () -> load("cost.impl=fixed", "cost.fail=boom"));
        assertTrue(plugin.getMessage().contains("cost model fixed") && plugin.getMessage().contains("kaput"),
                plugin.getMessage());
    }

    @Test
    void peripheryKeysResolveToTheBuiltPeriphery() throws IOException {
        Scenario s = load("chip.adc.architecture=cco", "chip.timing.adcLsb=300ps", "chip.wire.row=2ohm",
                "chip.wire.col=0.5kohm", "chip.wire.verifyReads=ideal", "chip.adc.offsetSigma=1.5",
                "chip.adc.calibration=affine");
        assertEquals("cco", s.chip().periphery().adcArchitecture());
        assertEquals(77, s.chip().periphery().adcConversionCycles(), "256 x 300 ps at 1 GHz, rounded up");
        assertEquals(2, s.chip().periphery().wires().rowOhms());
        assertEquals(500, s.chip().periphery().wires().colOhms());
        assertFalse(s.chip().periphery().wires().verifyReads());
        assertEquals(1.5, s.chip().periphery().adcErrors().offsetSigma());
        assertTrue(s.chip().periphery().adcErrors().calibration());
        Scenario plain = load();
        assertEquals(8, plain.chip().periphery().adcConversionCycles(), "8 SAR bits of one cycle");
        assertTrue(plain.chip().periphery().adcErrors().ideal());
        assertFalse(plain.chip().periphery().wires().present());
        InputError e = assertThrows(InputError.class, () -> load("chip.wire.row=2"));
        assertTrue(e.getMessage().contains("chip.wire.row") && e.getMessage().contains("ohm"), e.getMessage());
    }
}
