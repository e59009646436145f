package org.xbarsim.cli.options;

import java.nio.file.Path;
import org.xbarsim.engine.output.OutputNames;
import org.xbarsim.engine.output.ResultClaim;
import picocli.CommandLine.Option;

/** Where results go: {@code --out DIR [--force]}, and {@code --quiet} for no progress bar. */
public final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default runs/<name>...).")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing result in the result directory.")
    public boolean force;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /**
     * The result directory: {@code --out}, else {@code runs/<name><suffix>}. The name comes from input
     * (a scenario's or a trace's): it names one directory under runs/, never a path.
     */
    public Path dir(String name, String suffix) {
        return out != null ? out : OutputNames.under(Path.of("runs"), name + suffix);
    }

    /**
     * Claims the result directory for this command (created if missing): a second command on it is
     * refused in one line until this one ends. Claim before reading or checking anything in it.
     */
    public ResultClaim claim(Path dir) {
        return ResultClaim.directory(dir, "--out");
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
        if (!force) {
            ResultClaim.refuseResult(dir, file);
        }
    }
}
