package org.xbarsim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.xbarsim.api.param.Component;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Preset;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.scenario.ChipSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xbarsim plugins}: every extension with its parameters, units, defaults, ranges and presets. */
@Command(name = "plugins", description = "List the chip parameters and every plugin extension with its "
        + "parameters, units, defaults and presets.")
final class PluginsCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    org.xbarsim.cli.options.PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (org.xbarsim.explore.SimulatorHost host = plugins.open(spec.commandLine().getErr())) {
            PluginCatalog catalog = host.catalog();
            out.println("chip (built in)");
            printParameters(out, "chip", ChipSpec.PARAMETERS);
            out.println();
            out.println("inference (built in; for workloads that run a network after programming)");
            printParameters(out, "inference", org.xbarsim.engine.scenario.InferenceSpec.PARAMETERS);
            out.println();
            out.println("lifecycle (built in; for workloads that run a network: a chip's working life after programming)");
            printParameters(out, "lifecycle", org.xbarsim.engine.scenario.LifecycleSpec.PARAMETERS);
            section(out, catalog, "device", "device models", catalog.devices());
            section(out, catalog, "programming", "programming policies", catalog.policies());
            section(out, catalog, "workload", "workloads", catalog.workloads());
            section(out, catalog, "cost", "cost models", catalog.costModels());
        }
        out.flush();
        return 0;
    }

    private static void section(java.io.PrintWriter out, PluginCatalog catalog, String prefix, String title,
                                List<? extends Component> components) {
        out.println();
        out.println(title + " (" + prefix + ".impl)");
        if (components.isEmpty()) {
            out.println("  none installed");
        }
        for (Component c : components) {
            out.println();
            out.println("  " + c.id() + "  [" + catalog.originOf(c) + "]");
            out.println("    " + c.description());
            printParameters(out, prefix, c.parameters());
            for (Preset p : c.presets()) {
                out.println("    preset " + p.name() + ": " + p.citation());
            }
        }
    }

    private static void printParameters(java.io.PrintWriter out, String prefix, List<ParameterSpec> specs) {
        for (ParameterSpec s : specs) {
            String unit = s.quantity().hasUnit() ? s.quantity().canonicalUnit() : s.quantity().noun();
            String def = s.defaultValue() == null ? "(none)" : s.defaultValue();
            out.printf("    %-28s %-12s default %-8s range %s%n", prefix + "." + s.name(), unit, def,
                    s.rangeText());
            out.println("        " + s.description());
        }
    }
}
