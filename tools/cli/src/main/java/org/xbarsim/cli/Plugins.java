package org.xbarsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.xbarsim.api.io.InputError;
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
        for (String problem : catalog.problems()) {
            warnings.println("xbarsim: warning: " + dir.resolve(problem) + " (not loaded; the other plugins are)");
        }
        warnings.flush();
        return catalog;
    }
}
