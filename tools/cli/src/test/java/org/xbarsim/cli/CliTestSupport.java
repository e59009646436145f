package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Running the real command line in-process with the real plugin jars (loaded by PF4J, never from the
 * test class path), after BadInputTest's approach: the jars are copied from the plugin modules'
 * target directories, or -Dxbarsim.test.plugins=DIR names a ready directory.
 */
final class CliTestSupport {
    /** The plugin modules whose jars xbarsim-cli's type-pom dependencies have packaged before the tests. */
    static final List<String> PLUGINS = List.of("device-pcm", "programming-rowwise", "workload-synthetic");

    /** A scenario whose points take well under a second: one 16x16 tile, a 16x16 Gaussian matrix. */
    static final String TINY_SWEEP = """
            name: tiny
            seed: 1
            chip:
              tile:
                rows: 16
                cols: 16
            device:
              impl: pcm
            workload:
              impl: synthetic
              distribution: gaussian
              rows: 16
              cols: 16
            """;

    private CliTestSupport() {
    }

    record Result(int status, String out, String err) {
    }

    /** Copies the plugin jars into {@code copies} (or returns -Dxbarsim.test.plugins) and returns the directory. */
    static Path pluginDir(Path copies) throws IOException {
        String given = System.getProperty("xbarsim.test.plugins");
        if (given != null) {
            return Path.of(given);
        }
        for (String plugin : PLUGINS) {
            Path target = Path.of("../../plugins", plugin, "target");
            List<Path> jars;
            try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
                jars = files.filter(f -> f.getFileName().toString().matches(
                        java.util.regex.Pattern.quote(plugin) + "-\\d[^-]*(-SNAPSHOT)?\\.jar")).toList();
            }
            if (jars.size() != 1) {
                fail("expected one packaged jar of plugin " + plugin + " in " + target.toAbsolutePath().normalize()
                        + ", found " + jars + ": run 'mvn verify' (or package), which packages the plugins "
                        + "before these tests; 'mvn test' alone does not");
            }
            Path copy = copies.resolve(jars.get(0).getFileName());
            if (!Files.exists(copy)) {
                Files.copy(jars.get(0), copy);
            }
        }
        return copies;
    }

    private static Path shared;

    /**
     * One copy of the plugin jars for every test class of this JVM that needs no other plugins, made on
     * first use and deleted when the JVM ends.
     */
    static synchronized Path sharedPluginDir() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("xbarsim-plugins");
                dir.toFile().deleteOnExit();
                shared = pluginDir(dir);
                try (Stream<Path> jars = Files.list(shared)) {
                    jars.forEach(j -> j.toFile().deleteOnExit());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Runs xbarsim with the arguments and {@code --plugins DIR} appended when given. */
    static Result xbarsim(Path pluginDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (pluginDir != null) {
            all.add("--plugins");
            all.add(pluginDir.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            int status = Main.execute(all.toArray(String[]::new), o, e);
            o.flush();
            e.flush();
            return new Result(status, out.toString(), err.toString());
        }
    }

    /** Exit status 2 and exactly one stderr line, without a trace, holding every fragment; returns the line. */
    static String assertInputError(Result r, String... fragments) {
        assertEquals(2, r.status(), () -> "exit status; stderr: " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr, got:\n" + r.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("xbarsim: "), line);
        assertFalse(line.contains("Exception"), line);
        assertFalse(r.err().contains("\tat "), r.err());
        for (String fragment : fragments) {
            assertTrue(line.contains(fragment), () -> "expected '" + fragment + "' in: " + line);
        }
        return line;
    }
}
