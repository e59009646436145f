package org.xbarsim.explore.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.xbarsim.engine.output.AtomicFiles;

/**
 * Result files (summaries, tables, plots) are written beside their target and renamed into place, so
 * a killed command never leaves half a file and a reader never sees one ({@link AtomicFiles}).
 */
public final class ResultFiles {
    private ResultFiles() {
    }

    /** Writes {@code text} to {@code file} (UTF-8), creating its directory. */
    public static void writeString(Path file, String text) {
        AtomicFiles.writeString(file, text);
    }

    /** Draws {@code chart} into the PNG file {@code file}. */
    public static void savePng(Chart<?, ?> chart, Path file) throws IOException {
        Path tmp = AtomicFiles.tempBeside(file, ".png");
        try {
            BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
