package org.xbarsim.cli.options;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.SimulatorHost;
import picocli.CommandLine.Option;

/** {@code --plugins DIR}: where the plugin jars are; the launcher's {@code xbarsim.plugins} property by default. */
public final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of plugin jars (default: the "
            + "distribution's).")
    Path pluginDir;

    /** Opens the host over the plugin directory; each jar left out is one warning line on {@code err}. */
    public SimulatorHost open(PrintWriter err) {
        Path dir = pluginDir;
        if (dir == null) {
            String property = System.getProperty("xbarsim.plugins");
            if (property == null) {
                throw new InputError("--plugins", "", "expected a plugin directory: give --plugins DIR or run "
                        + "through the xbarsim launcher");
            }
            dir = Path.of(property);
        }
        SimulatorHost host = SimulatorHost.open(dir);
        for (String problem : host.pluginProblems()) {
            err.println("xbarsim: warning: " + dir.resolve(problem) + " (not loaded; the other plugins are)");
        }
        err.flush();
        return host;
    }
}
