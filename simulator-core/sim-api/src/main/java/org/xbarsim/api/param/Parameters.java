package org.xbarsim.api.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component's resolved parameter values in canonical units, validated by the scenario loader
 * against the component's {@link ParameterSpec}s: a plugin reads them by name and never parses text.
 */
public final class Parameters {
    private final Map<String, Object> values;

    public Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double number(String name) {
        Object v = values.get(name);
        if (!(v instanceof Double d)) {
            throw new IllegalStateException("parameter '" + name + "' is not a resolved number: " + v);
        }
        return d;
    }

    public int integer(String name) {
        return (int) Math.round(number(name));
    }

    public String text(String name) {
        Object v = values.get(name);
        if (!(v instanceof String s)) {
            throw new IllegalStateException("parameter '" + name + "' is not a resolved word or path: " + v);
        }
        return s;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
