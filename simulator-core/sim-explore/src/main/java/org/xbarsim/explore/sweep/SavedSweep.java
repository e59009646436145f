package org.xbarsim.explore.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xbarsim.api.io.InputError;
import org.xbarsim.explore.metric.Metrics;

/**
 * A sweep's result directory read back for a report: its axes ({@link SweepAxes#FILE}) and its table
 * ({@link SweepDirectory#CSV}), each bounded and checked (a table with a row per point and the
 * programming figures every report plots).
 */
public record SavedSweep(Path dir, SweepAxes axes, SweepTable table) {
    /** The sweep's name: its scenario's, else the directory's. */
    public String name() {
        return axes.name().isEmpty() ? String.valueOf(dir.getFileName()) : axes.name();
    }

    /**
     * Reads the sweep in {@code dir}; anything amiss is an {@link InputError} naming the file.
     *
     * @param what how the directory is named in messages ("the sweep to compare with "), or ""
     */
    public static SavedSweep read(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new InputError(dir.toString(), "", "expected " + what + "a sweep result directory (from xbarsim "
                    + "sweep --out DIR), " + (Files.exists(dir) ? "got a file" : "found no such directory"));
        }
        Path csv = dir.resolve(SweepDirectory.CSV);
        if (!Files.exists(csv)) {
            throw new InputError(csv.toString(), "", "expected the " + (what.isEmpty() ? "sweep's " : what)
                    + "table (written by xbarsim sweep), found no such file");
        }
        SweepAxes axes = SweepAxes.read(dir.resolve(SweepAxes.FILE));
        SweepTable table = SweepTable.read(csv, axes.keys());
        if (table.rows().isEmpty()) {
            throw new InputError(csv.toString(), "", "expected one row per point, got only the header");
        }
        for (var needed : List.of(Metrics.PFAIL, Metrics.TIME)) {
            if (!table.has(needed)) {
                throw new InputError(csv + ":1", "", "expected a column " + needed.path() + ", found none");
            }
        }
        return new SavedSweep(dir, axes, table);
    }
}
