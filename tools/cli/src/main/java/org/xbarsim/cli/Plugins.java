package org.xbarsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.plugin.PluginCatalog;

/** Where the plugin jars are: --plugins, else the launcher's xbarsim.plugins property. */
final class Plugins {
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
        return PluginCatalog.load(dir);
    }
}
