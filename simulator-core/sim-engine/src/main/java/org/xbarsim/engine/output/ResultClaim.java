package org.xbarsim.engine.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.xbarsim.api.io.InputError;

/**
 * A result directory or file claimed by the command that writes it, from the moment it starts until it
 * ends: an exclusive lock held by this process, so a second {@code run --out D}, a second
 * {@code --record F} or a second sweep coordinator on one directory is refused at once, before it
 * computes anything, instead of one silently replacing the other's result at the end. The check for
 * an existing result comes after the claim, so it cannot race either. Locks are the operating
 * system's (released when the process ends, however it ends), so a killed command leaves nothing to
 * clean up but a small lock file.
 *
 * <p>A directory is claimed by a lock on {@value #LOCK_FILE} inside it, which records the holder's
 * process id for the refusal message; a file (a trace) by a lock on the file itself, so no lock
 * file sits beside it.
 */
public final class ResultClaim implements AutoCloseable {
    /** The lock file of a claimed result directory. */
    public static final String LOCK_FILE = ".xbarsim.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final boolean existedBefore;

    private ResultClaim(FileChannel channel, FileLock lock, boolean existedBefore) {
        this.channel = channel;
        this.lock = lock;
        this.existedBefore = existedBefore;
    }

    /**
     * Claims a result directory, creating it.
     *
     * @param option the option that named it (for the message), e.g. "--out"
     * @throws InputError if it cannot be created or another process holds it
     */
    public static ResultClaim directory(Path dir, String option) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InputError(option, "", "expected a result directory, but " + dir + " is a file");
            }
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new InputError(option, "", "expected a result directory, but " + dir + " is a file");
        } catch (IOException e) {
            throw new InputError(option, "", "cannot create the result directory " + dir + ": " + e.getMessage());
        }
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel = open(lockFile, option, dir);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            String holder = holder(lockFile);
            close(channel);
            throw new InputError(option, "", "expected a result directory no other command is writing, but " + dir
                    + " is being written by another xbarsim" + holder + "; wait for it to end or choose another "
                    + "directory");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since "
                    + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // The record of who holds the lock is for messages only; the lock itself is what counts.
        }
        return new ResultClaim(channel, lock, false);
    }

    /**
     * Claims a result file (a trace), creating it empty if it does not exist; the writer then opens it
     * by name. {@link #existedBefore()} says whether it already held something.
     *
     * @throws InputError if the path is a directory or not a regular file (a named pipe would block the
     *                    writer for ever), cannot be created, or another process holds it
     */
    public static ResultClaim file(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new InputError(option, "", "expected a file to write, but " + file + " is a directory");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new InputError(option, "", "expected a regular file to write, but " + file + " is a named pipe, "
                    + "device or socket (writing to it could block for ever)");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new InputError(option, "", "cannot create the directory of " + file + ": " + e.getMessage());
        }
        FileChannel channel = open(file, option, file);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            close(channel);
            throw new InputError(option, "", "expected a file no other command is writing, but " + file
                    + " is being written by another xbarsim; wait for it to end or name another file");
        }
        boolean existed;
        try {
            existed = channel.size() > 0;
        } catch (IOException e) {
            existed = true;
        }
        return new ResultClaim(channel, lock, existed);
    }

    /**
     * Claims a result directory that is written elsewhere and moved into place at the end (a trained
     * model: {@link AtomicFiles#replaceDirectory}), by a lock file beside it, {@code .NAME.lock}.
     */
    public static ResultClaim beside(Path dir, String option) {
        Path parent = dir.toAbsolutePath().getParent();
        return file(parent.resolve("." + dir.getFileName() + ".lock"), option);
    }

    /**
     * Refuses, in one line on {@code --out}, a result directory that holds {@code file} of a previous
     * result: nothing is overwritten unless the user passes --force (the caller's to check).
     */
    public static void refuseResult(Path dir, String file) {
        if (Files.exists(dir.resolve(file))) {
            throw new InputError("--out", "", "expected a directory without a result, but " + dir + " already "
                    + "holds one (" + file + "); pass --force to overwrite it or --out for another directory");
        }
    }

    /** For a file: whether it held anything when claimed (a previous result). */
    public boolean existedBefore() {
        return existedBefore;
    }

    private static FileChannel open(Path file, String option, Path named) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new InputError(option, "", "cannot write in " + named + ": " + e.getMessage());
        }
    }

    /** The lock, or null when another process (or another claim of this one) holds it. */
    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM already: a second claim of the same result
        } catch (IOException e) {
            return null;
        }
    }

    /** " (pid N since T)" from a directory's lock file, or "" when it cannot be read. */
    private static String holder(Path lockFile) {
        try {
            String text = new String(org.xbarsim.api.io.BoundedFiles.readAllBytes(lockFile, 256, "a lock file"),
                    StandardCharsets.UTF_8).strip();
            return text.matches("pid \\d+ since [0-9:]+") ? " (" + text + ")" : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was claimed.
        }
    }

    /** Ends the claim: the lock goes; the lock file stays (removing it would race a new claim). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // Closing the channel releases it anyway.
        }
        close(channel);
    }
}
