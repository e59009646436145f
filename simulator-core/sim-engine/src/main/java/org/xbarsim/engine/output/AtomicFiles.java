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

    /** Writes the files of a directory. */
    @FunctionalInterface
    public interface DirectoryWriter {
        void write(Path dir) throws IOException;
    }

    /**
     * Writes a result directory (a trained model) beside its target and then puts it in place of the
     * old one, so a killed or failed writer never leaves a directory of old and new files mixed, or half
     * of one: at every moment the target holds the old result, nothing, or the new one whole.
     */
    public static void replaceDirectory(Path target, DirectoryWriter writer) {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        Path fresh = null;
        try {
            Files.createDirectories(dir);
            fresh = Files.createTempDirectory(dir, "." + name + ".new-");
            writer.write(fresh);
            if (Files.exists(target)) {
                Path old = Files.createTempDirectory(dir, "." + name + ".old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            }
            fresh = null;
        } catch (IOException e) {
            throw new InputError(target.toString(), "", "cannot write the result: " + e.getMessage());
        } finally {
            if (fresh != null) {
                deleteTree(fresh);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover hidden directory beside the result; the result itself is in place.
        }
    }
}
