package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.NpyArray;

/**
 * Traces and scenarios are data, never instructions (issue 10): a name recorded in a trace (or a
 * scenario's own {@code name:}) cannot choose where xbarsim writes, and the files a trace's recorded
 * scenario names are read only with the user's {@code --scenario-dir} (and then only under it) or
 * {@code --trust-recorded-paths}.
 */
class ReplayTrustTest {
    private static final Path GOLDEN = Path.of("../../scenarios/traces/golden-v2.avro").toAbsolutePath();

    private static final Path plugins = CliTestSupport.sharedPluginDir();

    @TempDir
    Path dir;

    /** The golden trace with its recorded scenario text changed by {@code edit}. */
    private Path withScenario(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path out = dir.resolve(name);
        try (DataFileReader<Object> r = new DataFileReader<>(GOLDEN.toFile(), new GenericDatumReader<>());
             DataFileWriter<Object> w = new DataFileWriter<>(new GenericDatumWriter<>(r.getSchema()))) {
            for (String k : r.getMetaKeys()) {
                if (k.startsWith("xbarsim.")) {
                    String v = r.getMetaString(k);
                    w.setMeta(k, k.equals("xbarsim.scenario") ? edit.apply(v) : v);
                }
            }
            w.create(r.getSchema(), out.toFile());
            for (Object e : r) {
                w.append(e);
            }
        }
        return out;
    }

    /** Every file under {@code root}, relative to it, but for the logs this test writes there. */
    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.endsWith(".out") && !p.endsWith(".err") && !p.endsWith(".avro")
                            && !p.endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void aRecordedNameCannotChooseWhereReplayWrites() throws Exception {
        Path trace = withScenario("named.avro", s -> s.replaceFirst("(?m)^name: .*$", "name: ../../escape"));
        Path work = Files.createDirectories(dir.resolve("a/b/work"));
        try (CliProcesses p = new CliProcesses(dir)) {
            Process r = p.start("replay", work, List.of(), "replay", trace.toString(), "--device", "pcm",
                    "--plugins", plugins.toString());
            assertEquals(0, CliProcesses.exit(r, 120, "replay"), p.err("replay"));
        }
        List<String> written = files(dir);
        assertEquals(List.of("a/b/work/runs/_.._escape-on-pcm/.xbarsim.lock",
                "a/b/work/runs/_.._escape-on-pcm/summary.json"), written);
    }

    @Test
    void aScenarioNameCannotChooseWhereRunWrites() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), CliTestSupport.TINY_SWEEP
                .replace("name: tiny", "name: ../../../escape"));
        Path work = Files.createDirectories(dir.resolve("a/b/work"));
        try (CliProcesses p = new CliProcesses(dir)) {
            Process r = p.start("run", work, List.of(), "run", scenario.toString(), "--quiet", "--plugins",
                    plugins.toString());
            assertEquals(0, CliProcesses.exit(r, 120, "run"), p.err("run"));
        }
        List<String> written = files(dir);
        assertTrue(written.stream().allMatch(f -> f.startsWith("a/b/work/runs/_.._.._escape/")), written.toString());
        assertTrue(written.contains("a/b/work/runs/_.._.._escape/summary.json"), written.toString());
    }

    /** A recorded trace of a scenario whose weights come from a .npy beside it. */
    private Path recordedWithAFile(Path scenarioDir) throws IOException {
        Files.createDirectories(scenarioDir);
        double[] w = new double[16 * 16];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sin(i);
        }
        NpyArray.write(scenarioDir.resolve("w.npy"), new int[] {16, 16}, w);
        Path scenario = Files.writeString(scenarioDir.resolve("file.yaml"), CliTestSupport.TINY_SWEEP
                .replace("distribution: gaussian", "distribution: file\n  file: w.npy"));
        Path trace = dir.resolve("file.avro");
        CliTestSupport.Result r = CliTestSupport.xbarsim(plugins, "run", scenario.toString(), "--out",
                dir.resolve("rec").toString(), "--record", trace.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        return trace;
    }

    @Test
    void recordedFilesAreReadOnlyWithTheUsersConsentAndOnlyUnderTheDirectoryGiven() throws IOException {
        Path scenarios = dir.resolve("scenarios");
        Path trace = recordedWithAFile(scenarios);
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "replay", trace.toString()),
                "workload.file", "--scenario-dir", "--trust-recorded-paths");
        CliTestSupport.Result there = CliTestSupport.xbarsim(plugins, "replay", trace.toString(), "--scenario-dir",
                scenarios.toString());
        assertEquals(0, there.status(), there.err());
        assertTrue(there.out().startsWith("identical"), there.out());
        CliTestSupport.Result trusted = CliTestSupport.xbarsim(plugins, "replay", trace.toString(),
                "--trust-recorded-paths");
        assertEquals(0, trusted.status(), trusted.err());

        // Elsewhere, the same file is refused: an absolute path, a climb out, a link out.
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.copy(scenarios.resolve("w.npy"), outside.resolve("secret.npy"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.createSymbolicLink(other.resolve("w.npy"), outside.resolve("secret.npy"));
        for (String file : List.of(outside.resolve("secret.npy").toString(), "../outside/secret.npy")) {
            Path t = rewrite(trace, "file: w.npy", "file: " + file);
            CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "replay", t.toString(), "--scenario-dir",
                    scenarios.toString()), "workload.file", "expected a file under " + scenarios.toRealPath());
        }
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "replay", trace.toString(), "--scenario-dir",
                other.toString()), "workload.file", outside.resolve("secret.npy").toRealPath().toString());
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "replay", trace.toString(), "--device", "pcm",
                "--out", dir.resolve("d").toString()), "workload.file", "--scenario-dir");
    }

    private Path rewrite(Path trace, String from, String to) throws IOException {
        Path out = dir.resolve("rewritten-" + Integer.toHexString(to.hashCode()) + ".avro");
        try (DataFileReader<Object> r = new DataFileReader<>(trace.toFile(), new GenericDatumReader<>());
             DataFileWriter<Object> w = new DataFileWriter<>(new GenericDatumWriter<>(r.getSchema()))) {
            for (String k : r.getMetaKeys()) {
                if (k.startsWith("xbarsim.")) {
                    w.setMeta(k, r.getMetaString(k).replace(from, to));
                }
            }
            w.create(r.getSchema(), out.toFile());
            for (Object e : r) {
                w.append(e);
            }
        }
        assertFalse(Files.readString(out, java.nio.charset.StandardCharsets.ISO_8859_1).contains(from)
                && !from.equals(to), "rewritten");
        return out;
    }
}
