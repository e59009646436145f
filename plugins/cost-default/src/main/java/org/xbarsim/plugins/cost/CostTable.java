package org.xbarsim.plugins.cost;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Quantity;

/**
 * A user's own costs, Accelergy-style: one line per action of a component, {@code component, action,
 * energy, area_um2, source}, e.g. {@code adc, convert, 1.67pJ, 1200, Kull et al. ISSCC 2013}. Energies
 * carry a unit; a component's area (um^2) is the sum of the areas on its lines, so it may stand on any
 * one of them. Lines starting with # are comments; a first line starting with "component" is a header.
 * Every action of {@link #ACTIONS} must appear exactly once, and nothing else may.
 *
 * <p>Read with a size limit and validated line by line: a bad line is an {@link InputError} naming the
 * file, the line and what was expected.
 */
final class CostTable {
    /** Larger files are a mistake (a table has nine lines), refused before they are read. */
    static final long MAX_BYTES = 1 << 20;

    /** The actions a table prices: component to its actions, in the order the summary reports them. */
    static final Map<String, List<String>> ACTIONS = Map.of(
            "device", List.of("set", "reset", "read"),
            "row", List.of("drive", "step"),
            "adc", List.of("convert"),
            "digital", List.of("accumulate", "scale", "activate"));

    private final Map<String, Double> energy;
    private final Map<String, Double> area;

    private CostTable(Map<String, Double> energy, Map<String, Double> area) {
        this.energy = energy;
        this.area = area;
    }

    /** Energy of an action, pJ. */
    double energy(String component, String action) {
        return energy.get(component + "." + action);
    }

    /** Area of a component, um^2: the sum of the areas on its lines. */
    double area(String component) {
        return area.getOrDefault(component, 0.0);
    }

    /** Reads and validates a table; {@code key} is the scenario key that named it, for messages. */
    static CostTable read(Path file, String key) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new InputError(file.toString(), key, "expected a cost table (CSV), got a directory");
            }
            text = BoundedFiles.readString(file, MAX_BYTES, "a cost table (CSV)", StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputError(file.toString(), key, "expected a cost table (CSV), found no such file");
        } catch (CharacterCodingException e) {
            throw new InputError(file.toString(), key, "expected UTF-8 text, got bytes that are not");
        } catch (IOException e) {
            throw new InputError(file.toString(), key, "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString(), key);
    }

    static CostTable parse(String text, String source, String key) {
        Map<String, Double> energy = new TreeMap<>();
        Map<String, Double> area = new TreeMap<>();
        String[] lines = text.split("\r?\n", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            if (first && line.toLowerCase(java.util.Locale.ROOT).startsWith("component")) {
                first = false;
                continue;
            }
            first = false;
            String[] f = line.split(",", -1);
            if (f.length < 3 || f.length > 5) {
                throw new InputError(where, key, "expected 'component, action, energy[, area_um2[, source]]', got "
                        + f.length + " fields");
            }
            String component = f[0].trim();
            String action = f[1].trim();
            List<String> actions = ACTIONS.get(component);
            if (actions == null) {
                throw new InputError(where, key, "expected a component of " + ACTIONS.keySet().stream().sorted()
                        .toList() + ", got '" + component + "'");
            }
            if (!actions.contains(action)) {
                throw new InputError(where, key, "expected an action of " + component + " (" + String.join(", ",
                        actions) + "), got '" + action + "'");
            }
            String name = component + "." + action;
            if (energy.containsKey(name)) {
                throw new InputError(where, key, "duplicate line for " + component + " " + action);
            }
            energy.put(name, parseEnergy(f[2].trim(), where, key));
            if (f.length > 3 && !f[3].trim().isEmpty()) {
                area.merge(component, parseArea(f[3].trim(), where, key), Double::sum);
            }
        }
        for (Map.Entry<String, List<String>> c : new TreeMap<>(ACTIONS).entrySet()) {
            for (String action : c.getValue()) {
                if (!energy.containsKey(c.getKey() + "." + action)) {
                    throw new InputError(source, key, "expected a line for " + c.getKey() + " " + action
                            + " (every action of " + ACTIONS.keySet().stream().sorted().toList() + " is priced)");
                }
            }
        }
        return new CostTable(energy, area);
    }

    private static double parseEnergy(String text, String where, String key) {
        double v;
        try {
            v = Quantity.ENERGY.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputError(where, key, e.getMessage());
        }
        if (v < 0) {
            throw new InputError(where, key, "expected an energy of at least 0, got " + text);
        }
        return v;
    }

    private static double parseArea(String text, String where, String key) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InputError(where, key, "expected an area in um^2 (a plain number), got '" + text + "'");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InputError(where, key, "expected a finite area of at least 0 um^2, got " + text);
        }
        return v;
    }
}
