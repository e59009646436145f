package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.nn.data.Mnist;

/**
 * No download during a replay (issue 10): a trace whose recorded scenario names an MNIST data directory
 * that is missing here must not create it nor run npm, with or without --trust-recorded-paths; it
 * ends in one line and exit status 2. An {@code npm} of this test's own on the PATH leaves a mark if
 * anything runs it. Needs the MNIST data in the default cache, as MnistMlpIT does.
 */
class ReplayNoDownloadIT {
    private static final Path DIST = Path.of(System.getProperty("xbarsim.plugins",
            "../tools/cli/target/xbarsim/plugins")).toAbsolutePath().getParent();

    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {
    }

    private Outcome xbarsim(Path fakeBin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Dxbarsim.plugins=" + DIST.resolve("plugins"), "-cp", DIST.resolve("lib") + "/*",
                "org.xbarsim.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        pb.redirectOutput(dir.resolve("out.log").toFile());
        pb.redirectError(dir.resolve("err.log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "xbarsim " + String.join(" ", args) + " did not end");
        return new Outcome(p.exitValue(), Files.readString(dir.resolve("out.log")),
                Files.readString(dir.resolve("err.log")));
    }

    @Test
    void aReplayNeverCreatesTheRecordedDataDirectoryNorRunsNpm() throws Exception {
        Path fakeBin = Files.createDirectories(dir.resolve("bin"));
        Path mark = dir.resolve("npm-ran");
        Path npm = fakeBin.resolve("npm");
        Files.writeString(npm, "#!/bin/sh\ntouch '" + mark + "'\nexit 1\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwx------"));

        // Recorded with the data in a directory of its own (a link to the cache), which is then gone.
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createSymbolicLink(data.resolve(Mnist.EXTRACTED), Mnist.defaultDataDir().resolve(Mnist.EXTRACTED));
        Path trace = dir.resolve("mnist.avro");
        Outcome recorded = xbarsim(fakeBin, "run", Path.of("mnist-mlp.yaml").toAbsolutePath().toString(),
                "--set", "workload.dataDir=" + data, "--set", "inference.samples=100", "--trace-level", "summary",
                "--record", trace.toString(), "--out", dir.resolve("rec").toString(), "--quiet");
        assertEquals(0, recorded.status(), recorded.err());
        Files.delete(data.resolve(Mnist.EXTRACTED));
        Files.delete(data);

        for (List<String> flags : List.of(List.<String>of(), List.of("--trust-recorded-paths"))) {
            List<String> args = new ArrayList<>(List.of("replay", trace.toString()));
            args.addAll(flags);
            Outcome o = xbarsim(fakeBin, args.toArray(String[]::new));
            assertEquals(2, o.status(), flags + ": " + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertFalse(o.err().contains("\tat "), o.err());
            assertFalse(Files.exists(data), flags + ": the recorded data directory was created");
            assertFalse(Files.exists(mark), flags + ": npm ran during a replay");
        }
    }
}
