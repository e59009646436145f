package org.xbarsim.engine.scenario;

import org.xbarsim.api.io.InputError;

/**
 * One change to a scenario on top of its file: a key given a value as a scenario would write it
 * ({@code chip.adc.bits} = {@code 8}, {@code chip.timing.set} = {@code 150ns}), or a key removed with
 * every key under it ({@code device}: back to the defaults of another device). The loader applies
 * settings in order, after the file, and an error a value causes names {@code origin} (the option
 * that gave it: {@code --set}, {@code --grid}) rather than the file.
 *
 * @param value null to remove the key and every key under it
 */
public record Setting(String key, String value, String origin) {
    public Setting {
        if (key == null || key.isBlank()) {
            throw new InputError(origin, "", "expected a scenario key, got none");
        }
        key = key.trim();
        if (value != null) {
            value = value.trim();
            if (value.isEmpty()) {
                throw new InputError(origin, key, "expected a value after '='");
            }
        }
    }

    /** {@code key} set to {@code value}, as given by {@code origin}. */
    public static Setting of(String key, String value, String origin) {
        return new Setting(key, value, origin);
    }

    /** {@code key} and every key under it removed (their defaults apply again). */
    public static Setting remove(String key, String origin) {
        return new Setting(key, null, origin);
    }

    /** A {@code path=value} option's text. */
    public static Setting parse(String keyEqualsValue, String origin) {
        int eq = keyEqualsValue.indexOf('=');
        if (eq <= 0) {
            throw new InputError(origin, "", "expected path=value, got '" + keyEqualsValue + "'");
        }
        return new Setting(keyEqualsValue.substring(0, eq), keyEqualsValue.substring(eq + 1), origin);
    }

    /** Whether this setting concerns {@code other} or a key under it (or {@code other} is under it). */
    public boolean touches(String other) {
        return key.equals(other) || other.startsWith(key + ".") || key.startsWith(other + ".");
    }

    /** As an option would write it: {@code key=value}, or {@code key} alone for a removal. */
    @Override
    public String toString() {
        return value == null ? key : key + "=" + value;
    }
}
