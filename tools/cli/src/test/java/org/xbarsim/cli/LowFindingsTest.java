package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smaller findings of issue 10, each now the one line and exit status the README promises: a cluster
 * address that is no address of this machine, a trace or CSV export where nothing can be written, a
 * number written as Java writes one, a .npy header with a key twice, and a trained model written in
 * place.
 */
class LowFindingsTest {
    private static final Path plugins = CliTestSupport.sharedPluginDir();

    @TempDir
    Path dir;

    private Path scenario(String text) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), text, StandardCharsets.UTF_8);
    }

    @Test
    void aClusterAddressThatIsNotThisMachinesIsOneLineBeforeHazelcastStarts() throws IOException {
        Path s = scenario(CliTestSupport.TINY_SWEEP);
        String key = dir.resolve("k").toString();
        for (String host : List.of("0.0.0.0", "8.8.8.8", "224.0.0.1", "::", "no.such.host.invalid")) {
            CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "worker", "--cluster", "--host", host,
                    "--key", key), "--host", "expected one IP address of this machine");
            CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "sweep", s.toString(), "--grid",
                    "programming.nMsp=5,10", "--cluster", "--host", host, "--key", key, "--out",
                    dir.resolve("sw").toString()), "--host", "expected one IP address of this machine");
        }
    }

    @Test
    void aTraceOrAnExportWhereNothingCanBeWrittenIsTheUsersToFix() throws IOException {
        Path s = scenario(CliTestSupport.TINY_SWEEP);
        Path aDirectory = Files.createDirectories(dir.resolve("adir"));
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "run", s.toString(), "--out",
                dir.resolve("o1").toString(), "--record", aDirectory.toString()), "--record", "is a directory");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "run", s.toString(), "--out",
                dir.resolve("o2").toString(), "--record", file.resolve("t.avro").toString()), "--record");
        Path trace = dir.resolve("t.avro");
        CliTestSupport.Result recorded = CliTestSupport.xbarsim(plugins, "run", s.toString(), "--out",
                dir.resolve("o3").toString(), "--record", trace.toString(), "--quiet");
        assertEquals(0, recorded.status(), recorded.err());
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(null, "inspect", trace.toString(), "--export", "csv",
                file.resolve("csv").toString()), "--export", "cannot write CSV files in");
    }

    @Test
    void numbersAreDecimalNotJavasSuffixesOrHexadecimal() throws IOException {
        for (String value : List.of("1d", "0x1p-3", "2f", "1D")) {
            Path s = scenario(CliTestSupport.TINY_SWEEP + "programming:\n  impl: rowwise-closed-loop\n  sMsp: " + value
                    + "\n");
            CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "run", s.toString(), "--out",
                    dir.resolve("o").toString()), "programming.sMsp", value);
        }
    }

    @Test
    void aNpyHeaderWithAKeyTwiceIsRefused() throws IOException {
        String dict = "{'descr': '<f8', 'descr': '<f4', 'fortran_order': False, 'shape': (16, 16), }";
        String header = dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 16 * 16 * 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("w.npy"), b.array());
        Path s = scenario(CliTestSupport.TINY_SWEEP.replace("distribution: gaussian", "distribution: file\n  file: w.npy"));
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "run", s.toString(), "--out",
                dir.resolve("o").toString()), "workload.file", "'descr', got it twice");
    }

    @Test
    void aModelIsWrittenBesideAndMovedIntoPlaceWhole() throws IOException {
        Path text = Files.writeString(dir.resolve("text.txt"), "the quick brown fox jumps over the lazy dog. "
                .repeat(100), StandardCharsets.UTF_8);
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("model.properties"), "old=1\n");
        Files.writeString(model.resolve("stale.npy"), "from an older model");
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(null, "train", "lstm", "--text",
                Files.writeString(dir.resolve("short.txt"), "too short").toString(), "--out",
                dir.resolve("m2").toString(), "--hidden", "4", "--epochs", "1"), "short.txt", "too short");
        List<String> args = new ArrayList<>(List.of("train", "lstm", "--text", text.toString(), "--out",
                model.toString(), "--hidden", "4", "--epochs", "1"));
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(null, args.toArray(String[]::new)), "--out",
                "already holds a model");
        args.add("--force");
        CliTestSupport.Result r = CliTestSupport.xbarsim(null, args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        assertFalse(Files.exists(model.resolve("stale.npy")), "the new model replaced the old one whole");
        assertTrue(Files.readString(model.resolve("model.properties")).contains("hiddenSize=4"));
        try (var siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".model.new-")
                    || p.getFileName().toString().startsWith(".model.old-")), "nothing left beside it");
        }
    }
}
