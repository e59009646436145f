package org.xbarsim.engine.scenario;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xbarsim.api.cost.CostModel;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.workload.Workload;
import org.xbarsim.engine.hw.ChipConfig;

/**
 * A loaded and validated scenario: every key known, every value in canonical units, every plugin
 * bound by id.
 *
 * @param name       scenario name (the {@code name:} key, or the file name without extension)
 * @param source     the file as given, for messages
 * @param baseDir    where relative paths in the scenario resolve
 * @param seed       the scenario seed after overrides
 * @param chip       resolved chip
 * @param inference  the {@code inference.*} parameters, for workloads that run inference; else null
 * @param effective  every key with the value in force, as written (defaults, presets, file, --set), in
 *                   a stable order: what was actually run
 * @param cost       the cost model that priced the chip ({@code cost.impl}), with its preset and parameters
 * @param lifecycle  the {@code lifecycle.*} parameters when the scenario follows the chip through a working
 *                   life; else null
 */
public record Scenario(String name, String source, Path baseDir, long seed, ChipConfig chip,
                       DeviceModel device, String devicePreset, Parameters deviceParameters,
                       ProgrammingPolicy policy, String policyPreset, Parameters policyParameters,
                       Workload workload, String workloadPreset, Parameters workloadParameters,
                       Parameters inference, Map<String, String> effective,
                       CostModel cost, String costPreset, Parameters costParameters, Parameters lifecycle) {

    /**
     * The parameter a scenario key names: a chip or inference key, or a key of the device, policy or
     * workload this scenario chose; null when there is no such key (or for name, seed, impl, preset).
     */
    public ParameterSpec parameter(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String name = key.substring(dot + 1);
        java.util.List<ParameterSpec> specs = switch (key.substring(0, dot)) {
            case "chip" -> ChipSpec.PARAMETERS;
            case "inference" -> InferenceSpec.PARAMETERS;
            case "lifecycle" -> LifecycleSpec.PARAMETERS;
            case "device" -> device.parameters();
            case "programming" -> policy.parameters();
            case "workload" -> workload.parameters();
            case "cost" -> cost.parameters();
            default -> java.util.List.of();
        };
        for (ParameterSpec p : specs) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * This scenario read at another inference time ({@code 1h}, {@code 1y}): the same chip and
     * weights, the devices drifted for {@code time}. Refused, naming {@code inference.time}, when the
     * workload runs no inference or the time is not one.
     */
    public Scenario withInferenceTime(String time) {
        if (inference == null) {
            throw new InputError(source, "inference.time", "workload '" + workload.id() + "' programs weights only "
                    + "and runs no inference; there is no time to read it at");
        }
        ParameterSpec spec = parameter("inference.time");
        Object seconds;
        try {
            seconds = spec.parse(time);
        } catch (IllegalArgumentException e) {
            throw new InputError(source, "inference.time", e.getMessage());
        }
        Map<String, Object> values = new LinkedHashMap<>(inference.asMap());
        values.put(spec.name(), seconds);
        Map<String, String> keys = new LinkedHashMap<>(effective);
        keys.put("inference.time", time.trim());
        return new Scenario(name, source, baseDir, seed, chip, device, devicePreset, deviceParameters, policy,
                policyPreset, policyParameters, workload, workloadPreset, workloadParameters,
                new Parameters(values), Collections.unmodifiableMap(keys), cost, costPreset, costParameters, lifecycle);
    }

    /** The effective scenario as YAML-compatible text: one {@code key.path: value} line per key. */
    public String effectiveText() {
        StringBuilder b = new StringBuilder();
        effective.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }
}
