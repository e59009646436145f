package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.cli.CliTestSupport.assertInputError;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.cli.CliTestSupport.Result;

/**
 * {@code xbarsim optimize} through the real command line with the real plugin jars, on a small tile
 * (32 rows of 64 Gaussian weights) so that a run takes a few milliseconds of work.
 */
class OptimizeCommandTest {
    private static final String SMALL = """
            name: small
            seed: 3
            chip:
              tile:
                rows: 32
                cols: 64
            device:
              impl: pcm
            workload:
              impl: synthetic
              distribution: gaussian
              rows: 32
              cols: 64
            """;

    @TempDir
    static Path shared;

    private static Path plugins;
    private static Path scenario;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        plugins = CliTestSupport.pluginDir(Files.createDirectories(shared.resolve("plugins")));
        scenario = shared.resolve("small.yaml");
        Files.writeString(scenario, SMALL);
    }

    private Result optimize(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("optimize", scenario.toString(),
                "--vary", "programming.nMsp=3:30", "--vary", "programming.sMsp=0.5:2",
                "--limit", "programming.timeSeconds=500us", "--budget", "12", "--quiet", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliTestSupport.xbarsim(plugins, args.toArray(String[]::new));
    }

    @Test
    void findsConditionsWithinTheLimitAndWritesTheFrontItsRunsAndAPlot() throws IOException {
        Path out = dir.resolve("opt");
        Result r = optimize(out);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("minimise programming.pfail with programming.timeSeconds <= 500us"), r.out());
        List<String> runs = Files.readAllLines(out.resolve("evaluations.csv"));
        assertTrue(runs.get(0).startsWith("run,phase,programming.nMsp,programming.sMsp,chip.tiles,"), runs.get(0));
        assertTrue(runs.get(0).endsWith(",programming.energy.calibration,run.busEvents,feasible,pareto"), runs.get(0));
        assertTrue(runs.get(0).contains(",programming.pfail,") && !runs.get(0).contains("wallSeconds"),
                "every metric of the summary but the host's");
        int pfailColumn = column(runs, "programming.pfail");
        int feasibleColumn = column(runs, "feasible");
        assertEquals(12, runs.size() - 1, "the budget is the number of runs");
        assertTrue(runs.get(1).startsWith("0,base,30,1,"), "the scenario's own values first (clamped): " + runs.get(1));
        JsonObject best = new JsonObject(Files.readString(out.resolve("best.summary.json")));
        double pfail = best.getJsonObject("programming").getDouble("pfail");
        double time = best.getJsonObject("programming").getDouble("timeSeconds");
        assertTrue(time <= 500e-6, "the best run keeps the limit: " + time);
        // No feasible run in the table beats the reported best.
        for (String line : runs.subList(1, runs.size())) {
            String[] f = line.split(",");
            if (Boolean.parseBoolean(f[feasibleColumn])) {
                assertTrue(Double.parseDouble(f[pfailColumn]) >= pfail, line);
            }
        }
        List<String> front = Files.readAllLines(out.resolve("pareto.csv"));
        assertTrue(front.size() >= 2, "a front of at least one run");
        double lastPfail = Double.POSITIVE_INFINITY;
        for (String line : front.subList(1, front.size())) {
            double p = Double.parseDouble(line.split(",")[pfailColumn]);
            assertTrue(p < lastPfail, "Pfail falls along the front: " + front);
            lastPfail = p;
        }
        assertTrue(ImageIO.read(out.resolve("pareto.png").toFile()).getWidth() > 0);
        // Results are readable as any file this user writes is (not the private mode of a temporary file).
        Path probe = Files.writeString(out.resolve("probe.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(out.resolve("pareto.csv")));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(out.resolve("pareto.png")));
    }

    @Test
    void theSameCommandGivesTheSameSearch() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, optimize(a, "--workers", "1").status());
        assertEquals(0, optimize(b, "--workers", "2").status());
        assertEquals(Files.readString(a.resolve("evaluations.csv")), Files.readString(b.resolve("evaluations.csv")),
                "one worker or two");
    }

    @Test
    void eachValueGetsItsOwnSearchAndOnePlotShowsAllFronts() throws IOException {
        Path out = dir.resolve("each");
        Result r = optimize(out, "--each", "chip.adc.bits=6,10");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(out.resolve("6").resolve("pareto.csv")));
        assertTrue(Files.exists(out.resolve("10").resolve("evaluations.csv")));
        assertTrue(Files.exists(out.resolve("pareto.png")));
        assertTrue(r.out().contains("  6:") && r.out().contains("  10:"), r.out());
    }

    @Test
    void badSpecificationsGiveOneLine() {
        Path out = dir.resolve("bad");
        assertInputError(CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary",
                "programming.nMspp=3:30", "--out", out.toString()), "--vary", "programming.nMspp");
        assertInputError(CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary",
                "programming.nMsp=30:3", "--out", out.toString()), "lo < hi");
        assertInputError(CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary",
                "programming.nMsp=3:30", "--limit", "programming.timeSeconds=soon", "--out", out.toString()),
                "--limit", "programming.timeSeconds");
        assertInputError(CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary",
                "programming.nMsp=3:30", "--objective", "speed", "--out", out.toString()), "--objective");
        assertInputError(CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary",
                "programming.nMsp=3:30", "--each", "programming.impl=rowwise-closed-loop,no-such-policy",
                "--out", out.toString()), "no-such-policy");
        assertInputError(CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary",
                "programming.sLsp=0.1:0.5", "--each", "programming.impl=rowwise-closed-loop,msp-only",
                "--out", out.toString()), "--vary", "programming.impl=msp-only");
        assertTrue(!Files.exists(out.resolve("rowwise-closed-loop")), "nothing ran before the error");
    }

    @Test
    void withSeveralChipsARunScoresTheMeanOfItsChips() throws IOException {
        Path out = dir.resolve("chips");
        Result r = CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary", "programming.nMsp=3:30",
                "--vary", "programming.sMsp=0.5:2", "--chips", "2", "--budget", "2", "--design", "1", "--quiet",
                "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("means over 2 chips, seeds 3..4"), r.out());
        List<String> table = Files.readAllLines(out.resolve("evaluations.csv"));
        String base = table.get(1);
        assertTrue(base.startsWith("0,base,30,1,"), base);
        double sum = 0;
        for (String seed : List.of("3", "4")) {
            Path one = dir.resolve("chip" + seed);
            Result run = CliTestSupport.xbarsim(plugins, "run", scenario.toString(), "--set", "programming.nMsp=30",
                    "--set", "programming.sMsp=1", "--seed", seed, "--out", one.toString(), "--quiet");
            assertEquals(0, run.status(), run.err());
            sum += new JsonObject(Files.readString(one.resolve("summary.json"))).getJsonObject("programming")
                    .getDouble("pfail");
        }
        assertEquals(sum / 2, Double.parseDouble(base.split(",")[column(table, "programming.pfail")]), 1e-12,
                "the mean Pfail of the two chips");
        assertInputError(optimize(dir.resolve("bad"), "--chips", "0"), "--chips", "1..64");
    }

    @Test
    void aLimitWithSeveralValuesRefinesTheFrontAtEach() throws IOException {
        Path out = dir.resolve("several");
        Result r = CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary", "programming.nMsp=3:30",
                "--vary", "programming.nLsp=3:30", "--limit", "programming.timeSeconds=200us,400us", "--budget", "16",
                "--quiet", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("best within 200us") && r.out().contains("best within 400us"), r.out());
        assertTrue(Files.readAllLines(out.resolve("evaluations.csv")).get(0).contains("feasible@200us,feasible@400us"));
        assertTrue(Files.exists(out.resolve("best@400us.summary.json")));
    }

    @Test
    void aKnobOnlyOnePolicyHasIsVariedForThatPolicyAlone() {
        Path out = dir.resolve("knobs");
        Result r = CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--each",
                "programming.impl=rowwise-closed-loop,adaptive-closed-loop", "--vary", "programming.nMsp=3:30",
                "--vary", "programming.ratio=1.5:4", "--limit", "programming.timeSeconds=500us", "--budget", "6",
                "--quiet", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("runs over 1 knobs") && r.out().contains("runs over 2 knobs"), r.out());
    }

    @Test
    void anExistingResultIsNotOverwrittenWithoutForce() throws IOException {
        Path out = dir.resolve("kept");
        Files.createDirectories(out);
        Files.writeString(out.resolve("pareto.csv"), "mine\n");
        assertInputError(optimize(out), "--out", "--force");
        assertEquals("mine\n", Files.readString(out.resolve("pareto.csv")));
        // With --each, each value's own directory is checked as well.
        Path each = dir.resolve("kept-each");
        Files.createDirectories(each.resolve("10"));
        Files.writeString(each.resolve("10").resolve("evaluations.csv"), "mine\n");
        assertInputError(optimize(each, "--each", "chip.adc.bits=6,10"), "--out", "10");
        assertEquals("mine\n", Files.readString(each.resolve("10").resolve("evaluations.csv")));
    }

    /** The index of a column of a CSV table's header. */
    private static int column(List<String> table, String name) {
        int i = List.of(table.get(0).split(",")).indexOf(name);
        assertTrue(i >= 0, () -> "no column " + name + " in " + table.get(0));
        return i;
    }
}
