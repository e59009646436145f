package org.xbarsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.plugin.ExitGuard;
import org.xbarsim.engine.plugin.PluginCatalog;

/** Where the plugin jars are: --plugins, else the launcher's xbarsim.plugins property. */
final class Plugins {
    /** Where warnings about the plugin directory go: the command line's error stream (Main sets it). */
    static java.io.PrintWriter warnings = new java.io.PrintWriter(System.err, true);

    private Plugins() {
    }

    static PluginCatalog load(Path option) {
        Path dir = option;
        if (dir == null) {
            String property = System.getProperty("xbarsim.plugins");
            if (property == null) {
                throw new InputError("--plugins", "", "expected a plugin directory: give --plugins DIR or run "
                        + "through the xbarsim launcher");
            }
            dir = Path.of(property);
        }
        if (!Files.isDirectory(dir)) {
            throw new InputError("--plugins", "", "expected a directory of plugin jars, got " + dir);
        }
        PluginCatalog catalog = PluginCatalog.load(dir);
        ExitGuard.watching(catalog);
        for (String problem : catalog.problems()) {
            warnings.println("xbarsim: warning: " + dir.resolve(problem) + " (not loaded; the other plugins are)");
        }
        warnings.flush();
        return catalog;
    }

    /** A plugin call may go this long without the run making progress (--plugin-timeout's default). */
    static final String DEFAULT_TIMEOUT = "5min";

    /**
     * The simulator with its runs watched (--plugin-timeout): a plugin that makes no progress for that
     * long is named in one line and the process ends with status 1 (its thread cannot be stopped).
     */
    static Simulator watched(Simulator simulator, java.time.Duration limit, java.io.PrintWriter err) {
        return simulator.watchingPlugins(limit, hang -> {
            err.println("xbarsim: " + hang.message());
            err.flush();
            Runtime.getRuntime().halt(Main.FAILURE);
        });
    }

    /** --plugin-timeout's value, checked. */
    static java.time.Duration timeout(String text) {
        double seconds;
        try {
            seconds = Quantity.TIME.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputError("--plugin-timeout", "", e.getMessage());
        }
        if (seconds < 1 || seconds > 7 * 86400) {
            throw new InputError("--plugin-timeout", "", "expected 1s..7d, got " + text);
        }
        return java.time.Duration.ofMillis((long) (seconds * 1000));
    }
}
