package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.cli.boom.BoomPolicy;
import org.xbarsim.engine.trace.Trace;

/**
 * A plugin that throws during a run, through the real command line: one line naming the plugin,
 * exit status 1, no stack trace, no hang, the event loops closed, and a trace being recorded kept
 * readable up to the failure, marked incomplete, with the failure line saying so.
 */
class PluginFailureTest {
    @TempDir
    static Path plugins;
    @TempDir
    Path dir;

    /** 16 rows on one 16x8 tile: rows before the failing one finish and are recorded. */
    static final String SCENARIO = """
            name: boom
            chip:
              tile:
                rows: 16
                cols: 8
            device:
              impl: pcm
            programming:
              impl: boom
            workload:
              impl: synthetic
              rows: 16
              cols: 8
            """;

    /**
     * The real plugins plus a jar holding {@link BoomPolicy}'s compiled classes, with a manifest and an
     * extension index of its own: PF4J loads it like any plugin (it is on the test class path too, but
     * extensions are only taken from the plugin directory).
     */
    @BeforeAll
    static void pluginsWithBoom() throws IOException {
        pluginsWithBoom(plugins);
    }

    /** The real plugins and the boom plugin's jar in {@code plugins}. */
    static void pluginsWithBoom(Path plugins) throws IOException {
        CliTestSupport.pluginDir(plugins);
        Path classes = Path.of(BoomPolicy.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        String pkg = BoomPolicy.class.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", "boom-plugin");
        a.putValue("Plugin-Version", "0.0.1");
        a.putValue("Plugin-Provider", "test");
        try (OutputStream out = Files.newOutputStream(plugins.resolve("boom-plugin.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.list(classes.resolve(pkg))) {
            jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jar.write((BoomPolicy.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("BoomPolicy")).sorted().toList()) {
                jar.putNextEntry(new JarEntry(pkg + "/" + f.getFileName()));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
    }

    private CliTestSupport.Result run(String... sets) throws IOException {
        Path scenario = dir.resolve("boom.yaml");
        Files.writeString(scenario, SCENARIO);
        List<String> args = new java.util.ArrayList<>(List.of("run", scenario.toString(), "--out",
                dir.resolve("out").toString(), "--quiet", "--threads", "2"));
        for (String arg : sets) {
            // "path=value" is a --set; anything else (--record FILE) is passed as it is.
            if (arg.contains("=")) {
                args.add("--set");
            }
            args.add(arg);
        }
        // A hang guard: the run takes well under a second.
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTestSupport.xbarsim(plugins,
                args.toArray(String[]::new)));
    }

    /** Exit status 1 and exactly one stderr line, no stack trace, holding every fragment. */
    private static String assertOneLineFailure(CliTestSupport.Result r, String... fragments) {
        assertEquals(1, r.status(), () -> "exit status; stderr: " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr, got:\n" + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(lines.get(0).contains("internal error"), lines.get(0));
        for (String fragment : fragments) {
            assertTrue(lines.get(0).contains(fragment), () -> "expected '" + fragment + "' in: " + lines.get(0));
        }
        return lines.get(0);
    }

    @Test
    void aPolicyThrowingMidRunIsNamedAndTheRecordedTraceIsKeptReadableUpToTheFailure() throws Exception {
        Path trace = dir.resolve("boom.avro");
        String line = assertOneLineFailure(run("programming.failOnRow=10", "--record", trace.toString()),
                "policy boom failed on tile 0 row 10", "planned failure", "trace " + trace,
                "kept up to the failure", "marked incomplete");
        Trace t = Trace.read(trace);
        assertFalse(t.complete());
        // Rows run on several threads at once and the timeline ends them in row order: what it ended
        // before row 10 failed is rows 0..k-1 for some k <= 10, each recorded once, row 10 never.
        List<Integer> finished = t.events().stream().filter(e -> e instanceof RowFinished)
                .map(e -> ((RowFinished) e).getRow()).toList();
        assertTrue(finished.size() <= 10, finished.toString());
        assertEquals(java.util.stream.IntStream.range(0, finished.size()).boxed().toList(), finished);
        assertTrue(line.contains("(" + t.events().size() + " events"), line + " vs " + t.events().size());
        assertFalse(Files.exists(dir.resolve("out/summary.json")), "no summary for a failed run");
        assertThreadsGone();

        // inspect reads what it holds; replay refuses it as cut short.
        CliTestSupport.Result inspect = CliTestSupport.xbarsim(null, "inspect", trace.toString());
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("incomplete"), inspect.out());
        CliTestSupport.assertInputError(CliTestSupport.xbarsim(plugins, "replay", trace.toString()), "cut short");
    }

    @Test
    void anErrorFromAPluginIsAPluginFailureNotAnInternalError() throws Exception {
        assertOneLineFailure(run("programming.failOnRow=3", "programming.failKind=error"),
                "policy boom failed on tile 0 row 3", "NoClassDefFoundError");
        assertThreadsGone();
    }

    @Test
    void aPolicyThrowingWhileATileStartsIsNamed() throws Exception {
        Path trace = dir.resolve("start.avro");
        assertOneLineFailure(run("programming.failOnRow=-2", "--record", trace.toString()),
                "policy boom failed starting tile 0", "planned failure", "kept up to the failure");
        assertFalse(Trace.read(trace).complete());
        assertThreadsGone();
    }

    /** The run's event loops and the trace writer are gone once the command returns (give them 10 s to end). */
    private static void assertThreadsGone() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith("vert.x-eventloop") || n.startsWith("xbarsim-trace-writer")).toList();
            if (alive.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("threads still alive after the run: " + alive);
    }
}
