package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.cli.CliTestSupport.assertInputError;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarsim.cli.CliTestSupport.Result;
import org.xbarsim.explore.sweep.SweepDirectory;

/**
 * {@code xbarsim sweep --workers N}, grid ranges and {@code --resume} through the real command line
 * with the real plugin jars, on a tiny scenario (one 16x16 tile) so a point takes well under a second.
 */
class SweepPoolTest {
    @TempDir
    static Path shared;

    private static Path plugins;
    private static Path scenario;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        plugins = CliTestSupport.pluginDir(Files.createDirectories(shared.resolve("plugins")));
        scenario = shared.resolve("tiny.yaml");
        Files.writeString(scenario, CliTestSupport.TINY_SWEEP, StandardCharsets.UTF_8);
    }

    private static Result sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", scenario.toString(), "--quiet", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliTestSupport.xbarsim(plugins, args.toArray(String[]::new));
    }

    /** sweep.csv without the host's columns (wall times, threads, shares): the ones that may differ between runs. */
    static List<String> tableWithoutWallClock(Path sweepDir) throws IOException {
        List<String> lines = Files.readAllLines(sweepDir.resolve(SweepDirectory.CSV), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertTrue(header.contains("run.wallSeconds"), lines.get(0));
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = List.of(line.split(",", -1));
            List<String> deterministic = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (!org.xbarsim.engine.summary.SummaryMetrics.HOST.contains(header.get(i))) {
                    deterministic.add(cells.get(i));
                }
            }
            kept.add(String.join(",", deterministic));
        }
        return kept;
    }

    /** A point's summary without its host measurements (the run section, but its deterministic bus count). */
    static JsonObject withoutWallClock(JsonObject summary) {
        JsonObject copy = summary.copy();
        long busEvents = copy.getJsonObject("run").getLong("busEvents");
        copy.put("run", new JsonObject().put("busEvents", busEvents));
        return copy;
    }

    private static JsonObject point(Path sweepDir, int i) throws IOException {
        return new JsonObject(Files.readString(SweepDirectory.summaryFile(sweepDir, i)));
    }

    private static Properties axes(Path sweepDir) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(sweepDir.resolve(org.xbarsim.explore.sweep.SweepAxes.FILE))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void oneWorkerAndTwoWorkersGiveTheSameResults() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        String[] grid = {"--grid", "programming.nMsp=5,10,20", "--grid", "chip.adc.bits=6,10"};
        Result r1 = sweep(one, concat(grid, "--workers", "1"));
        assertEquals(0, r1.status(), r1::err);
        Result r2 = sweep(two, concat(grid, "--workers", "2"));
        assertEquals(0, r2.status(), r2::err);

        List<String> table = tableWithoutWallClock(one);
        assertEquals(7, table.size(), "header and six points");
        assertEquals(table, tableWithoutWallClock(two));
        for (int i = 0; i < 6; i++) {
            assertEquals(withoutWallClock(point(one, i)), withoutWallClock(point(two, i)), "point " + i);
        }
        JsonObject s1 = new JsonObject(Files.readString(one.resolve(org.xbarsim.explore.sweep.SweepRecord.FILE)));
        JsonObject s2 = new JsonObject(Files.readString(two.resolve(org.xbarsim.explore.sweep.SweepRecord.FILE)));
        assertEquals(1, s1.getInteger("workers"));
        assertEquals(2, s2.getInteger("workers"));
        assertEquals(6, s2.getInteger("pointsRun"));
        assertTrue(s2.getDouble("wallSeconds") > 0, s2::encode);
        assertTrue(r2.out().contains(String.format(java.util.Locale.ROOT, "  wall %.2f s for 6 points (2 workers x ",
                s2.getDouble("wallSeconds"))), r2.out());
        // Every point's line is printed once, whatever order the two workers finish in.
        assertEquals(6, r2.out().lines().filter(l -> l.matches("\\s+\\[\\d/6] .*")).distinct().count(), r2.out());
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    void rangesExpandInTheKindOfTheirKey() throws IOException {
        Path out = dir.resolve("ranges");
        Result r = sweep(out, "--grid", "programming.nMsp=5:40:4", "--grid", "chip.timing.set=100ns:400ns:3",
                "--grid", "programming.gTargetMax=5uS:20uS:3:log", "--threads", "1");
        assertEquals(0, r.status(), r::err);
        Properties axes = axes(out);
        assertEquals("5,17,28,40", axes.getProperty("grid.1.values"), "whole numbers, rounded");
        assertEquals("100ns,250ns,400ns", axes.getProperty("grid.2.values"), "evenly spaced, with the unit");
        assertEquals("5uS,10uS,20uS", axes.getProperty("grid.3.values"), "a constant ratio");
        assertEquals("36", axes.getProperty("points"));
        JsonObject config = point(out, 35).getJsonObject("config");
        assertEquals("40", config.getValue("programming.nMsp").toString());
        assertEquals("400ns", config.getValue("chip.timing.set").toString());
        assertEquals("20uS", config.getValue("programming.gTargetMax").toString());
        JsonObject middle = point(out, 1 * 9 + 1 * 3 + 1).getJsonObject("config");
        assertEquals("17", middle.getValue("programming.nMsp").toString());
        assertEquals("250ns", middle.getValue("chip.timing.set").toString());
        assertEquals("10uS", middle.getValue("programming.gTargetMax").toString());
    }

    @Test
    void resumeRunsOnlyTheMissingPointsAndGivesTheSameTable() throws IOException {
        Path out = dir.resolve("resumed");
        String[] args = {"--grid", "programming.nMsp=5,10,20", "--workers", "1"};
        Result first = sweep(out, args);
        assertEquals(0, first.status(), first::err);
        List<String> complete = tableWithoutWallClock(out);
        JsonObject middle = point(out, 1);
        // A sweep killed after points 0 and 2: point 1 has no summary yet.
        Files.delete(SweepDirectory.summaryFile(out, 1));

        Result again = sweep(out, concat(args, "--resume"));
        assertEquals(0, again.status(), again::err);
        assertTrue(again.out().contains("resuming, 2 done before"), again.out());
        assertEquals(1, again.out().lines().filter(l -> l.matches("\\s+\\[\\d/3] .*")).count(), again.out());
        assertTrue(again.out().contains("[2/3] programming.nMsp=10"), again.out());
        assertEquals(complete, tableWithoutWallClock(out));
        assertEquals(withoutWallClock(middle), withoutWallClock(point(out, 1)));
        assertEquals(1, new JsonObject(Files.readString(out.resolve(org.xbarsim.explore.sweep.SweepRecord.FILE))).getInteger("pointsRun"));
    }

    @Test
    void resumeOfADifferentSweepIsRefusedUnlessForced() throws IOException {
        Path out = dir.resolve("other");
        Result first = sweep(out, "--grid", "programming.nMsp=5,10", "--threads", "1");
        assertEquals(0, first.status(), first::err);
        byte[] table = Files.readAllBytes(out.resolve(SweepDirectory.CSV));
        assertInputError(sweep(out, "--grid", "programming.nMsp=5,20", "--resume"),
                "--resume: expected the same sweep in " + out + ", but it holds another (grid.1.values: '5,10' there, "
                        + "'5,20' here); pass --force");
        assertEquals(new String(table, StandardCharsets.UTF_8),
                Files.readString(out.resolve(SweepDirectory.CSV)), "the first sweep is untouched");

        Result forced = sweep(out, "--grid", "programming.nMsp=5,20", "--resume", "--force", "--threads", "1");
        assertEquals(0, forced.status(), forced::err);
        assertEquals("5,20", axes(out).getProperty("grid.1.values"));
        assertEquals("20", point(out, 1).getJsonObject("config").getValue("programming.nMsp").toString());
    }

    @Test
    void rangeOfAnUnknownKey() {
        assertInputError(sweep(dir.resolve("x"), "--grid", "programming.nMps=5:10:2"),
                "--grid: programming.nMps: unknown key (did you mean 'programming.nMsp'?)");
    }

    /** Each mistake in a range: its --grid option, then the one line expected after "xbarsim: --grid: ". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            chip.adc.bits=:10:3            | chip.adc.bits: expected a range lo:hi:n with lo, hi and n all given, got ':10:3'
            chip.timing.set=1us:100ns:3    | chip.timing.set: expected lo <= hi in lo:hi:n, got 1us > 100ns
            programming.nMsp=5:40:0        | programming.nMsp: expected a count n >= 1 in lo:hi:n, got 0
            programming.nMsp=5:40:four     | programming.nMsp: expected the count n of lo:hi:n to be a whole number, got 'four'
            chip.timing.set=100:400ns:3    | chip.timing.set: expected a time with a unit (ps, ns, us, ms, s, min, h, d, y), got '100' (lo of the range)
            programming.nMsp=5:4x:3        | programming.nMsp: expected a plain whole number with no unit, got '4x' (hi of the range)
            programming.nMsp=5:40          | programming.nMsp: expected a range lo:hi:n or lo:hi:n:log, got '5:40'
            programming.nMsp=5:40:3:lin    | programming.nMsp: expected a range lo:hi:n or lo:hi:n:log, got '5:40:3:lin'
            programming.nMsp=5:40:1        | programming.nMsp: expected n >= 2 for a range from 5 to 40 (n = 1 is the single value lo:lo:1), got 1
            workload.distribution=a:b:2    | workload.distribution: expected a numeric key for a range lo:hi:n, got a choice key; list its values instead (path=v1,v2,...)
            chip.adc.bits=4:6:5            | chip.adc.bits: expected 5 distinct values from 4:6:5, got repeats (4,5,5,6,6): a whole-number key has fewer values in that range
            chip.energy.set=0pJ:10pJ:3:log | chip.energy.set: expected lo > 0 for a log range, got 0pJ
            """)
    void badRange(String grid, String message) {
        assertEquals("xbarsim: --grid: " + message, assertInputError(sweep(dir.resolve("x"), "--grid", grid)));
    }

    @Test
    void rangeValueOutOfTheKeysRange() {
        Path out = dir.resolve("x");
        assertInputError(sweep(out, "--grid", "chip.adc.bits=8:40:2"),
                "--grid: chip.adc.bits: expected a whole number in 1..16, got 40", "point 1: chip.adc.bits=40");
        assertFalse(Files.exists(out), "nothing ran");
    }

    @Test
    void workersOutOfRange() {
        assertInputError(sweep(dir.resolve("x"), "--grid", "programming.nMsp=5", "--workers", "0"),
                "--workers: expected 1..1024, got 0");
    }

    @Test
    void clusterOptionsWithoutCluster() {
        assertInputError(sweep(dir.resolve("x"), "--grid", "programming.nMsp=5", "--port", "6000"),
                "--port: expected together with --cluster");
        assertInputError(sweep(dir.resolve("x"), "--grid", "programming.nMsp=5", "--cluster", "--workers", "2"),
                "--workers: expected without --cluster");
        assertInputError(sweep(dir.resolve("x"), "--grid", "programming.nMsp=5", "--cluster", "--point-timeout",
                "10"), "--point-timeout: expected a time with a unit");
    }

    @Test
    void workerOptions() {
        assertInputError(CliTestSupport.xbarsim(plugins, "worker"), "Missing required option: '--cluster'");
        assertInputError(CliTestSupport.xbarsim(plugins, "worker", "--cluster", "--port", "65530"),
                "--port: expected a port in 1..65525, got 65530");
        assertInputError(CliTestSupport.xbarsim(plugins, "worker", "--cluster", "--threads", "0"),
                "--threads: expected 1..1024, got 0");
    }
}
