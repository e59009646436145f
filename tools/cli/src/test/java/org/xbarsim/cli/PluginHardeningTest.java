package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that ends, hangs or exhausts the JVM (issue 10), each in a JVM of its own: the run fails with
 * one line naming the plugin and exit status 1, never ends as a success, never waits for ever; and a
 * second jar providing an id another jar provides is named, not a reason for every command to stop.
 */
class PluginHardeningTest {
    @TempDir
    static Path plugins;
    @TempDir
    Path dir;

    @BeforeAll
    static void pluginsWithBoom() throws IOException {
        PluginFailureTest.pluginsWithBoom(plugins);
    }

    private CliProcesses.Result run(CliProcesses p, String name, List<String> jvm, String... sets) throws Exception {
        Path scenario = dir.resolve("boom.yaml");
        Files.writeString(scenario, PluginFailureTest.SCENARIO);
        List<String> args = new java.util.ArrayList<>(List.of("run", scenario.toString(), "--out",
                dir.resolve("out-" + name).toString(), "--quiet", "--threads", "2", "--plugins", plugins.toString()));
        for (String s : sets) {
            if (s.contains("=")) {
                args.add("--set");
            }
            args.add(s);
        }
        Process process = p.start(name, jvm, args.toArray(String[]::new));
        int status = CliProcesses.exit(process, 120, name);
        return new CliProcesses.Result(status, p.out(name), p.err(name));
    }

    private static String oneLine(CliProcesses.Result r, int status, String... fragments) {
        assertEquals(status, r.status(), () -> "exit status; stderr: " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), () -> "one line on stderr, got:\n" + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        for (String f : fragments) {
            assertTrue(lines.get(0).contains(f), () -> "'" + f + "' in: " + lines.get(0));
        }
        return lines.get(0);
    }

    @Test
    void aPluginCallingSystemExitEndsTheRunAsAFailureNamingIt() throws Exception {
        try (CliProcesses p = new CliProcesses(dir)) {
            CliProcesses.Result r = run(p, "exit", List.of(), "programming.failOnRow=3", "programming.failKind=exit");
            oneLine(r, 1, "plugin boom-plugin (boom-plugin.jar)", "System.exit", "did not finish");
            assertFalse(Files.exists(dir.resolve("out-exit/summary.json")));
        }
    }

    @Test
    void aPluginThatLoopsIsNamedWhenTheRunMakesNoProgress() throws Exception {
        try (CliProcesses p = new CliProcesses(dir)) {
            long start = System.nanoTime();
            CliProcesses.Result r = run(p, "hang", List.of(), "programming.failOnRow=3", "programming.failKind=hang",
                    "--plugin-timeout", "2s");
            oneLine(r, 1, "plugin boom-plugin (boom-plugin.jar) at org.xbarsim.cli.boom.BoomPolicy",
                    "made no progress for 2 s");
            assertTrue((System.nanoTime() - start) / 1e9 < 60, "stopped, not waited on");
        }
    }

    @Test
    void aPluginRunningOutOfMemoryIsNamed() throws Exception {
        try (CliProcesses p = new CliProcesses(dir)) {
            CliProcesses.Result r = run(p, "oom", List.of("-Xmx128m"), "programming.failOnRow=3",
                    "programming.failKind=oom");
            oneLine(r, 1, "plugin boom-plugin (boom-plugin.jar) at org.xbarsim.cli.boom.BoomPolicy", "ran out of memory",
                    "a heap of ");
        }
    }

    /** A copy of a jar with another Plugin-Id: the same extensions, from a second plugin. */
    private static void copyAs(Path jar, Path copy, String pluginId) throws IOException {
        try (InputStream in = Files.newInputStream(jar); JarInputStream j = new JarInputStream(in)) {
            Manifest m = new Manifest(j.getManifest());
            m.getMainAttributes().putValue("Plugin-Id", pluginId);
            try (OutputStream out = Files.newOutputStream(copy); JarOutputStream o = new JarOutputStream(out, m)) {
                for (JarEntry e = j.getNextJarEntry(); e != null; e = j.getNextJarEntry()) {
                    o.putNextEntry(new JarEntry(e.getName()));
                    j.transferTo(o);
                    o.closeEntry();
                }
            }
        }
    }

    @Test
    void aSecondJarProvidingPcmIsNamedAndTheOtherCommandsWork() throws Exception {
        Path two = Files.createDirectories(dir.resolve("plugins"));
        for (Path jar : Files.list(plugins).toList()) {
            Files.copy(jar, two.resolve(jar.getFileName()));
        }
        Path pcm = Files.list(two).filter(f -> f.getFileName().toString().startsWith("device-pcm")).findFirst()
                .orElseThrow();
        copyAs(pcm, two.resolve("evil.jar"), "evil-pcm");
        CliTestSupport.Result listed = CliTestSupport.xbarsim(two, "plugins");
        assertEquals(0, listed.status(), listed.err());
        List<String> warnings = listed.err().lines().toList();
        assertEquals(1, warnings.size(), listed.err());
        assertTrue(warnings.get(0).contains("evil.jar") && warnings.get(0).contains(pcm.getFileName().toString())
                && warnings.get(0).contains("device model 'pcm'"), warnings.get(0));
        Path scenario = Files.writeString(dir.resolve("s.yaml"), CliTestSupport.TINY_SWEEP);
        CliTestSupport.Result run = CliTestSupport.xbarsim(two, "run", scenario.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("unknown device model 'pcm'"), run.err());
    }
}
