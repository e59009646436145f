package org.xbarsim.engine.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.fixtures.TinyRuns;
import org.xbarsim.engine.scenario.Scenario;

class ScenarioFootprintTest {
    @TempDir
    Path dir;

    @Test
    void aDeclaredMatrixThatCannotFitIsRefusedByItsKeyAndLayersByTheirShape() throws IOException {
        Scenario small = TinyRuns.scenario(dir);
        ScenarioFootprint fits = ScenarioFootprint.of(small);
        fits.checkDeclared();
        fits.checkLayers(List.of(new WeightLayer("m", 8, 12, new double[96])));
        InputError declared = assertThrows(InputError.class, () -> ScenarioFootprint.of(TinyRuns.scenario(dir,
                "workload.rows=60000", "workload.cols=60000")).checkDeclared());
        assertTrue(declared.getMessage().contains("tiny.yaml: workload.rows: expected a run that fits the Java heap"),
                declared.getMessage());
        // 250 layers of 2000 x 2000 (sharing one array here): a billion weights, what a model file could hold.
        double[] shared = new double[2000 * 2000];
        List<WeightLayer> many = java.util.Collections.nCopies(250, new WeightLayer("l", 2000, 2000, shared));
        InputError layers = assertThrows(InputError.class, () -> fits.checkLayers(many));
        assertTrue(layers.getMessage().startsWith(small.source() + ": expected a run that fits the Java heap")
                && layers.getMessage().contains("1,000,000,000 weights"), layers.getMessage());
    }

    /** A device whose fabrication fails: the estimate falls back, the run reports the plugin's error itself. */
    static final class Broken implements DeviceModel {
        public String id() {
            return "broken";
        }

        public String description() {
            return "fails";
        }

        public List<ParameterSpec> parameters() {
            return List.of();
        }

        public DeviceArray fabricate(Parameters p, int count, RandomStream r) {
            throw new IllegalStateException("no");
        }
    }

    @Test
    void aDeviceThatCannotFabricateAProbeGetsTheFallbackAndProbesAreRemembered() {
        Broken broken = new Broken();
        Parameters none = Parameters.of(List.of());
        assertEquals(DeviceFootprint.FALLBACK_BYTES, DeviceFootprint.bytesPerDevice(broken, none));
        assertEquals(DeviceFootprint.FALLBACK_BYTES, DeviceFootprint.bytesPerDevice(broken, none));
    }
}
