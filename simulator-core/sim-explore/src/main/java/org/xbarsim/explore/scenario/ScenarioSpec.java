package org.xbarsim.explore.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.scenario.ScenarioText;
import org.xbarsim.engine.scenario.Setting;

/**
 * A scenario to run: its text as written, the changes made to it, in order, and the seed if one is
 * set. Immutable; every variation is a new value, and two specs that name the same changes are equal,
 * so a point can be recognised (a sweep's resume, a search's cache, a chip read at several times).
 *
 * <pre>{@code
 * ScenarioSpec tile = ScenarioSpec.read(Path.of("scenarios/tile-rowwise.yaml"))
 *         .with("workload.rows", 64).with("chip.adc.bits", 8).with("chip.timing.set", "150ns");
 * }</pre>
 *
 * @param text     the YAML as written and where it stands (relative file keys resolve against it)
 * @param settings the changes, applied after the file in this order
 * @param seed     the seed, or null for the scenario's own
 */
public record ScenarioSpec(ScenarioText text, List<Setting> settings, Long seed) {
    /** How a variation made in code is named in error messages. */
    public static final String ORIGIN = "with";

    public ScenarioSpec {
        settings = List.copyOf(settings);
    }

    /** A scenario file, unchanged. */
    public static ScenarioSpec read(Path file) {
        return new ScenarioSpec(ScenarioText.read(file), List.of(), null);
    }

    /** Scenario text written in code; {@code location} is where it stands, as if it were that file. */
    public static ScenarioSpec of(String yaml, Path location) {
        return new ScenarioSpec(new ScenarioText(yaml, location.toString(), location), List.of(), null);
    }

    /** This scenario with {@code key} set to {@code value} as a scenario writes it ({@code "150ns"}, {@code "pcm"}). */
    public ScenarioSpec with(String key, String value) {
        return with(Setting.of(key, value, ORIGIN));
    }

    /** This scenario with a whole-number key set. */
    public ScenarioSpec with(String key, long value) {
        return with(key, Long.toString(value));
    }

    /** This scenario with a dimensionless key set (a strength, a fraction). */
    public ScenarioSpec with(String key, double value) {
        return with(key, value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value));
    }

    /**
     * This scenario with a setting applied last; an earlier setting of the same key is dropped, so
     * setting a key twice gives the spec that sets it once.
     */
    public ScenarioSpec with(Setting setting) {
        List<Setting> next = new ArrayList<>(settings);
        next.removeIf(s -> s.key().equals(setting.key()));
        next.add(setting);
        return new ScenarioSpec(text, next, seed);
    }

    /** This scenario with every setting of {@code more} applied, in order. */
    public ScenarioSpec withAll(List<Setting> more) {
        ScenarioSpec s = this;
        for (Setting setting : more) {
            s = s.with(setting);
        }
        return s;
    }

    /** This scenario with {@code key} and every key under it removed: defaults apply ({@code device}: all of it). */
    public ScenarioSpec without(String key) {
        return with(Setting.remove(key, ORIGIN));
    }

    /** This scenario from another seed. */
    public ScenarioSpec withSeed(long seed) {
        return new ScenarioSpec(text, settings, seed);
    }

    /** The value this spec's own settings give {@code key}, or null when they leave it to the file. */
    public String setting(String key) {
        String value = null;
        for (Setting s : settings) {
            if (s.key().equals(key)) {
                value = s.value();
            }
        }
        return value;
    }

    /** This spec without its own setting of {@code key}: the file's value applies again. */
    public ScenarioSpec dropSetting(String key) {
        List<Setting> next = new ArrayList<>(settings);
        next.removeIf(s -> s.key().equals(key));
        return new ScenarioSpec(text, next, seed);
    }

    /** Loads and validates the scenario this spec describes. */
    public Scenario load(ScenarioLoader loader) {
        return loader.load(text, settings, seed);
    }

    /** The changes as {@code key=value} options, for people and for tables. */
    public List<String> describe() {
        return settings.stream().map(Setting::toString).toList();
    }
}
