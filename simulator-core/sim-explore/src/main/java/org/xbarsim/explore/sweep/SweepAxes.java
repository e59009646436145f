package org.xbarsim.explore.sweep;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;

/**
 * What {@code sweep.properties} records: the scenario (its absolute path, name and the SHA-256 of its
 * text), the axes, the settings every point shares, the seed and the number of points. A resumed
 * sweep must find the same record; {@code report} reads the axes of sweep.csv from it.
 *
 * @param seed           the seed given for every point, or null for the scenario's
 * @param points         the number of points, or -1 when not recorded
 * @param scenarioSha256 the scenario text's digest, or null when not recorded
 * @param chips          chips each point ran on (seeds seed..seed+chips-1); 1 when not recorded
 */
public record SweepAxes(String scenario, String name, List<Axis> axes, List<String> sets, Long seed, int points,
                        String scenarioSha256, int chips) {
    public static final String FILE = "sweep.properties";
    /** A sweep's axes are a few lines. */
    static final long MAX_BYTES = 1 << 20;

    public SweepAxes {
        axes = List.copyOf(axes);
        sets = List.copyOf(sets);
    }

    /** The SHA-256 of a scenario's text, hex: a resumed sweep must find the scenario it started from. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The axis keys, in order: the first columns of sweep.csv. */
    public List<String> keys() {
        return axes.stream().map(Axis::key).toList();
    }

    /** The file's text. */
    public String text() {
        StringBuilder b = new StringBuilder("# xbarsim sweep: the axes of sweep.csv (points in grid order, the last "
                + "grid varying fastest)\n");
        b.append("scenario=").append(escape(scenario)).append('\n');
        b.append("name=").append(escape(name)).append('\n');
        b.append("seed=").append(seed == null ? "" : seed).append('\n');
        b.append("points=").append(points).append('\n');
        b.append("grids=").append(axes.size()).append('\n');
        for (int i = 0; i < axes.size(); i++) {
            b.append("grid.").append(i + 1).append(".key=").append(escape(axes.get(i).key())).append('\n');
            b.append("grid.").append(i + 1).append(".values=").append(escape(String.join(",", axes.get(i).values())))
                    .append('\n');
        }
        b.append("sets=").append(sets.size()).append('\n');
        for (int i = 0; i < sets.size(); i++) {
            b.append("set.").append(i + 1).append('=').append(escape(sets.get(i))).append('\n');
        }
        if (scenarioSha256 != null) {
            b.append("scenarioSha256=").append(scenarioSha256).append('\n');
        }
        if (chips != 1) {
            b.append("chips=").append(chips).append('\n');
        }
        return b.toString();
    }

    /** A value as java.util.Properties reads it back. */
    private static String escape(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case ' ' -> b.append(i == 0 ? "\\ " : " ");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Reads a sweep.properties; anything malformed is an InputError naming the file and key. */
    public static SweepAxes read(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(BoundedFiles.readText(file, MAX_BYTES, "the sweep's axes (written by xbarsim sweep)")));
        } catch (IOException | IllegalArgumentException e) {
            throw new InputError(file.toString(), "", "cannot read: " + e.getMessage());
        }
        int grids = count(file, p, "grids");
        List<Axis> axes = new ArrayList<>();
        for (int i = 1; i <= grids; i++) {
            axes.add(new Axis(required(file, p, "grid." + i + ".key"),
                    List.of(required(file, p, "grid." + i + ".values").split(",", -1))));
        }
        int count = p.getProperty("sets") == null ? 0 : count(file, p, "sets");
        List<String> sets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            sets.add(required(file, p, "set." + i));
        }
        String points = p.getProperty("points", "").trim();
        return new SweepAxes(p.getProperty("scenario", ""), p.getProperty("name", ""), axes, sets, seed(file, p),
                points.isEmpty() ? -1 : count(file, p, "points"), p.getProperty("scenarioSha256"),
                p.getProperty("chips") == null ? 1 : count(file, p, "chips"));
    }

    private static Long seed(Path file, Properties p) {
        String seed = p.getProperty("seed", "").trim();
        try {
            return seed.isEmpty() ? null : Long.valueOf(seed);
        } catch (NumberFormatException e) {
            throw new InputError(file.toString(), "seed", "expected a whole number or nothing, got '" + seed + "'");
        }
    }

    private static String required(Path file, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new InputError(file.toString(), key, "expected this key, found none");
        }
        return v.trim();
    }

    private static int count(Path file, Properties p, String key) {
        String v = required(file, p, key);
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InputError(file.toString(), key, "expected a whole number >= 0, got '" + v + "'");
    }

    /** The first line that differs from {@code other}'s, as "key: 'there' there, 'here' here". */
    public String firstDifference(SweepAxes other) {
        List<String> a = other.text().lines().filter(l -> !l.startsWith("#")).toList();
        List<String> b = text().lines().filter(l -> !l.startsWith("#")).toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "";
            String y = i < b.size() ? b.get(i) : "";
            if (!x.equals(y)) {
                String key = (x.isEmpty() ? y : x).replaceFirst("=.*", "");
                return key + ": '" + x.replaceFirst("^[^=]*=", "") + "' there, '" + y.replaceFirst("^[^=]*=", "")
                        + "' here";
            }
        }
        return "it differs";
    }
}
