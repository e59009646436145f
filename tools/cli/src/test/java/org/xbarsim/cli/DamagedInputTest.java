package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oversized and damaged files through the real command line: exit status 2 and one line naming the
 * file (or, for inspect, a damaged trace's readable prefix reported as incomplete); never status 1,
 * a stack trace or a hang.
 */
class DamagedInputTest {
    private static final Path GOLDEN = Path.of("../../scenarios/traces/golden-v2.avro");

    @TempDir
    static Path copies;
    private static Path pluginDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void plugins() throws IOException {
        pluginDir = CliTestSupport.pluginDir(copies);
    }

    @Test
    void anOversizedScenarioIsRefusedNamingItsSizeAndTheLimit() throws IOException {
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "name: huge\n# " + "x".repeat(2 << 20) + "\n", StandardCharsets.UTF_8);
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(pluginDir, "run", huge.toString()),
                huge + ": expected a scenario YAML file of at most 1 MiB (1048576 bytes), got "
                        + Files.size(huge) + " bytes");
    }

    @Test
    void aTraceDeclaringAHugeBlockIsReadUpToThatBlockNotAllocated() throws IOException {
        byte[] golden = Files.readAllBytes(GOLDEN);
        int block = headerLength(golden);
        // The first block's size field (after its count varint) becomes 2^31 - 1.
        int sizeAt = block + varLength(golden, block);
        int sizeEnd = sizeAt + varLength(golden, sizeAt);
        byte[] huge = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}; // zig-zag of 2^31 - 1
        byte[] damaged = new byte[golden.length - (sizeEnd - sizeAt) + huge.length];
        System.arraycopy(golden, 0, damaged, 0, sizeAt);
        System.arraycopy(huge, 0, damaged, sizeAt, huge.length);
        System.arraycopy(golden, sizeEnd, damaged, sizeAt + huge.length, golden.length - sizeEnd);
        Path t = Files.write(dir.resolve("huge-block.avro"), damaged);
        CliTestSupport.Result inspect = CliTestSupport.xbarsim(null, "inspect", t.toString());
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("incomplete") && inspect.out().contains("events: 0"), inspect.out());
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(pluginDir, "replay", t.toString()), t.toString(),
                "cut short");
    }

    @Test
    void damagedTracesThroughInspectAndReplay() throws IOException {
        byte[] golden = Files.readAllBytes(GOLDEN);
        int header = headerLength(golden);
        SplittableRandom r = new SplittableRandom(11);
        Path t = dir.resolve("damaged.avro");
        for (int c = 0; c < 40; c++) {
            byte[] b;
            boolean structural;
            if (c % 2 == 0) {
                // Truncated: in the header, or in the events.
                b = Arrays.copyOf(golden, c % 4 == 0 ? r.nextInt(header) : header + r.nextInt(golden.length - header));
                structural = true;
            } else {
                b = golden.clone();
                b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                structural = false;
            }
            Files.write(t, b);
            String context = "case " + c;
            CliTestSupport.Result inspect = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> CliTestSupport.xbarsim(null, "inspect", t.toString()), context);
            assertFalse(inspect.err().contains("\tat "), context + ": " + inspect.err());
            if (inspect.status() == 0) {
                assertTrue(inspect.out().startsWith("trace " + t), context + ": " + inspect.out());
            } else {
                CliTestSupport.assertInputError(inspect, t.toString());
            }
            if (structural) {
                // Cut short or refused: replay says so without running anything.
                CliTestSupport.assertInputError(assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> CliTestSupport.xbarsim(pluginDir, "replay", t.toString()), context), t.toString());
            }
        }
    }

    /** Magic, metadata map, 16-byte sync. */
    private static int headerLength(byte[] b) {
        int pos = 4;
        while (true) {
            long n = zigZag(b, pos);
            pos += varLength(b, pos);
            if (n == 0) {
                return pos + 16;
            }
            for (long i = 0; i < 2 * n; i++) {
                long len = zigZag(b, pos);
                pos += varLength(b, pos) + (int) len;
            }
        }
    }

    private static int varLength(byte[] b, int pos) {
        int n = 1;
        while ((b[pos + n - 1] & 0x80) != 0) {
            n++;
        }
        return n;
    }

    private static long zigZag(byte[] b, int pos) {
        long raw = 0;
        for (int i = 0, shift = 0; ; i++, shift += 7) {
            raw |= (long) (b[pos + i] & 0x7f) << shift;
            if ((b[pos + i] & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
    }
}
