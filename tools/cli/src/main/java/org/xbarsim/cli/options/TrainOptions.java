package org.xbarsim.cli.options;

import java.nio.file.Files;
import java.nio.file.Path;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.output.AtomicFiles;
import org.xbarsim.engine.output.ResultClaim;
import picocli.CommandLine.Option;

/**
 * What every {@code xbarsim train} command takes: where the model goes, whether to overwrite one,
 * epochs, seed and threads (the result never depends on the threads).
 */
public final class TrainOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to save the model.")
    public Path out;

    @Option(names = "--force", description = "Overwrite a model in DIR.")
    boolean force;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: the shipped model's).")
    public Integer epochs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation and sample order (default 1).")
    public Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default 2); the result does not depend on it.")
    public int threads = 2;

    /**
     * Refuses a directory that already holds a model ({@code file} in it) unless {@code --force}, and
     * epochs or threads below one; before any data is loaded.
     */
    public void check(String file) {
        if (Files.exists(out.resolve(file)) && !force) {
            throw new InputError("--out", "", out + " already holds a model (" + file + "); pass --force to overwrite "
                    + "it or --out for another directory");
        }
        if (threads < 1 || epochs != null && epochs < 1) {
            throw new InputError(threads < 1 ? "--threads" : "--epochs", "", "expected a positive number, got "
                    + (threads < 1 ? threads : epochs));
        }
    }

    /** The model directory claimed for this command: a second train into it is refused in one line. */
    public ResultClaim claim() {
        return ResultClaim.beside(out, "--out");
    }

    /**
     * Writes the model beside the directory and puts it in place whole: a killed or failed writer leaves
     * the old model, never a mix.
     */
    public void save(AtomicFiles.DirectoryWriter writer) {
        AtomicFiles.replaceDirectory(out, writer);
    }
}
