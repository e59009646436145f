package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.cli.CliTestSupport.assertInputError;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.cli.CliTestSupport.Result;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryMetrics;

/**
 * {@code xbarsim sweep} and {@code xbarsim report} through the real command line with the real plugin
 * jars, on a tiny scenario (one 16x16 tile, a 16x16 Gaussian matrix) so a point takes well under a second.
 */
class SweepCommandTest {
    @TempDir
    static Path shared;

    private static Path plugins;
    private static Path scenario;
    /** The 2x2 sweep every test of its result reads. */
    private static Path sweep;
    private static Result sweepRun;

    @TempDir
    Path dir;

    @BeforeAll
    static void sweepOnce() throws IOException {
        Path copies = Files.createDirectories(shared.resolve("plugins"));
        plugins = CliTestSupport.pluginDir(copies);
        scenario = shared.resolve("tiny.yaml");
        Files.writeString(scenario, CliTestSupport.TINY_SWEEP, StandardCharsets.UTF_8);
        sweep = shared.resolve("sweep");
        sweepRun = CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid", "programming.nMsp=5,40",
                "--grid", "chip.adc.bits=4,10", "--set", "programming.nLsp=20", "--threads", "1", "--quiet",
                "--out", sweep.toString());
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(Arrays.asList(line.split(",", -1)));
        }
        return rows;
    }

    @Test
    void twoByTwoGridRunsFourPointsAndTabulatesThem() throws IOException {
        assertEquals(0, sweepRun.status(), sweepRun::err);
        assertEquals("", sweepRun.err());
        assertEquals(4, sweepRun.out().lines().filter(l -> l.matches("\\s+\\[\\d/4] .*")).count(), sweepRun.out());
        List<List<String>> rows = csv(sweep.resolve("sweep.csv"));
        assertEquals(5, rows.size(), "header and four rows");
        List<String> header = rows.get(0);
        // The axes, then every number of the summary, in the order of summary.json.
        RunSummary first = RunSummary.read(sweep.resolve("points/0/summary.json"));
        List<String> numbers = SummaryMetrics.values(first).entrySet().stream().filter(e -> e.getValue() != null)
                .map(Map.Entry::getKey).toList();
        assertEquals(Stream.concat(Stream.of("programming.nMsp", "chip.adc.bits"), numbers.stream()).toList(), header);
        assertTrue(numbers.containsAll(List.of("chip.tiles", "programming.pfail", "programming.energy.set",
                "run.busEvents")) && numbers.stream().noneMatch(n -> n.startsWith("inference.")), numbers::toString);
        String[][] expected = {{"5", "4"}, {"5", "10"}, {"40", "4"}, {"40", "10"}};
        List<Double> pfails = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<String> row = rows.get(i + 1);
            assertEquals(header.size(), row.size());
            assertEquals(List.of(expected[i]), row.subList(0, 2), "grid values of point " + i);
            JsonObject summary = new JsonObject(Files.readString(
                    sweep.resolve("points").resolve(Integer.toString(i)).resolve("summary.json")));
            JsonObject p = summary.getJsonObject("programming");
            assertEquals(p.getDouble("pfail"), Double.parseDouble(row.get(header.indexOf("programming.pfail"))));
            assertEquals(p.getDouble("successFraction"),
                    Double.parseDouble(row.get(header.indexOf("programming.successFraction"))));
            assertEquals(p.getDouble("timeSeconds"),
                    Double.parseDouble(row.get(header.indexOf("programming.timeSeconds"))));
            JsonObject config = summary.getJsonObject("config");
            assertEquals(expected[i][0], config.getValue("programming.nMsp").toString());
            assertEquals("20", config.getValue("programming.nLsp").toString(), "--set applies to every point");
            pfails.add(p.getDouble("pfail"));
        }
        assertNotEquals(pfails.get(0), pfails.get(3), "a budget of 5 at 4 bits and 40 at 10 bits differ");

        Properties axes = new Properties();
        try (var r = Files.newBufferedReader(sweep.resolve("sweep.properties"))) {
            axes.load(r);
        }
        assertEquals(scenario.toAbsolutePath().normalize().toString(), axes.getProperty("scenario"));
        assertEquals("2", axes.getProperty("grids"));
        assertEquals("programming.nMsp", axes.getProperty("grid.1.key"));
        assertEquals("5,40", axes.getProperty("grid.1.values"));
        assertEquals("chip.adc.bits", axes.getProperty("grid.2.key"));
        assertEquals("4,10", axes.getProperty("grid.2.values"));
        assertEquals("programming.nLsp=20", axes.getProperty("set.1"));
        assertEquals("4", axes.getProperty("points"));
    }

    @Test
    void resumingResultsWithoutTheirAxesIsRefusedAndKeepsThem() throws IOException {
        Path out = dir.resolve("orphan");
        Result r = CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid", "programming.nMsp=5,10",
                "--out", out.toString(), "--quiet", "--workers", "1");
        assertEquals(0, r.status(), r::err);
        Files.delete(out.resolve("sweep.properties"));
        assertInputError(CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid",
                "programming.nMsp=5", "--out", out.toString(), "--resume"), "--resume", "sweep.properties");
        assertTrue(Files.exists(out.resolve("points/1/summary.json")), "the results are kept");
    }

    @Test
    void linkedKeysTakeTheSameValueAtEveryPoint() throws IOException {
        Path out = dir.resolve("square");
        Result r = CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid",
                "workload.rows+workload.cols=4:16:3", "--out", out.toString(), "--quiet", "--workers", "1");
        assertEquals(0, r.status(), r::err);
        List<List<String>> rows = csv(out.resolve("sweep.csv"));
        assertEquals("workload.rows+workload.cols", rows.get(0).get(0));
        assertEquals(List.of("4", "10", "16"), rows.subList(1, 4).stream().map(row -> row.get(0)).toList());
        for (int i = 0; i < 3; i++) {
            int n = Integer.parseInt(rows.get(1 + i).get(0));
            JsonObject summary = new JsonObject(Files.readString(out.resolve("points/" + i + "/summary.json")));
            assertEquals(n * n, summary.getJsonObject("programming").getInteger("weights"), "a square matrix");
        }
        Result cost = CliTestSupport.xbarsim(null, "report", out.toString(), "--cost");
        assertEquals(0, cost.status(), cost::err);
        // Three tiny points on one 256x256 tile cost about the same (building the tile dominates), so the
        // fitted exponent is noise around 0 and may be negative on a busy machine: its sign is not asserted.
        assertTrue(cost.out().matches("(?s).*grows as weights\\^-?\\d+\\.\\d\\d.*"), cost.out());
        assertNotNull(ImageIO.read(out.resolve("cost-vs-size.png").toFile()));
        assertInputError(CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid",
                "workload.rows+=4,8", "--out", dir.resolve("bad").toString()), "--grid", "empty");
        assertInputError(CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid",
                "workload.rows+workload.colz=4,8", "--out", dir.resolve("bad").toString()), "--grid", "colz");
    }

    @Test
    void reportDrawsOnePngPerMetricAndSweptKey() throws IOException {
        assertEquals(0, sweepRun.status(), sweepRun::err);
        Result r = CliTestSupport.xbarsim(null, "report", sweep.toString());
        assertEquals(0, r.status(), r::err);
        assertEquals("", r.err());
        for (String name : List.of("pfail-vs-programming.nMsp.png", "pfail-vs-chip.adc.bits.png",
                "programmingTime-vs-programming.nMsp.png", "programmingTime-vs-chip.adc.bits.png")) {
            Path png = sweep.resolve(name);
            assertTrue(Files.exists(png), name + " in " + r.out());
            assertNotNull(ImageIO.read(png.toFile()), name + " is a PNG");
            assertTrue(r.out().contains(png.toString()), r.out());
        }
        assertFalse(Files.exists(sweep.resolve("accuracyLoss-vs-pfail.png")), "no inference, no accuracy plots");
    }

    @Test
    void reportOfAnInferenceSweepPlotsAccuracyOnALogTimeAxisAndLossAgainstPfail() throws IOException {
        Files.writeString(dir.resolve("sweep.properties"), """
                scenario=/somewhere/mnist-mlp.yaml
                name=mnist-mlp
                seed=
                points=6
                grids=2
                grid.1.key=programming.nMsp
                grid.1.values=10,40
                grid.2.key=inference.time
                grid.2.values=1s,1d,1y
                sets=0
                """);
        StringBuilder csv = new StringBuilder("programming.nMsp,inference.time,programming.pfail,"
                + "programming.timeSeconds,inference.samples,inference.softwareAccuracy,inference.analogAccuracy\n");
        double[][] analog = {{0.95, 0.93, 0.90}, {0.98, 0.97, 0.95}};
        String[] times = {"1s", "1d", "1y"};
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                csv.append(b == 0 ? "10" : "40").append(',').append(times[t]).append(',')
                        .append(b == 0 ? "0.12" : "0.011").append(',').append(b == 0 ? "0.001" : "0.004")
                        .append(",10000,0.9832,").append(analog[b][t]).append('\n');
            }
        }
        Files.writeString(dir.resolve("sweep.csv"), csv);
        Result r = CliTestSupport.xbarsim(null, "report", dir.toString());
        assertEquals(0, r.status(), r::err);
        for (String name : List.of("analogAccuracy-vs-inference.time.png", "analogAccuracy-vs-programming.nMsp.png",
                "pfail-vs-programming.nMsp.png", "programmingTime-vs-programming.nMsp.png",
                "accuracyLoss-vs-pfail.png")) {
            assertNotNull(ImageIO.read(dir.resolve(name).toFile()), name + " in " + r.out());
        }
        assertFalse(Files.exists(dir.resolve("pfail-vs-inference.time.png")), "Pfail does not move with time");
        assertEquals(5, r.out().lines().filter(l -> l.endsWith(".png")).count(), r.out());
    }

    @Test
    void gridWithoutEquals() {
        assertInputError(CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid", "chip.adc.bits"),
                "--grid: expected path=v1,v2,...", "got 'chip.adc.bits'");
    }

    @Test
    void gridWithAnEmptyList() {
        assertInputError(CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid", "chip.adc.bits="),
                "--grid: chip.adc.bits: expected one or more values after '='");
    }

    @Test
    void gridWithAnEmptyValue() {
        assertInputError(CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid", "chip.adc.bits=6,,8"),
                "--grid: chip.adc.bits: expected a value between commas, got an empty value (value 2 of '6,,8')");
    }

    @Test
    void gridOfAnUnknownKey() {
        assertInputError(CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid",
                "programming.nMps=5,10"), "--grid: programming.nMps: unknown key (did you mean 'programming.nMsp'?)");
    }

    @Test
    void badValueInTheLastPointFailsBeforeAnyPointRuns() {
        Path out = dir.resolve("bad");
        assertInputError(CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid",
                "chip.adc.bits=8,40", "--out", out.toString()),
                "--grid: chip.adc.bits: expected a whole number in 1..16, got 40", "point 1: chip.adc.bits=40");
        assertFalse(Files.exists(out), "nothing ran");
    }

    @Test
    void existingSweepWithoutForceIsRefusedAndLeftAlone() throws IOException {
        Path out = dir.resolve("again");
        String[] args = {"sweep", scenario.toString(), "--grid", "programming.nMsp=5", "--threads", "1", "--quiet",
                "--out", out.toString()};
        Result first = CliTestSupport.xbarsim(plugins, args);
        assertEquals(0, first.status(), first::err);
        byte[] table = Files.readAllBytes(out.resolve("sweep.csv"));

        assertInputError(CliTestSupport.xbarsim(plugins, args), "--out: expected a directory without a sweep, but "
                + out + " already holds one (sweep.csv); pass --force");
        assertArrayEquals(table, Files.readAllBytes(out.resolve("sweep.csv")), "the first sweep is untouched");

        List<String> forced = new ArrayList<>(List.of(args));
        forced.add("--force");
        Result again = CliTestSupport.xbarsim(plugins, forced.toArray(String[]::new));
        assertEquals(0, again.status(), again::err);
    }

    @Test
    void reportOfAMissingDirectory() {
        Path missing = dir.resolve("nosuch");
        assertInputError(CliTestSupport.xbarsim(null, "report", missing.toString()),
                missing + ": expected a sweep result directory");
    }

    @Test
    void reportWithoutATable() {
        assertInputError(CliTestSupport.xbarsim(null, "report", dir.toString()),
                dir.resolve("sweep.csv") + ": expected the sweep's table");
    }

    @Test
    void reportOfAMalformedTable() throws IOException {
        Files.writeString(dir.resolve("sweep.properties"), "grids=1\ngrid.1.key=chip.adc.bits\ngrid.1.values=6,8\n");
        Files.writeString(dir.resolve("sweep.csv"), "chip.adc.bits,programming.pfail,programming.timeSeconds\n"
                + "6,0.1,0.001\n8,0.02\n");
        assertInputError(CliTestSupport.xbarsim(null, "report", dir.toString()),
                dir.resolve("sweep.csv") + ":3: expected 3 fields as in the header, got 2");
        Files.writeString(dir.resolve("sweep.csv"), "chip.adc.bits,programming.pfail,programming.timeSeconds\n"
                + "6,0.1,0.001\n8,lots,0.002\n");
        assertInputError(CliTestSupport.xbarsim(null, "report", dir.toString()),
                dir.resolve("sweep.csv") + ":3: programming.pfail: expected a number or nothing, got 'lots'");
    }

    /** Two policies' sweeps, the second with a knob the first lacks, as sweep files. */
    private static void policySweep(Path d, String impl, String extraKey, String[][] points) throws IOException {
        Files.createDirectories(d);
        Files.writeString(d.resolve("sweep.properties"), "name=tile\npoints=" + points.length + "\ngrids="
                + (extraKey == null ? 2 : 3) + "\ngrid.1.key=programming.impl\ngrid.1.values=" + impl
                + "\ngrid.2.key=programming.nMsp\ngrid.2.values=4,10,40\n"
                + (extraKey == null ? "" : "grid.3.key=" + extraKey + "\ngrid.3.values=2,3\n") + "sets=0\n");
        StringBuilder csv = new StringBuilder("programming.impl,programming.nMsp,"
                + (extraKey == null ? "" : extraKey + ",") + "programming.pfail,programming.timeSeconds\n");
        for (String[] p : points) {
            csv.append(impl).append(',').append(String.join(",", p)).append('\n');
        }
        Files.writeString(d.resolve("sweep.csv"), csv);
    }

    @Test
    void reportFrontKeepsPointsNoOtherBeatsOnBothTimeAndPfail() throws IOException {
        // Reference: (1 ms, 10%), (2 ms, 12%: dominated), (3 ms, 1%). Adaptive, from a second sweep with
        // its own key: (0.5 ms, 20%), (1.5 ms, 1%), (2.5 ms, 0: on the front, not on the log plot).
        policySweep(dir, "ref", null, new String[][]{{"4", "0.10", "0.001"}, {"10", "0.12", "0.002"},
                {"40", "0.01", "0.003"}});
        Path other = dir.resolve("other");
        policySweep(other, "adaptive", "programming.classes", new String[][]{{"4", "2", "0.20", "0.0005"},
                {"10", "3", "0.01", "0.0015"}, {"40", "3", "0", "0.0025"}});
        Result r = CliTestSupport.xbarsim(null, "report", dir.toString(), "--front", "programming.impl",
                "--front-include", other.toString());
        assertEquals(0, r.status(), r::err);
        assertNotNull(ImageIO.read(dir.resolve("front-by-programming.impl.png").toFile()), r.out());
        assertEquals(List.of(
                "programming.impl,programming.nMsp,programming.classes,programming.timeSeconds,programming.pfail",
                "ref,4,,0.001,0.1",
                "ref,40,,0.003,0.01",
                "adaptive,4,2,5.0E-4,0.2",
                "adaptive,10,3,0.0015,0.01",
                "adaptive,40,3,0.0025,0"), Files.readAllLines(dir.resolve("front-by-programming.impl.csv")));
    }

    @Test
    void reportFrontOfAKeyTheSweepDoesNotHave() throws IOException {
        policySweep(dir, "ref", null, new String[][]{{"4", "0.10", "0.001"}});
        assertInputError(CliTestSupport.xbarsim(null, "report", dir.toString(), "--front", "programming.classes"),
                dir.resolve("sweep.csv") + ": programming.classes: expected programming.classes among the sweep's "
                        + "grid keys (for --front), found only programming.impl, programming.nMsp");
        assertInputError(CliTestSupport.xbarsim(null, "report", dir.toString(), "--front-include", dir.toString()),
                "--front-include: expected --front KEY as well");
    }
}
