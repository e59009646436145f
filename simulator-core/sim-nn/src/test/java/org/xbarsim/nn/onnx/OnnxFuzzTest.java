package org.xbarsim.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.random.RandomStream;

/**
 * Damaged ONNX files: mutations of real models (ONNX's operator tests, a torch.onnx export) must
 * each import or end in one {@link InputError} line, never another exception, a hang or an
 * allocation beyond the file (every length is checked against the bytes left before use).
 */
class OnnxFuzzTest {
    static final int MUTATIONS = 600;

    @TempDir
    Path dir;

    static List<byte[]> originals() throws IOException {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** One of six damages: flip a bit, overwrite a byte, truncate, delete, duplicate or insert a run. */
    static byte[] mutate(byte[] a, RandomStream r) {
        int at = r.nextInt(a.length);
        switch (r.nextInt(6)) {
            case 0 -> {
                byte[] b = a.clone();
                b[at] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
            case 1 -> {
                byte[] b = a.clone();
                b[at] = (byte) (r.nextInt(2) == 0 ? 0xff : r.nextInt(256));
                return b;
            }
            case 2 -> {
                return java.util.Arrays.copyOf(a, at);
            }
            case 3 -> {
                int n = Math.min(a.length - at, 1 + r.nextInt(16));
                byte[] b = new byte[a.length - n];
                System.arraycopy(a, 0, b, 0, at);
                System.arraycopy(a, at + n, b, at, a.length - at - n);
                return b;
            }
            case 4 -> {
                int n = Math.min(a.length - at, 1 + r.nextInt(32));
                byte[] b = new byte[a.length + n];
                System.arraycopy(a, 0, b, 0, at + n);
                System.arraycopy(a, at, b, at + n, a.length - at);
                return b;
            }
            default -> {
                int n = 1 + r.nextInt(8);
                byte[] b = new byte[a.length + n];
                System.arraycopy(a, 0, b, 0, at);
                for (int i = 0; i < n; i++) {
                    b[at + i] = (byte) r.nextInt(256);
                }
                System.arraycopy(a, at, b, at + n, a.length - at);
                return b;
            }
        }
    }

    @Test
    void everyMutationImportsOrIsOneLine() throws IOException {
        List<byte[]> originals = originals();
        assertTrue(originals.size() > 40, "models found: " + originals.size());
        RandomStream r = new RandomStream(15);
        Path f = dir.resolve("m.onnx");
        int[] outcomes = new int[2];
        // A guard against a parser loop, not a speed requirement: 600 imports of kilobyte files take well under a second.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] bytes = mutate(originals.get(r.nextInt(originals.size())), r);
                Files.write(f, bytes);
                try {
                    OnnxImporter.load(f);
                    outcomes[0]++;
                } catch (InputError e) {
                    assertFalse(e.getMessage().contains("\n"), e.getMessage());
                    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                    outcomes[1]++;
                }
            }
        });
        // Most damage is caught; some (a flipped bit in a weight) leaves a valid model.
        assertTrue(outcomes[1] > MUTATIONS / 2, "refused " + outcomes[1] + ", imported " + outcomes[0]);
    }
}
