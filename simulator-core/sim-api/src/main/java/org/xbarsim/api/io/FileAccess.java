package org.xbarsim.api.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run may read and fetch, decided by the host for input it did not write itself: a scenario a
 * cluster peer sent, a trace's recorded scenario. A user's own run is {@link #unrestricted()}. A
 * restricted run may name files (scenario keys of kind file path) only under its roots, and may
 * fetch nothing: a data set it needs must already be in place. Paths are compared after symbolic
 * links are resolved, so a link under a root cannot lead outside it.
 *
 * <p>Plugins see this through their context: a workload that caches downloaded data asks
 * {@link #downloads()} before fetching, and uses {@link #dataDir()} when the host names one.
 */
public final class FileAccess {
    private static final String DEFAULT_HINT = "files of input from elsewhere are read only under the directories "
            + "the user allowed";
    private static final FileAccess UNRESTRICTED = new FileAccess(null, true, null, DEFAULT_HINT);

    /** Null: any file. */
    private final List<Path> roots;
    private final boolean downloads;
    private final Path dataDir;
    private final String hint;

    private FileAccess(List<Path> roots, boolean downloads, Path dataDir, String hint) {
        this.roots = roots;
        this.downloads = downloads;
        this.dataDir = dataDir;
        this.hint = hint;
    }

    /** Any file, and downloads: the user's own scenario. */
    public static FileAccess unrestricted() {
        return UNRESTRICTED;
    }

    /** Any file the user can read, but no download (a replay of the user's own trace with its recorded paths). */
    public static FileAccess noDownloads() {
        return new FileAccess(null, false, null, DEFAULT_HINT);
    }

    /**
     * Files only under {@code roots} (none: no file at all), no download.
     *
     * @param dataDir where cached data sets are (one of the roots), or null for the workloads' default
     */
    public static FileAccess only(List<Path> roots, Path dataDir) {
        List<Path> real = new ArrayList<>();
        for (Path r : roots) {
            real.add(real(r));
        }
        return new FileAccess(List.copyOf(real), false, dataDir == null ? null : real(dataDir), DEFAULT_HINT);
    }

    /** The same access, its refusals ending with {@code hint} (what the user can do about it) instead. */
    public FileAccess withHint(String hint) {
        return new FileAccess(roots, downloads, dataDir, hint);
    }

    /** Whether a workload may download data it misses (never for input from elsewhere). */
    public boolean downloads() {
        return downloads;
    }

    /** The data directory the host chose for cached data sets, if any. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** Whether files are limited to roots. */
    public boolean restricted() {
        return roots != null;
    }

    /** The directories files may be under (empty when unrestricted or when no file is allowed). */
    public List<Path> roots() {
        return roots == null ? List.of() : roots;
    }

    /**
     * {@code file} if this access allows it; else an {@link InputError} naming {@code source} and
     * {@code key}, saying which directories are allowed.
     */
    public Path check(Path file, String source, String key) {
        if (roots == null) {
            return file;
        }
        Path real = real(file);
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return file;
            }
        }
        throw new InputError(source, key, "expected a file under " + (roots.isEmpty() ? "no directory (this run "
                + "may read no file)" : String.join(", ", roots.stream().map(Path::toString).toList()))
                + ", got " + file + (real.equals(file.toAbsolutePath().normalize()) ? "" : " (" + real + ")")
                + "; " + hint);
    }

    /**
     * The path with every symbolic link of its existing part resolved, and the rest normalised: what
     * it would open. A path that does not exist yet is judged by its nearest existing ancestor.
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
