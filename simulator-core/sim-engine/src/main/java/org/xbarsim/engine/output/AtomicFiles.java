package org.xbarsim.engine.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.xbarsim.api.io.InputError;

/**
 * Result files written beside their target and renamed into place, so a killed command never leaves
 * half a file and a reader never sees one.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code text} to {@code file} (UTF-8), creating its directory; a failure is the user's path. */
    public static void writeString(Path file, String text) {
        try {
            Path tmp = tempBeside(file, ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InputError(file.toString(), "", "cannot write the result: " + e.getMessage());
        }
    }

    /**
     * A temporary file beside {@code target}, to be renamed onto it. Created rw-r--r-- less the umask,
     * as any result file is, rather than with createTempFile's private rw-------: results are for
     * others to read too (a shared results directory, a CI job, a web server).
     */
    public static Path tempBeside(Path target, String suffix) throws IOException {
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
