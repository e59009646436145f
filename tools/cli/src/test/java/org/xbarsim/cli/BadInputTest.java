package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.NpyArray;

/**
 * Bad input through the real command line with the real plugin jars (loaded by PF4J, never from the
 * test class path): each mistake must give exit status 2 and one line on stderr naming the file
 * (with line where known), the key path and what was expected, and no stack trace without --debug.
 */
class BadInputTest {
    /** The plugin modules whose jars xbarsim-cli's type-pom dependencies have packaged before this test. */

    /** A tiny valid scenario: one 8x8 tile, an 8x8 Gaussian matrix. Line numbers below count from 1. */
    private static final String VALID = """
            name: tiny
            seed: 1
            chip:
              tile:
                rows: 8
                cols: 8
            device:
              impl: pcm
            workload:
              impl: synthetic
              distribution: gaussian
              rows: 8
              cols: 8
            """;

    @TempDir
    static Path copies;

    private static Path pluginDir;

    @TempDir
    Path dir;

    /**
     * Copies the plugin jars from the plugin modules' target directories rather than using the
     * distribution's plugins/ directory: that is assembled at package, after this module's tests.
     * -Dxbarsim.test.plugins=DIR uses a ready directory instead.
     */
    @BeforeAll
    static void plugins() throws IOException {
        pluginDir = CliTestSupport.pluginDir(copies);
    }

    private static CliTestSupport.Result xbarsim(String... args) {
        return CliTestSupport.xbarsim(pluginDir, args);
    }

    private Path scenario(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String assertInputError(CliTestSupport.Result r, String... fragments) {
        return CliTestSupport.assertInputError(r, fragments);
    }

    @Test
    void everyCommandHasItsHelpAndAMissingArgumentPointsToIt() {
        for (String command : new String[] {"run", "sweep", "optimize", "replay", "inspect", "report", "worker",
            "plugins", "train"}) {
            CliTestSupport.Result help = CliTestSupport.xbarsim(null, command, "--help");
            org.junit.jupiter.api.Assertions.assertEquals(0, help.status(), command + ": " + help.err());
            org.junit.jupiter.api.Assertions.assertTrue(help.out().startsWith("Usage: xbarsim " + command),
                    help.out());
        }
        org.junit.jupiter.api.Assertions.assertTrue(CliTestSupport.xbarsim(null, "help", "optimize").out()
                .contains("--vary"));
        assertInputError(CliTestSupport.xbarsim(null, "run"), "Missing required parameter", "xbarsim run --help");
    }

    @Test
    void aDamagedJarInThePluginDirectoryIsNamedInOneLineAndTheOthersStillLoad() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (var jars = Files.list(pluginDir)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        Path file = scenario("ok.yaml", VALID);
        CliTestSupport.Result r = CliTestSupport.xbarsim(plugins, "run", file.toString(), "--out",
                dir.resolve("out").toString(), "--quiet");
        org.junit.jupiter.api.Assertions.assertEquals(0, r.status(), r.err());
        java.util.List<String> lines = r.err().lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, lines.size(), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(lines.get(0).startsWith("xbarsim: warning: ")
                && lines.get(0).contains("broken.jar") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void missingScenarioFile() {
        Path missing = dir.resolve("nosuch.yaml");
        assertInputError(xbarsim("run", missing.toString()),
                missing + ": expected a scenario YAML file, found no such file");
    }

    @Test
    void malformedYamlBadIndentation() throws IOException {
        Path file = scenario("indent.yaml", """
                name: indent
                chip:
                  tile:
                    rows: 8
                   cols: 8
                """);
        assertInputError(xbarsim("run", file.toString()),
                file + ":5:4: chip: malformed YAML: expected <block end>");
    }

    @Test
    void malformedYamlUnclosedBracket() throws IOException {
        Path file = scenario("bracket.yaml", """
                name: bracket
                chip:
                  tile: {rows: 8, cols: [8
                device:
                  impl: pcm
                """);
        assertInputError(xbarsim("run", file.toString()),
                file + ":4:7: chip.tile.cols: malformed YAML: expected ',' or ']'",
                "while parsing a flow sequence started at line 3");
    }

    @Test
    void unknownKeySuggestsTheNearestKnownOne() throws IOException {
        Path file = scenario("typo.yaml", VALID.replace("  impl: pcm\n", "  impl: pcm\n  gmaxMaen: 25uS\n"));
        assertInputError(xbarsim("run", file.toString()),
                file + ":9: device.gmaxMaen: unknown key (did you mean 'device.gmaxMean'?); device keys are gmaxMean, ");
    }

    @Test
    void unknownTopLevelKey() throws IOException {
        Path file = scenario("top.yaml", VALID.replace("workload:", "workloads:"));
        assertInputError(xbarsim("run", file.toString()),
                file + ":10: workloads: unknown key (did you mean 'workload'?); a scenario has name, description, "
                        + "seed, chip, device, programming, workload");
    }

    @Test
    void wrongUnit() throws IOException {
        Path file = scenario("unit.yaml", VALID.replace("  impl: pcm\n", "  impl: pcm\n  gmaxMean: 25pJ\n"));
        assertInputError(xbarsim("run", file.toString()),
                file + ":9: device.gmaxMean: expected a conductance in nS, uS, mS, S, got unit 'pJ' in '25pJ'");
    }

    @Test
    void missingUnit() throws IOException {
        Path file = scenario("nounit.yaml", VALID.replace("  impl: pcm\n", "  impl: pcm\n  gmaxMean: 25\n"));
        assertInputError(xbarsim("run", file.toString()),
                file + ":9: device.gmaxMean: expected a conductance with a unit (nS, uS, mS, S), got '25'");
    }

    @Test
    void outOfRangeValue() throws IOException {
        Path file = scenario("adc.yaml", VALID.replace("chip:\n", "chip:\n  adc:\n    bits: 40\n"));
        assertInputError(xbarsim("run", file.toString()),
                file + ":5: chip.adc.bits: expected a whole number in 1..16, got 40");
    }

    @Test
    void unknownPluginId() throws IOException {
        Path file = scenario("rram.yaml", VALID.replace("impl: pcm", "impl: rram"));
        assertInputError(xbarsim("run", file.toString()),
                file + ":8: device.impl: unknown device model 'rram'; installed: pcm");
    }

    @Test
    void unknownPreset() throws IOException {
        Path file = scenario("preset.yaml", VALID.replace("  impl: pcm\n", "  impl: pcm\n  preset: nosuch\n"));
        assertInputError(xbarsim("run", file.toString()),
                file + ":9: device.preset: unknown preset 'nosuch' of device model 'pcm'; available: default");
    }

    @Test
    void setWithoutEquals() throws IOException {
        Path file = scenario("valid.yaml", VALID);
        assertInputError(xbarsim("run", file.toString(), "--set", "chip.adc.bits"),
                "--set: expected path=value, got 'chip.adc.bits'");
    }

    @Test
    void setOfAnUnknownKey() throws IOException {
        Path file = scenario("valid.yaml", VALID);
        assertInputError(xbarsim("run", file.toString(), "--set", "device.gmaxMaen=25uS"),
                "--set: device.gmaxMaen: unknown key (did you mean 'device.gmaxMean'?)");
    }

    private String fileWorkload(String npy) {
        return VALID.replace("distribution: gaussian", "distribution: file\n  file: " + npy);
    }

    @Test
    void npyOfTheWrongShape() throws IOException {
        Path npy = dir.resolve("w.npy");
        NpyArray.write(npy, new int[] {4, 4}, new double[16]);
        Path file = scenario("shape.yaml", fileWorkload("w.npy"));
        assertInputError(xbarsim("run", file.toString()),
                file + ": workload.file: " + npy + ": expected shape (8, 8) as workload.rows and workload.cols say, "
                        + "got (4, 4)");
    }

    @Test
    void npyOfTheWrongDtype() throws IOException {
        Path npy = dir.resolve("w.npy");
        long[] values = new long[64];
        Files.write(npy, npy("<i8", "(8, 8)", 64 * 8, b -> {
            for (long v : values) {
                b.putLong(v);
            }
        }));
        Path file = scenario("dtype.yaml", fileWorkload("w.npy"));
        assertInputError(xbarsim("run", file.toString()),
                file + ": workload.file: " + npy + ": expected dtype float32 or float64 ('<f4', '<f8'), got '<i8'");
    }

    @Test
    void truncatedNpy() throws IOException {
        Path npy = dir.resolve("w.npy");
        NpyArray.write(npy, new int[] {8, 8}, new double[64]);
        byte[] whole = Files.readAllBytes(npy);
        Files.write(npy, java.util.Arrays.copyOf(whole, whole.length - 100));
        Path file = scenario("truncated.yaml", fileWorkload("w.npy"));
        assertInputError(xbarsim("run", file.toString()),
                file + ": workload.file: " + npy + ": expected 512 bytes of data for shape (8, 8), file has 412 "
                        + "(truncated)");
    }

    @Test
    void listWhereAValueIsExpected() throws IOException {
        Path file = scenario("list.yaml", VALID.replace("  impl: pcm\n", "  impl: pcm\n  gmaxMean: [25uS, 30uS]\n"));
        assertInputError(xbarsim("run", file.toString()),
                file + ":9: device.gmaxMean: expected a value or a mapping of keys, got a list");
    }

    @Test
    void existingResultWithoutForce() throws IOException {
        Path file = scenario("valid.yaml", VALID);
        Path out = dir.resolve("result");
        CliTestSupport.Result first = xbarsim("run", file.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, first.status(), first::err);
        byte[] summary = Files.readAllBytes(out.resolve("summary.json"));

        assertInputError(xbarsim("run", file.toString(), "--out", out.toString(), "--threads", "1"),
                "--out: expected a directory without a result, but " + out + " already holds one (summary.json); "
                        + "pass --force");
        assertArrayEquals(summary, Files.readAllBytes(out.resolve("summary.json")), "the first result is untouched");
    }

    @Test
    void negativeSeed() throws IOException {
        Path file = scenario("valid.yaml", VALID);
        assertInputError(xbarsim("run", file.toString(), "--seed", "-3"),
                "--seed: expected a whole number >= 0, got -3");
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        Path file = scenario("adc.yaml", VALID.replace("chip:\n", "chip:\n  adc:\n    bits: 40\n"));
        CliTestSupport.Result r = xbarsim("--debug", "run", file.toString());
        assertEquals(2, r.status(), r::err);
        List<String> lines = r.err().lines().toList();
        assertEquals("xbarsim: " + file + ":5: chip.adc.bits: expected a whole number in 1..16, got 40", lines.get(0));
        assertTrue(lines.size() > 2, r.err());
        assertTrue(r.err().contains("InputError"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    /** A .npy file of version 1.0 written by hand, for dtypes {@link NpyArray#write} does not write. */
    private static byte[] npy(String descr, String shape, int dataBytes,
                              java.util.function.Consumer<ByteBuffer> data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        // magic (6) + version (2) + header length (2) + header, padded with spaces to 64 bytes, ending in '\n'
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length).put(header);
        data.accept(b);
        return b.array();
    }
}
