package org.xbarsim.explore.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.engine.summary.SummaryMetrics;
import org.xbarsim.explore.files.Csv;
import org.xbarsim.explore.metric.Metric;
import org.xbarsim.explore.runner.PointResult;

/**
 * A sweep as a table ({@code sweep.csv}): one row per point, the axis values, then every metric of
 * the summaries that some point has (inference figures only for networks), in the order of
 * summary.json. When the points ran on several chips each, a metric's column holds its mean over the
 * chips and is followed by its sd, min and max ({@code programming.pfail:sd}, {@code :min},
 * {@code :max}; host figures such as wall times have none).
 *
 * @param axisKeys the axis keys, in axis order
 * @param columns  the metric paths of the table
 * @param rows     the rows, in point order
 */
public record SweepTable(List<String> axisKeys, List<String> columns, List<Row> rows) {
    /** A table is a line per point: ten thousand points of a few hundred bytes are far below this. */
    /**
     * A table holds a line per point, at most {@link SweepPlan#MAX_POINTS} of them, of a few hundred
     * columns at most: 10,000 rows of 64 numbers is about 15 MiB.
     */
    public static final long MAX_CSV_BYTES = 64L << 20;
    /** Columns of a table: the grid keys and every metric, a few hundred. */
    public static final int MAX_CSV_COLUMNS = 1024;

    /** The column after a metric's (its mean over chips) that holds its sample sd over the chips. */
    public static final String SD = ":sd";
    /** The column of a metric's smallest value over the chips. */
    public static final String MIN = ":min";
    /** The column of a metric's largest value over the chips. */
    public static final String MAX = ":max";
    private static final List<String> SPREAD_COLUMNS = List.of(SD, MIN, MAX);

    /**
     * A row: its axis values by key, and its metrics by path (null where empty); with several chips a
     * point, a metric's column is its mean and {@code path:sd}, {@code path:min}, {@code path:max}
     * follow it.
     */
    public record Row(Map<String, String> values, Map<String, Double> metrics) {
        /** The row's value of a metric (its mean over chips), or null. */
        public Double get(Metric m) {
            return metrics.get(m.path());
        }

        /** The metric's sample sd over the point's chips, or null (one chip a point, or no such figure). */
        public Double sd(Metric m) {
            return metrics.get(m.path() + SD);
        }

        /** The row's value on an axis. */
        public String value(String axisKey) {
            return values.get(axisKey);
        }
    }

    /** The table of a sweep's results. */
    public static SweepTable of(List<Axis> axes, List<PointResult> results) {
        List<String> keys = axes.stream().map(Axis::key).toList();
        List<Map<String, Double>> metrics = results.stream().map(r -> SummaryMetrics.values(r.summary())).toList();
        boolean chips = results.stream().anyMatch(r -> r.summary().chips() != null
                && r.summary().chips().metrics() != null);
        List<String> columns = new ArrayList<>();
        for (String path : SummaryMetrics.PATHS) {
            if (metrics.stream().anyMatch(m -> m.get(path) != null)) {
                columns.add(path);
                if (chips && !SummaryMetrics.HOST.contains(path)) {
                    SPREAD_COLUMNS.forEach(suffix -> columns.add(path + suffix));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            List<String> values = valuesOf(results.get(i), axes);
            Map<String, String> byKey = new LinkedHashMap<>();
            for (int a = 0; a < keys.size(); a++) {
                byKey.put(keys.get(a), values.get(a));
            }
            Map<String, Double> row = new LinkedHashMap<>();
            RunSummary.ChipMeans means = results.get(i).summary().chips();
            for (String c : columns) {
                row.put(c, c.contains(":") ? spreadCell(means, c) : metrics.get(i).get(c));
            }
            rows.add(new Row(Collections.unmodifiableMap(byKey), Collections.unmodifiableMap(row)));
        }
        return new SweepTable(keys, List.copyOf(columns), List.copyOf(rows));
    }

    /** The sd, min or max cell of a column {@code path:sd} (null when the point has no spread of it). */
    private static Double spreadCell(RunSummary.ChipMeans means, String column) {
        int colon = column.lastIndexOf(':');
        Spread s = means == null ? null : means.spread(column.substring(0, colon));
        if (s == null) {
            return null;
        }
        return switch (column.substring(colon)) {
            case SD -> s.sd();
            case MIN -> s.min();
            default -> s.max();
        };
    }

    /** A point's axis values: what its spec sets each axis's first key to. */
    private static List<String> valuesOf(PointResult r, List<Axis> axes) {
        List<String> values = new ArrayList<>();
        for (Axis a : axes) {
            values.add(r.point().scenario().setting(a.keys().get(0)));
        }
        return values;
    }

    /** The CSV text. */
    public String csv() {
        List<String> header = new ArrayList<>(axisKeys);
        header.addAll(columns);
        List<List<String>> lines = new ArrayList<>();
        for (Row r : rows) {
            List<String> line = new ArrayList<>();
            axisKeys.forEach(k -> line.add(r.values().get(k)));
            columns.forEach(c -> line.add(Csv.cell(r.metrics().get(c))));
            lines.add(line);
        }
        return Csv.text(header, lines);
    }

    /** Reads a sweep.csv written for these axis keys; malformed input is an InputError at file:line. */
    public static SweepTable read(Path file, List<String> axisKeys) {
        String text = BoundedFiles.readText(file, MAX_CSV_BYTES, "the sweep's table (written by xbarsim sweep)");
        List<Csv.Record> records = Csv.parse(file.toString(), text, SweepPlan.MAX_POINTS, MAX_CSV_COLUMNS);
        if (records.isEmpty()) {
            throw new InputError(file.toString(), "", "expected a header line, got an empty file");
        }
        List<String> header = records.get(0).cells();
        if (header.size() < axisKeys.size() || !header.subList(0, axisKeys.size()).equals(axisKeys)) {
            throw new InputError(file + ":1", "", "expected the header to start with the grid keys "
                    + String.join(",", axisKeys) + " (from " + SweepAxes.FILE + "), got '" + String.join(",", header)
                    + "'");
        }
        List<String> columns = header.subList(axisKeys.size(), header.size());
        if (columns.contains("")) {
            throw new InputError(file + ":1", "", "expected a column name, got an empty one");
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            rows.add(row(file + ":" + r.line(), r.cells(), axisKeys, columns));
        }
        return new SweepTable(List.copyOf(axisKeys), List.copyOf(columns), List.copyOf(rows));
    }

    private static Row row(String where, List<String> cells, List<String> keys, List<String> columns) {
        if (cells.size() != keys.size() + columns.size()) {
            throw new InputError(where, "", "expected " + (keys.size() + columns.size()) + " fields as in the "
                    + "header, got " + cells.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            values.put(keys.get(i), cells.get(i));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String c = cells.get(keys.size() + i).trim();
            try {
                metrics.put(columns.get(i), c.isEmpty() ? null : Double.valueOf(c));
            } catch (NumberFormatException e) {
                throw new InputError(where, columns.get(i), "expected a number or nothing, got '" + c + "'");
            }
        }
        return new Row(Collections.unmodifiableMap(values), Collections.unmodifiableMap(metrics));
    }

    /** Whether the table has a column for {@code m}. */
    public boolean has(Metric m) {
        return columns.contains(m.path());
    }
}
