package org.xbarsim.cli.options;

import java.nio.file.Files;
import java.nio.file.Path;
import org.xbarsim.api.io.InputError;
import picocli.CommandLine.Option;

/** Where results go: {@code --out DIR [--force]}, and {@code --quiet} for no progress bar. */
public final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default runs/<name>...).")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing result in the result directory.")
    public boolean force;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /** The result directory: {@code --out}, else {@code runs/<name><suffix>}. */
    public Path dir(String name, String suffix) {
        return out != null ? out : Path.of("runs", name + suffix);
    }

    /** Whether {@code --out} was given. */
    public boolean given() {
        return out != null;
    }

    /** Whether to draw a progress bar: not with --quiet, and only on a terminal. */
    public boolean progress() {
        return !quiet && System.console() != null;
    }

    /** Refuses to write over {@code file} of a previous result in {@code dir} unless {@code --force}. */
    public void refuseOverwrite(Path dir, String file) {
        if (!force && Files.exists(dir.resolve(file))) {
            throw new InputError("--out", "", "expected a directory without a result, but " + dir + " already "
                    + "holds one (" + file + "); pass --force to overwrite it or --out for another directory");
        }
    }
}
