package org.xbarsim.api.param;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A named parameter set a plugin ships: cited data, not code. Values are written as a scenario
 * would write them; inline scenario keys override them.
 *
 * @param name     the id a scenario names in {@code preset:}
 * @param citation where the numbers come from
 * @param values   parameter name to written value
 */
public record Preset(String name, String citation, Map<String, String> values) {

    public Preset {
        Objects.requireNonNull(name);
        Objects.requireNonNull(citation);
        values = Map.copyOf(values);
    }

    /**
     * Reads a preset from a properties resource beside {@code owner}: the key {@code citation}
     * holds the source, every other key a parameter value.
     */
    public static Preset fromResource(Class<?> owner, String name, String resource) {
        Properties p = new Properties();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("preset resource missing: " + resource);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.equals("citation")) {
                values.put(key, p.getProperty(key));
            }
        }
        return new Preset(name, p.getProperty("citation", ""), values);
    }
}
