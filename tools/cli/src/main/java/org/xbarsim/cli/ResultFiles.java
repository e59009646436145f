package org.xbarsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Result files (summaries, tables, plots) are written beside their target and renamed into place. */
final class ResultFiles {
    private ResultFiles() {
    }

    /**
     * A temporary file beside {@code target}, to be renamed onto it. Created rw-r--r-- less the umask,
     * as any result file is, rather than with createTempFile's private rw-------: results are for
     * others to read too (a shared results directory, a CI job, a web server).
     */
    static Path tempBeside(Path target, String suffix) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String prefix = "." + target.getFileName();
        try {
            return Files.createTempFile(dir, prefix, suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, prefix, suffix);
        }
    }
}
