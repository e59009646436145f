package org.xbarsim.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;

/**
 * The files of a sweep result directory, shared by {@code sweep} (writes them) and {@code report}
 * (reads them): {@code sweep.csv}, one row per point, the grid values then the numeric summary fields
 * of {@link #METRICS}; {@code sweep.properties}, the scenario, grids and overrides (the axes).
 */
final class SweepFiles {
    static final String CSV = "sweep.csv";
    static final String PROPERTIES = "sweep.properties";

    /** The summary fields flattened into sweep.csv, in column order; inference ones only when present. */
    static final List<String> METRICS = List.of(
            "programming.successFraction", "programming.pfail", "programming.meanAbsErrorMicroSiemens",
            "programming.pulseOpsPerRow", "programming.readOpsPerRow", "programming.timeSeconds",
            "programming.energyJoules",
            "inference.samples", "inference.softwareAccuracy", "inference.analogAccuracy",
            "inference.softwareBitsPerChar", "inference.analogBitsPerChar", "inference.timeSecondsPerSample",
            "inference.energyJoulesPerSample",
            "programming.weights", "run.wallSeconds");

    private SweepFiles() {
    }

    /** One grid axis: a scenario key path and the values it takes, as written. */
    record Grid(String key, List<String> values) {
        /**
         * The scenario keys this grid sets: one, or several joined by '+' that take the same value at
         * every point (workload.rows+workload.cols=64,128: square matrices).
         */
        List<String> keys() {
            return List.of(key.split("\\+"));
        }

        /** The overrides that give this grid's keys a value. */
        List<String> overrides(String value) {
            List<String> out = new java.util.ArrayList<>();
            for (String k : keys()) {
                out.add(k + "=" + value);
            }
            return out;
        }
    }

    /** What sweep.properties records. */
    record Axes(String scenario, String name, List<Grid> grids, List<String> sets, Long seed, int points) {
    }

    /** A summary field as a number, or null when the summary does not have it. */
    static Number metric(JsonObject summary, String path) {
        int dot = path.indexOf('.');
        JsonObject section = summary.getJsonObject(path.substring(0, dot));
        if (section == null) {
            return null;
        }
        Object v = section.getValue(path.substring(dot + 1));
        return v instanceof Number n ? n : null;
    }

    // ---- sweep.properties ----

    static String propertiesText(Axes axes) {
        StringBuilder b = new StringBuilder("# xbarsim sweep: the axes of sweep.csv (points in grid order, the last grid "
                + "varying fastest)\n");
        b.append("scenario=").append(escape(axes.scenario())).append('\n');
        b.append("name=").append(escape(axes.name())).append('\n');
        b.append("seed=").append(axes.seed() == null ? "" : axes.seed()).append('\n');
        b.append("points=").append(axes.points()).append('\n');
        b.append("grids=").append(axes.grids().size()).append('\n');
        for (int i = 0; i < axes.grids().size(); i++) {
            Grid g = axes.grids().get(i);
            b.append("grid.").append(i + 1).append(".key=").append(escape(g.key())).append('\n');
            b.append("grid.").append(i + 1).append(".values=").append(escape(String.join(",", g.values())))
                    .append('\n');
        }
        b.append("sets=").append(axes.sets().size()).append('\n');
        for (int i = 0; i < axes.sets().size(); i++) {
            b.append("set.").append(i + 1).append('=').append(escape(axes.sets().get(i))).append('\n');
        }
        return b.toString();
    }

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

    /**
     * A sweep's axes are a few lines; its table a line per grid point, at most {@link SweepCommand#MAX_POINTS}
     * of them, of a few hundred columns at most: 10,000 rows of 64 numbers is about 15 MiB. The row and
     * field bounds keep a table of near-empty cells (a comma each) from becoming millions of strings.
     */
    static final long MAX_AXES_BYTES = 1 << 20;
    static final long MAX_CSV_BYTES = 64L << 20;
    static final int MAX_CSV_ROWS = SweepCommand.MAX_POINTS;
    static final int MAX_CSV_COLUMNS = 1024;

    static Axes readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = BoundedFiles.newBufferedReader(file, MAX_AXES_BYTES, "a sweep's axes file",
                StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new InputError(file.toString(), "", "expected the sweep's axes (written by xbarsim sweep), "
                    + "found no such file");
        } catch (CharacterCodingException e) {
            throw new InputError(file.toString(), "", "expected UTF-8 text, got bytes that are not");
        } catch (IOException | IllegalArgumentException e) {
            throw new InputError(file.toString(), "", "cannot read: " + e.getMessage());
        }
        int grids = count(file, p, "grids");
        List<Grid> list = new ArrayList<>();
        for (int i = 1; i <= grids; i++) {
            String key = required(file, p, "grid." + i + ".key");
            String values = required(file, p, "grid." + i + ".values");
            list.add(new Grid(key, List.of(values.split(",", -1))));
        }
        int sets = p.getProperty("sets") == null ? 0 : count(file, p, "sets");
        List<String> setList = new ArrayList<>();
        for (int i = 1; i <= sets; i++) {
            setList.add(required(file, p, "set." + i));
        }
        String seed = p.getProperty("seed", "").trim();
        Long seedValue;
        try {
            seedValue = seed.isEmpty() ? null : Long.valueOf(seed);
        } catch (NumberFormatException e) {
            throw new InputError(file.toString(), "seed", "expected a whole number or nothing, got '" + seed + "'");
        }
        String points = p.getProperty("points", "").trim();
        return new Axes(p.getProperty("scenario", ""), p.getProperty("name", ""), list, setList, seedValue,
                points.isEmpty() ? -1 : count(file, p, "points"));
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

    // ---- sweep.csv ----

    /** A row of sweep.csv: grid values by key, metrics by column name (null when empty). */
    record Row(Map<String, String> grid, Map<String, Double> metrics) {
        Double metric(String name) {
            return metrics.get(name);
        }
    }

    /** The table as read: the metric columns present, in order, and the rows. */
    record Table(List<String> metricColumns, List<Row> rows) {
    }

    static String csvText(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        line(b, header);
        for (List<String> row : rows) {
            line(b, row);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append('\n');
    }

    /** Numbers as Java writes them: exact round trip (1.0E-4 for small ones), whole numbers without ".0". */
    static String cell(Number n) {
        if (n == null) {
            return "";
        }
        if (n instanceof Double || n instanceof Float) {
            return Double.toString(n.doubleValue());
        }
        return Long.toString(n.longValue());
    }

    /** Reads sweep.csv written for the given grid keys; malformed input is an InputError at file:line. */
    static Table readCsv(Path file, List<String> gridKeys) {
        String text;
        try {
            text = BoundedFiles.readString(file, MAX_CSV_BYTES, "a sweep table", StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputError(file.toString(), "", "expected the sweep's table (written by xbarsim sweep), "
                    + "found no such file");
        } catch (CharacterCodingException e) {
            throw new InputError(file.toString(), "", "expected UTF-8 text, got bytes that are not");
        } catch (IOException e) {
            throw new InputError(file.toString(), "", "cannot read: " + e.getMessage());
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(file, text, records, lines);
        if (records.isEmpty()) {
            throw new InputError(file.toString(), "", "expected a header line, got an empty file");
        }
        List<String> header = records.get(0);
        for (int i = 0; i < gridKeys.size(); i++) {
            if (i >= header.size() || !header.get(i).equals(gridKeys.get(i))) {
                throw new InputError(file + ":1", "", "expected the header to start with the grid keys "
                        + String.join(",", gridKeys) + " (from " + PROPERTIES + "), got '" + String.join(",", header)
                        + "'");
            }
        }
        List<String> metricColumns = header.subList(gridKeys.size(), header.size());
        for (String m : metricColumns) {
            if (m.isEmpty()) {
                throw new InputError(file + ":1", "", "expected a column name, got an empty one");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            String where = file + ":" + lines.get(r);
            if (cells.size() != header.size()) {
                throw new InputError(where, "", "expected " + header.size() + " fields as in the header, got "
                        + cells.size());
            }
            Map<String, String> grid = new LinkedHashMap<>();
            for (int i = 0; i < gridKeys.size(); i++) {
                grid.put(gridKeys.get(i), cells.get(i));
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int i = 0; i < metricColumns.size(); i++) {
                String c = cells.get(gridKeys.size() + i).trim();
                Double v = null;
                if (!c.isEmpty()) {
                    try {
                        v = Double.parseDouble(c);
                    } catch (NumberFormatException e) {
                        throw new InputError(where, metricColumns.get(i), "expected a number or nothing, got '" + c
                                + "'");
                    }
                }
                metrics.put(metricColumns.get(i), v);
            }
            rows.add(new Row(grid, metrics));
        }
        return new Table(List.copyOf(metricColumns), rows);
    }

    /** A row's fields stop at the header's count (the header's own at {@link #MAX_CSV_COLUMNS}). */
    private static void checkFields(Path file, int line, int fields, int maxFields, boolean header) {
        if (fields >= maxFields) {
            throw new InputError(file + ":" + line, "", "expected " + maxFields + " fields"
                    + (header ? " at most" : " as in the header") + ", got more");
        }
    }

    /** A table holds a row per point: no more than a sweep's points. */
    private static void checkRows(Path file, int line, int records) {
        if (records > MAX_CSV_ROWS) {
            throw new InputError(file + ":" + line, "", "expected at most " + MAX_CSV_ROWS + " rows (a sweep's "
                    + "points) after the header, got more");
        }
    }

    /** RFC 4180: commas, double quotes doubled inside quoted fields, blank lines skipped. */
    private static void parse(Path file, String text, List<List<String>> records, List<Integer> lines) {
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean end = false;
            int maxFields = records.isEmpty() ? MAX_CSV_COLUMNS : records.get(0).size();
            while (i < n && !end) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"') {
                    if (cell.length() > 0 || wasQuoted) {
                        throw new InputError(file + ":" + line, "", "malformed CSV: expected a quote only at the "
                                + "start of a field");
                    }
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                    checkFields(file, line, cells.size(), maxFields, records.isEmpty());
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    end = true;
                } else {
                    if (wasQuoted) {
                        throw new InputError(file + ":" + line, "", "malformed CSV: expected ',' or the end of the "
                                + "line after a closing quote");
                    }
                    cell.append(c);
                }
            }
            if (quoted) {
                throw new InputError(file + ":" + start, "", "malformed CSV: a quoted field is never closed");
            }
            cells.add(cell.toString());
            if (cells.size() == 1 && cells.get(0).isBlank() && !wasQuoted) {
                continue;
            }
            checkRows(file, start, records.size());
            records.add(cells);
            lines.add(start);
        }
    }
}
