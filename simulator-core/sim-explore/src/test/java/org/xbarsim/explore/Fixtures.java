package org.xbarsim.explore;

import java.nio.file.Path;
import java.util.List;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.Workload;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.explore.scenario.ScenarioSpec;

/**
 * A small world for the library's tests: the engine's ideal device and step policy (every outcome
 * predictable) and a matrix workload, on 8x8 tiles; a run takes milliseconds.
 */
public final class Fixtures {
    /** A rows x cols matrix of (i % 7) - 1: targets -9 .. 45 uS, reached in 3 uS steps of W except -9. */
    public static final class MatrixWorkload implements Workload {
        @Override
        public String id() {
            return "matrix";
        }

        @Override
        public String description() {
            return "Test workload: a small integer matrix.";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.of("rows", Quantity.INTEGER, "12", 1, 1000, "rows"),
                    ParameterSpec.of("cols", Quantity.INTEGER, "10", 1, 1000, "columns"));
        }

        @Override
        public List<WeightLayer> layers(WorkloadContext c) {
            int rows = c.parameters().integer("rows");
            int cols = c.parameters().integer("cols");
            double[] w = new double[rows * cols];
            for (int i = 0; i < w.length; i++) {
                w[i] = (i % 7) - 1;
            }
            return List.of(new WeightLayer("m", rows, cols, w));
        }
    }

    public static final String SCENARIO = """
            name: small
            seed: 1
            chip:
              tile: {rows: 8, cols: 8}
            device:
              impl: ideal
            programming:
              impl: step
            workload:
              impl: matrix
            """;

    private Fixtures() {
    }

    /** A host over the fixtures' plugins. */
    public static SimulatorHost host() {
        return SimulatorHost.of(PluginCatalog.of(List.of(new IdealDevices()), List.of(new StepPolicy()),
                List.of(new MatrixWorkload())));
    }

    /** The small scenario, as if it stood in {@code dir}. */
    public static ScenarioSpec scenario(Path dir) {
        return ScenarioSpec.of(SCENARIO, dir.resolve("small.yaml"));
    }
}
