package org.xbarsim.api.param;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The physical kind of a parameter, its canonical unit inside xbarsim, and the unit suffixes a
 * scenario may write. Values are converted to the canonical unit once, when a scenario is loaded;
 * nothing downstream sees a suffix.
 */
public enum Quantity {
    /** Canonical unit: microsiemens. */
    CONDUCTANCE("conductance", "uS", Map.of("S", 1e6, "mS", 1e3, "uS", 1.0, "nS", 1e-3)),
    /** Canonical unit: seconds. Plain "cycles" are not allowed here: see {@link #DURATION}. */
    TIME("time", "s", Map.of("s", 1.0, "ms", 1e-3, "us", 1e-6, "ns", 1e-9, "ps", 1e-12,
            "min", 60.0, "h", 3600.0, "d", 86400.0, "y", 365.25 * 86400.0)),
    /** Canonical unit: hertz. */
    FREQUENCY("frequency", "Hz", Map.of("Hz", 1.0, "kHz", 1e3, "MHz", 1e6, "GHz", 1e9)),
    /** Canonical unit: picojoules, the scale of one device operation. */
    ENERGY("energy", "pJ", Map.of("J", 1e12, "mJ", 1e9, "uJ", 1e6, "nJ", 1e3, "pJ", 1.0, "fJ", 1e-3)),
    /** Canonical unit: ohms (wire resistance of one cell segment). */
    RESISTANCE("resistance", "ohm", Map.of("mohm", 1e-3, "ohm", 1.0, "kohm", 1e3, "Mohm", 1e6)),
    /** Canonical unit: volts. */
    VOLTAGE("voltage", "V", Map.of("mV", 1e-3, "V", 1.0)),
    /** Canonical unit: amperes. */
    CURRENT("current", "A", Map.of("nA", 1e-9, "uA", 1e-6, "mA", 1e-3, "A", 1.0)),
    /** Canonical unit: metres (a technology node, a cell pitch). */
    LENGTH("length", "m", Map.of("nm", 1e-9, "um", 1e-6, "mm", 1e-3, "m", 1.0)),
    /** A plain real number with no unit. */
    NUMBER("number", "", Map.of()),
    /** A whole number with no unit. */
    INTEGER("whole number", "", Map.of()),
    /** One of a fixed list of words. */
    CHOICE("choice", "", Map.of()),
    /** A file path, relative to the scenario file. */
    PATH("file path", "", Map.of());

    /**
     * A decimal number as people write one (12, -0.5, 3e-9, .25). Java's parser also takes what no
     * scenario means: a type suffix ({@code 1d}, {@code 2f}) and hexadecimal floats ({@code 0x1p-3}).
     */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final String noun;
    private final String canonicalUnit;
    private final Map<String, Double> scale;

    Quantity(String noun, String canonicalUnit, Map<String, Double> scale) {
        this.noun = noun;
        this.canonicalUnit = canonicalUnit;
        this.scale = scale;
    }

    public String noun() {
        return noun;
    }

    /** "a time", "an energy": messages read as sentences. */
    public String withArticle() {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    public String canonicalUnit() {
        return canonicalUnit;
    }

    public boolean hasUnit() {
        return !scale.isEmpty();
    }

    /** The unit suffixes accepted, smallest scale first, for messages and documentation. */
    public List<String> units() {
        return scale.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Parses a number with a unit suffix ("25uS", "0.1 pJ", "1GHz") into the canonical unit.
     *
     * @throws IllegalArgumentException with a message that says what was expected
     */
    public double parse(String text) {
        String t = text.trim();
        if (!hasUnit()) {
            return parsePlainNumber(t);
        }
        int split = t.length();
        while (split > 0 && Character.isLetter(t.charAt(split - 1))) {
            split--;
        }
        String number = t.substring(0, split).trim();
        String unit = t.substring(split);
        if (unit.isEmpty()) {
            throw new IllegalArgumentException("expected " + withArticle() + " with a unit ("
                    + String.join(", ", units()) + "), got '" + text + "'");
        }
        Double factor = scale.get(unit);
        if (factor == null) {
            throw new IllegalArgumentException("expected " + withArticle() + " in " + String.join(", ", units())
                    + ", got unit '" + unit + "' in '" + text + "'");
        }
        double value;
        try {
            if (!DECIMAL.matcher(number).matches()) {
                throw new NumberFormatException(number);
            }
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + withArticle() + " like 1" + canonicalUnit + ", got '"
                    + text + "'");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("expected a finite " + noun + ", got '" + text + "'");
        }
        return value * factor;
    }

    private double parsePlainNumber(String t) {
        try {
            if (!DECIMAL.matcher(t).matches()) {
                throw new NumberFormatException(t);
            }
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("expected a finite " + noun + ", got '" + t + "'");
            }
            if (this == INTEGER && (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("expected a whole number, got '" + t + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            if (!t.isEmpty() && Character.isLetter(t.charAt(t.length() - 1))) {
                throw new IllegalArgumentException("expected a plain " + noun + " with no unit, got '" + t + "'");
            }
            throw new IllegalArgumentException("expected " + withArticle() + ", got '" + t + "'");
        }
    }

    /**
     * Writes a canonical value with the largest unit that keeps it at or above 1 ("100GHz",
     * "1ps", "1mJ"), for listings; plain numbers without a unit.
     */
    public String format(double canonical) {
        if (!hasUnit() || canonical == 0) {
            return plain(canonical) + (hasUnit() ? canonicalUnit : "");
        }
        String best = canonicalUnit;
        double bestScale = scale.get(canonicalUnit);
        double smallestScale = Double.MAX_VALUE;
        String smallest = canonicalUnit;
        for (Map.Entry<String, Double> unit : scale.entrySet()) {
            double factor = unit.getValue();
            if (factor < smallestScale) {
                smallestScale = factor;
                smallest = unit.getKey();
            }
            if (Math.abs(canonical) >= factor && (factor > bestScale || Math.abs(canonical) < bestScale)) {
                best = unit.getKey();
                bestScale = factor;
            }
        }
        if (Math.abs(canonical) < bestScale) {
            best = smallest;
            bestScale = smallestScale;
        }
        return plain(canonical / bestScale) + best;
    }

    private static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
