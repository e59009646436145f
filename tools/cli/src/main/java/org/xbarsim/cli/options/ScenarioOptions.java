package org.xbarsim.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.scenario.Setting;
import org.xbarsim.explore.scenario.ScenarioSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario a command runs: {@code SCENARIO [--set path=value]... [--seed N]}. */
public final class ScenarioOptions {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    public Path file;

    @Option(names = "--set", paramLabel = "path=value", description = "Override a scenario key (repeatable), "
            + "e.g. --set chip.adc.bits=8.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario seed.")
    Long seed;

    /** The file with its {@code --set} settings and seed. */
    public ScenarioSpec spec() {
        if (seed != null && seed < 0) {
            throw new InputError("--seed", "", "expected a whole number >= 0, got " + seed);
        }
        ScenarioSpec spec = ScenarioSpec.read(file);
        for (String s : sets) {
            spec = spec.with(Setting.parse(s, "--set"));
        }
        return seed == null ? spec : spec.withSeed(seed);
    }

    /** The {@code --set} options as given. */
    public List<String> sets() {
        return List.copyOf(sets);
    }

    public Long seed() {
        return seed;
    }
}
