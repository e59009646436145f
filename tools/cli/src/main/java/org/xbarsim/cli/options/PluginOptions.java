package org.xbarsim.cli.options;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.engine.plugin.ExitGuard;
import org.xbarsim.explore.SimulatorHost;
import picocli.CommandLine.Option;

/**
 * {@code --plugins DIR}: where the plugin jars are (the launcher's {@code xbarsim.plugins} property by
 * default); {@code --plugin-timeout}: how long a plugin may hold a run without progress.
 */
public final class PluginOptions {
    /** A plugin call may go this long without the run making progress (--plugin-timeout's default). */
    public static final String DEFAULT_TIMEOUT = "5min";
    /** The command line's status for a failed run (Main.FAILURE). */
    private static final int FAILURE = 1;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of plugin jars (default: the "
            + "distribution's).")
    Path pluginDir;

    @Option(names = "--plugin-timeout", paramLabel = "TIME", description = "A plugin call during which a run makes "
            + "no progress for this long is named and the command stopped, exit status 1 (default 5min; a resumed "
            + "sweep keeps the points done).")
    String pluginTimeout = DEFAULT_TIMEOUT;

    /**
     * Opens the host over the plugin directory, its runs watched (--plugin-timeout: a plugin that makes
     * no progress for that long is named in one line and the process ends with status 1, as its thread
     * cannot be stopped); each jar left out is one warning line on {@code err}.
     */
    public SimulatorHost open(PrintWriter err) {
        Duration limit = timeout();
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
        ExitGuard.watching(host.catalog());
        host.watchPlugins(limit, hang -> {
            err.println("xbarsim: " + hang.message());
            err.flush();
            Runtime.getRuntime().halt(FAILURE);
        });
        for (String problem : host.pluginProblems()) {
            err.println("xbarsim: warning: " + dir.resolve(problem) + " (not loaded; the other plugins are)");
        }
        err.flush();
        return host;
    }

    /** --plugin-timeout's value, checked (before anything is claimed or read). */
    public Duration timeout() {
        double seconds;
        try {
            seconds = Quantity.TIME.parse(pluginTimeout);
        } catch (IllegalArgumentException e) {
            throw new InputError("--plugin-timeout", "", e.getMessage());
        }
        if (seconds < 1 || seconds > 7 * 86400) {
            throw new InputError("--plugin-timeout", "", "expected 1s..7d, got " + pluginTimeout);
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
