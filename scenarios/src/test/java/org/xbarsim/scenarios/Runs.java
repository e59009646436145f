package org.xbarsim.scenarios;

import java.nio.file.Path;
import java.util.List;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;

/**
 * Runs scenarios in-process the way {@code xbarsim run} does, with the real plugin jars of the
 * distribution loaded by PF4J (never from the test class path).
 */
final class Runs {
    private static PluginCatalog catalog;

    private Runs() {
    }

    static synchronized PluginCatalog catalog() {
        if (catalog == null) {
            catalog = PluginCatalog.load(Path.of(pluginDir()));
        }
        return catalog;
    }

    /** The distribution's plugin directory. */
    static String pluginDir() {
        return System.getProperty("xbarsim.plugins", "../tools/cli/target/xbarsim/plugins");
    }

    /** Runs a scenario file of this module with overrides; returns summary.json's content. */
    static RunSummary run(String file, int threads, String... overrides) {
        return run(file, null, threads, overrides);
    }

    static RunSummary run(String file, Long seed, int threads, String... overrides) {
        Scenario scenario = new ScenarioLoader(catalog()).load(Path.of(file), List.of(overrides), seed);
        Simulator simulator = new Simulator(catalog());
        return simulator.run(simulator.prepare(scenario), threads, RunListener.NONE);
    }
}
