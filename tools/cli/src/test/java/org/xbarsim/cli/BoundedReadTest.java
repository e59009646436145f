package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.NpyArray;

/**
 * Every file read is bounded, and nothing waits for ever on a file (issue 10): a named pipe where a
 * file is expected is refused in one line, and the files of a sweep directory (a summary to resume
 * from, the axes, the table) are read with limits, so a huge or crafted one costs a line, not the heap.
 */
class BoundedReadTest {
    private static final Path plugins = CliTestSupport.sharedPluginDir();

    @TempDir
    Path dir;

    private static CliTestSupport.Result xbarsim(Path pluginDir, String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTestSupport.xbarsim(pluginDir, args));
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path f = dir.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", f.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        return f;
    }

    @Test
    void aNamedPipeWhereAFileIsExpectedIsRefusedNotWaitedOn() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), CliTestSupport.TINY_SWEEP);
        Path pipe = fifo("pipe.yaml");
        CliTestSupport.assertInputError(xbarsim(plugins, "run", pipe.toString()), pipe.toString(), "named pipe");
        Path npy = fifo("w.npy");
        Path fileScenario = Files.writeString(dir.resolve("f.yaml"), CliTestSupport.TINY_SWEEP
                .replace("distribution: gaussian", "distribution: file\n  file: w.npy"));
        CliTestSupport.assertInputError(xbarsim(plugins, "run", fileScenario.toString(), "--out",
                dir.resolve("o1").toString()), "workload.file", "named pipe");
        Path record = fifo("t.avro");
        CliTestSupport.assertInputError(xbarsim(plugins, "run", scenario.toString(), "--out",
                dir.resolve("o2").toString(), "--record", record.toString()), "--record", "named pipe");
        CliTestSupport.assertInputError(xbarsim(plugins, "replay", record.toString()), record.toString(),
                "named pipe");
        CliTestSupport.assertInputError(xbarsim(null, "inspect", record.toString()), record.toString(),
                "named pipe");
        assertTrue(Files.exists(npy));
    }

    /** A finished sweep of two points in {@code out}. */
    private Path sweep(Path out, String... extra) throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), CliTestSupport.TINY_SWEEP);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("sweep", scenario.toString(),
                "--grid", "programming.nMsp=5,10", "--out", out.toString(), "--quiet", "--workers", "1"));
        args.addAll(java.util.List.of(extra));
        CliTestSupport.Result r = xbarsim(plugins, args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return scenario;
    }

    @Test
    void aHugeSummaryToResumeFromIsRunAgainNotRead() throws IOException {
        Path out = dir.resolve("sweep");
        Path scenario = sweep(out);
        Path summary = out.resolve("points/1/summary.json");
        try (RandomAccessFile f = new RandomAccessFile(summary.toFile(), "rw")) {
            f.setLength(3L << 30); // 3 GiB, sparse
        }
        CliTestSupport.Result r = xbarsim(plugins, "sweep", scenario.toString(), "--grid", "programming.nMsp=5,10",
                "--out", out.toString(), "--quiet", "--workers", "1", "--resume");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("resuming, 1 done before"), r.out());
        assertTrue(Files.size(summary) < 1 << 20, "point 2 ran again");
    }

    @Test
    void aSummaryThatIsNotThePointsIsRunAgainOnResumeNotCountedDone() throws IOException {
        // Issue 10: a forged "{}" summary written by a rogue answer was counted done by a later --resume.
        Path out = dir.resolve("sweep");
        Path scenario = sweep(out);
        Path first = out.resolve("points/0/summary.json");
        Path second = out.resolve("points/1/summary.json");
        Files.writeString(first, "{}");
        String other = Files.readString(second).replace("\"seed\" : 1", "\"seed\" : 2");
        Files.writeString(second, other);
        CliTestSupport.Result r = xbarsim(plugins, "sweep", scenario.toString(), "--grid", "programming.nMsp=5,10",
                "--out", out.toString(), "--quiet", "--workers", "1", "--resume");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("sweep of 2 points") && !r.out().contains("done before"), r.out());
        assertTrue(Files.readString(first).contains("\"programming\""), "point 1 ran again");
        assertTrue(Files.readString(second).contains("\"seed\" : 1"), "point 2 ran again");
    }

    @Test
    void aHugeAxesFileIsRefusedOnResume() throws IOException {
        Path out = dir.resolve("sweep");
        Path scenario = sweep(out);
        try (RandomAccessFile f = new RandomAccessFile(out.resolve("sweep.properties").toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        CliTestSupport.assertInputError(xbarsim(plugins, "sweep", scenario.toString(), "--grid",
                "programming.nMsp=5,10", "--out", out.toString(), "--quiet", "--resume"),
                out.resolve("sweep.properties").toString(), "at most");
    }

    @Test
    void aTableOfNearEmptyCellsIsRefusedBeforeItFillsTheHeap() throws IOException {
        Path out = dir.resolve("sweep");
        sweep(out);
        Path csv = out.resolve("sweep.csv");
        String header = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
        int columns = header.split(",").length;
        // 60 MiB of rows of empty cells (within the table's size limit): millions of cells.
        StringBuilder row = new StringBuilder("5");
        row.append(",".repeat(columns - 1)).append('\n');
        try (var w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(header + "\n");
            long rows = (60L << 20) / row.length();
            for (long i = 0; i < rows; i++) {
                w.write(row.toString());
            }
        }
        CliTestSupport.assertInputError(xbarsim(null, "report", out.toString()), csv.toString(), "rows");
        // A row far wider than the header is refused at once too.
        Files.writeString(csv, header + "\n5" + ",".repeat(10_000_000) + "\n", StandardCharsets.UTF_8);
        CliTestSupport.assertInputError(xbarsim(null, "report", out.toString()), csv.toString(), "fields");
    }

    @Test
    void npyWeightsStillRead() throws IOException {
        // The refusal of pipes leaves regular files alone (and symbolic links to them).
        NpyArray.write(dir.resolve("real.npy"), new int[] {16, 16}, new double[256]);
        Files.createSymbolicLink(dir.resolve("w.npy"), dir.resolve("real.npy"));
        Path s = Files.writeString(dir.resolve("f.yaml"), CliTestSupport.TINY_SWEEP
                .replace("distribution: gaussian", "distribution: file\n  file: w.npy"));
        CliTestSupport.Result r = xbarsim(plugins, "run", s.toString(), "--out", dir.resolve("o").toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
    }
}
