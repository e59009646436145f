package org.xbarsim.engine.footprint;

import java.util.List;
import org.xbarsim.api.inference.InferenceWorkload;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.scenario.Scenario;

/**
 * A scenario's run checked against the heap twice before its large arrays exist: from its keys, before
 * the workload makes its matrix (a synthetic matrix's {@code workload.rows} and {@code cols}), and from
 * the layers the workload made, before targets are mapped and tiles fabricated.
 */
public final class ScenarioFootprint {
    private final Scenario scenario;
    private final double bytesPerDevice;
    private final long maxHeap;

    private ScenarioFootprint(Scenario scenario, double bytesPerDevice, long maxHeap) {
        this.scenario = scenario;
        this.bytesPerDevice = bytesPerDevice;
        this.maxHeap = maxHeap;
    }

    /** Probes the scenario's device plugin for its bytes per device; checks against this JVM's heap. */
    public static ScenarioFootprint of(Scenario s) {
        return new ScenarioFootprint(s, DeviceFootprint.bytesPerDevice(s.device(), s.deviceParameters()),
                Runtime.getRuntime().maxMemory());
    }

    /** Refuses the run if the matrix its workload keys declare cannot fit (nothing declared: nothing to check). */
    public void checkDeclared() {
        Object rows = scenario.workloadParameters().asMap().get("rows");
        Object cols = scenario.workloadParameters().asMap().get("cols");
        if (rows instanceof Double r && cols instanceof Double c && r >= 1 && c >= 1) {
            footprint(List.of(new int[] {(int) Math.min(r, Integer.MAX_VALUE), (int) Math.min(c, Integer.MAX_VALUE)}))
                    .check(maxHeap, scenario.source(), "workload.rows");
        }
    }

    /** Refuses the run if the layers the workload made cannot be programmed in the heap. */
    public void checkLayers(List<WeightLayer> layers) {
        footprint(layers.stream().map(l -> new int[] {l.rows(), l.cols()}).toList())
                .check(maxHeap, scenario.source(), "");
    }

    private RunFootprint footprint(List<int[]> shapes) {
        return RunFootprint.of(shapes, scenario.chip().tileRows(), scenario.chip().tileCols(),
                scenario.chip().devicesPerCell(), bytesPerDevice,
                scenario.workload() instanceof InferenceWorkload, Runtime.getRuntime().availableProcessors());
    }
}
