package org.xbarsim.api.param;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a component: its name (the last segment of its scenario key), kind and unit,
 * default written as a scenario would write it, allowed range in canonical units, and a sentence
 * saying what it means. {@code xbarsim plugins} prints these; the scenario loader validates with them.
 *
 * @param name         key segment, e.g. {@code gmaxMean}
 * @param quantity     kind and unit
 * @param defaultValue as written in a scenario, e.g. {@code "25uS"}; null when the key is required
 * @param min          smallest allowed canonical value (inclusive)
 * @param max          largest allowed canonical value (inclusive)
 * @param choices      the allowed words for {@link Quantity#CHOICE}, else empty
 * @param description  one sentence
 */
public record ParameterSpec(String name, Quantity quantity, String defaultValue, double min, double max,
                            List<String> choices, String description) {

    public ParameterSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(quantity);
        choices = List.copyOf(choices);
    }

    public static ParameterSpec of(String name, Quantity quantity, String defaultValue, double min, double max,
                                   String description) {
        return new ParameterSpec(name, quantity, defaultValue, min, max, List.of(), description);
    }

    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParameterSpec(name, Quantity.CHOICE, defaultValue, 0, 0, choices, description);
    }

    public static ParameterSpec path(String name, String description) {
        return new ParameterSpec(name, Quantity.PATH, null, 0, 0, List.of(), description);
    }

    /**
     * Converts a written value to its canonical form and checks its range or choices.
     *
     * @return a {@link Double} for numeric kinds, the text for CHOICE and PATH
     * @throws IllegalArgumentException saying what was expected
     */
    public Object parse(String text) {
        switch (quantity) {
            case CHOICE -> {
                String t = text.trim();
                if (!choices.contains(t)) {
                    throw new IllegalArgumentException("expected one of " + String.join(", ", choices) + ", got '" + t + "'");
                }
                return t;
            }
            case PATH -> {
                String t = text.trim();
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("expected a file path, got an empty value");
                }
                return t;
            }
            default -> {
                double v = quantity.parse(text);
                if (v < min || v > max) {
                    // Says "expected", like every other input error, and leaves out the open end of a range.
                    String range = max == Double.MAX_VALUE ? "of at least " + quantity.format(min)
                            : "in " + rangeText();
                    throw new IllegalArgumentException("expected " + quantity.withArticle() + " " + range + ", got "
                            + text.trim());
                }
                return v;
            }
        }
    }

    /** The allowed range written in canonical units, e.g. "1uS..1000uS". */
    public String rangeText() {
        return switch (quantity) {
            case CHOICE -> String.join("|", choices);
            case PATH -> "a file";
            default -> quantity.format(min) + ".." + (max == Double.MAX_VALUE ? "" : quantity.format(max));
        };
    }
}
