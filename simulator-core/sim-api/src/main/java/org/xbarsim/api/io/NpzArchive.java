package org.xbarsim.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A NumPy {@code .npz} archive (what {@code numpy.savez} writes): a zip of {@code .npy} arrays, read
 * into {@link NpyArray}s by name (the entry name without {@code .npy}). Compressed archives
 * ({@code savez_compressed}) are read too. Users bring their own networks this way.
 */
public final class NpzArchive {
    private NpzArchive() {
    }

    /**
     * @return arrays by name, sorted
     * @throws IllegalArgumentException saying what was expected (the caller adds the file and key)
     */
    public static Map<String, NpyArray> read(Path file) {
        return read(file, NpyArray.MAX_BYTES);
    }

    /** As {@link #read(Path)}, with the archive and what it decompresses to limited to {@code limit} bytes. */
    static Map<String, NpyArray> read(Path file, long limit) {
        Map<String, NpyArray> arrays = new TreeMap<>();
        try {
            try (InputStream in = BoundedFiles.newInputStream(file, limit, "a .npz weight archive");
                 ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry entry;
                long total = 0;
                while ((entry = zip.getNextEntry()) != null) {
                    String name = entry.getName();
                    if (entry.isDirectory() || !name.endsWith(".npy")) {
                        throw new IllegalArgumentException("expected only .npy entries in a .npz archive, found '"
                                + name + "'");
                    }
                    // What the entries decompress to is bounded too: a small archive can inflate to
                    // gigabytes. One byte past the budget is enough to know it is exceeded.
                    long budget = limit - total;
                    byte[] bytes = zip.readNBytes((int) Math.min(budget + 1, Integer.MAX_VALUE - 8));
                    if (bytes.length > budget) {
                        throw new IllegalArgumentException("expected .npy entries of at most " + limit
                                + " bytes in all, got more (entry " + name + " decompresses past the limit)");
                    }
                    total += bytes.length;
                    try {
                        arrays.put(name.substring(0, name.length() - 4), NpyArray.parse(bytes));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("entry " + name + ": " + e.getMessage());
                    }
                }
            }
        } catch (InputError e) {
            throw new IllegalArgumentException(e.detail()); // the caller names the file and key
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (ZipException e) {
            throw new IllegalArgumentException("expected a .npz archive (a zip of .npy files), got a damaged or "
                    + "different file: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("expected a .npz archive of .npy arrays, found none");
        }
        return Collections.unmodifiableMap(arrays);
    }
}
