package org.xbarsim.api.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * A component's parameters from its specs: every default, then the given name-value pairs as a
     * scenario would write them ({@code "gmaxMean", "30uS"}), each parsed and range-checked by its
     * spec. For plugin tests and benchmarks; runs get theirs from the scenario loader.
     *
     * @throws IllegalArgumentException for a name no spec has, or a value its spec refuses
     */
    public static Parameters of(List<ParameterSpec> specs, String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("expected name-value pairs, got " + nameValuePairs.length + " strings");
        }
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            byName.put(spec.name(), spec);
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.parse(spec.defaultValue()));
            }
        }
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            ParameterSpec spec = byName.get(nameValuePairs[i]);
            if (spec == null) {
                throw new IllegalArgumentException("no parameter '" + nameValuePairs[i] + "'; known: " + byName.keySet());
            }
            values.put(spec.name(), spec.parse(nameValuePairs[i + 1]));
        }
        return new Parameters(values);
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
