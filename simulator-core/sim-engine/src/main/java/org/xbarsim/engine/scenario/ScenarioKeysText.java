package org.xbarsim.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.param.Component;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Preset;
import org.xbarsim.engine.plugin.PluginCatalog;

/**
 * Every scenario key a catalog knows, as the lines {@code xbarsim plugins} prints: the built-in
 * sections (chip, inference, lifecycle), then each extension with its origin, parameters (unit,
 * default, range, one sentence) and presets. Lines carry no line separators.
 */
public final class ScenarioKeysText {
    private ScenarioKeysText() {
    }

    /** The lines describing the built-in keys and every extension of {@code catalog}. */
    public static List<String> lines(PluginCatalog catalog) {
        List<String> out = new ArrayList<>();
        out.add("chip (built in)");
        parameters(out, "chip", ChipSpec.PARAMETERS);
        out.add("");
        out.add("inference (built in; for workloads that run a network after programming)");
        parameters(out, "inference", InferenceSpec.PARAMETERS);
        out.add("");
        out.add("lifecycle (built in; for workloads that run a network: a chip's working life after programming)");
        parameters(out, "lifecycle", LifecycleSpec.PARAMETERS);
        section(out, catalog, "device", "device models", catalog.devices());
        section(out, catalog, "programming", "programming policies", catalog.policies());
        section(out, catalog, "workload", "workloads", catalog.workloads());
        section(out, catalog, "cost", "cost models", catalog.costModels());
        return out;
    }

    private static void section(List<String> out, PluginCatalog catalog, String prefix, String title,
                                List<? extends Component> components) {
        out.add("");
        out.add(title + " (" + prefix + ".impl)");
        if (components.isEmpty()) {
            out.add("  none installed");
        }
        for (Component c : components) {
            out.add("");
            out.add("  " + c.id() + "  [" + catalog.originOf(c) + "]");
            out.add("    " + c.description());
            parameters(out, prefix, c.parameters());
            for (Preset p : c.presets()) {
                out.add("    preset " + p.name() + ": " + p.citation());
            }
        }
    }

    private static void parameters(List<String> out, String prefix, List<ParameterSpec> specs) {
        for (ParameterSpec s : specs) {
            String unit = s.quantity().hasUnit() ? s.quantity().canonicalUnit() : s.quantity().noun();
            String def = s.defaultValue() == null ? "(none)" : s.defaultValue();
            out.add(String.format("    %-28s %-12s default %-8s range %s", prefix + "." + s.name(), unit, def,
                    s.rangeText()));
            out.add("        " + s.description());
        }
    }
}
