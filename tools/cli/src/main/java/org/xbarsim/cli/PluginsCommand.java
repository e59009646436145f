package org.xbarsim.cli;

import java.util.concurrent.Callable;
import org.xbarsim.engine.scenario.ScenarioKeysText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
            ScenarioKeysText.lines(host.catalog()).forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
