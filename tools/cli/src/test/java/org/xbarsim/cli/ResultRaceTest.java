package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.engine.trace.Trace;

/**
 * No result lost to a race (issue 10): two commands started together on one result (run --out D, run
 * --record F, two sweeps on one directory), each in a JVM of its own. Exactly one proceeds; the other
 * exits 2 with one line before computing anything; the result on disk is the one that proceeded,
 * whole. The two runs differ in seed, so the summary on disk tells which one wrote it.
 */
class ResultRaceTest {
    private static final Path plugins = CliTestSupport.sharedPluginDir();

    @TempDir
    Path dir;

    /** 1024 x 1024 weights on sixteen 256 x 256 tiles with one event loop: seconds, so the two runs overlap. */
    private static final String LONG_RUN = """
            name: race
            device:
              impl: pcm
            workload:
              impl: synthetic
              rows: 1024
              cols: 1024
            """;

    private Path scenario(String text) throws IOException {
        Path s = dir.resolve("race.yaml");
        Files.writeString(s, text);
        return s;
    }

    /** Of two exit statuses, one is 0 and the other 2 with one stderr line holding the fragment; returns the winner. */
    private static int oneProceeded(CliProcesses p, Process a, Process b, String fragment) throws InterruptedException {
        int sa = CliProcesses.exit(a, 120, "a");
        int sb = CliProcesses.exit(b, 120, "b");
        String both = "a: " + sa + " " + p.err("a") + "\nb: " + sb + " " + p.err("b");
        assertTrue((sa == 0 && sb == 2) || (sa == 2 && sb == 0), both);
        String loser = sa == 2 ? "a" : "b";
        List<String> lines = p.err(loser).lines().toList();
        assertEquals(1, lines.size(), both);
        assertTrue(lines.get(0).startsWith("xbarsim: ") && lines.get(0).contains(fragment), both);
        assertFalse(p.err(loser).contains("\tat "), both);
        assertEquals("", p.out(loser), "the refused command computed nothing: " + p.out(loser));
        return sa == 0 ? 0 : 1;
    }

    @Test
    void twoRunsOnOneOutDirectory() throws Exception {
        Path s = scenario(LONG_RUN);
        Path out = dir.resolve("out");
        try (CliProcesses p = new CliProcesses(dir)) {
            Process a = p.start("a", "run", s.toString(), "--out", out.toString(), "--seed", "1", "--threads", "1",
                    "--quiet", "--plugins", plugins.toString());
            Process b = p.start("b", "run", s.toString(), "--out", out.toString(), "--seed", "2", "--threads", "1",
                    "--quiet", "--plugins", plugins.toString());
            int winner = oneProceeded(p, a, b, out.toString());
            JsonObject summary = new JsonObject(Files.readString(out.resolve("summary.json")));
            assertEquals(winner + 1, summary.getJsonObject("scenario").getLong("seed"), "the summary is the winner's, not overwritten");
        }
    }

    @Test
    void twoRunsRecordingOneTrace() throws Exception {
        Path s = scenario(LONG_RUN);
        Path trace = dir.resolve("t.avro");
        try (CliProcesses p = new CliProcesses(dir)) {
            Process a = p.start("a", "run", s.toString(), "--out", dir.resolve("a").toString(), "--seed", "1",
                    "--threads", "1", "--quiet", "--trace-level", "summary", "--record", trace.toString(),
                    "--plugins", plugins.toString());
            Process b = p.start("b", "run", s.toString(), "--out", dir.resolve("b").toString(), "--seed", "2",
                    "--threads", "1", "--quiet", "--trace-level", "summary", "--record", trace.toString(),
                    "--plugins", plugins.toString());
            int winner = oneProceeded(p, a, b, trace.toString());
            Trace t = Trace.read(trace);
            assertTrue(t.complete(), "the trace is whole, not interleaved");
            assertEquals(Integer.toString(winner + 1), t.metadata().get("xbarsim.seed"));
            assertEquals(4096, t.events().stream().filter(e -> e instanceof RowFinished).count(),
                    "one RowFinished per row of the 16 tiles, of one run");
        }
    }

    @Test
    void twoSweepsOnOneDirectory() throws Exception {
        Path s = scenario(LONG_RUN.replace("1024", "256"));
        Path out = dir.resolve("sweep");
        try (CliProcesses p = new CliProcesses(dir)) {
            // 20 points of a 256 x 256 tile, a fraction of a second each: the second sweep starts while the
            // first is surely running.
            String[] common = {"sweep", s.toString(), "--grid", "programming.nMsp=5:40:20", "--workers", "1",
                "--threads", "1", "--quiet", "--out", out.toString(), "--plugins", plugins.toString()};
            Process a = p.start("a", common);
            CliProcesses.await("the first sweep to start", 60, () -> p.out("a").contains("sweep of"));
            String[] resume = java.util.Arrays.copyOf(common, common.length + 1);
            resume[common.length] = "--resume";
            Process b = p.start("b", resume);
            oneProceeded(p, a, b, out.toString());
            assertTrue(p.out("a").contains("wall"), p.out("a"));
        }
    }
}
