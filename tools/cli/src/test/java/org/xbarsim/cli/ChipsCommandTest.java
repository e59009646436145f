package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.cli.CliTestSupport.assertInputError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.cli.CliTestSupport.Result;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;

/**
 * {@code --chips N} through the real command line and plugin jars on the tiny scenario: run prints
 * mean ± sd and writes every metric's spread, a sweep tabulates and draws them, optimize checks its
 * fronts on unseen chips; the options that cannot go together are refused in one line.
 */
class ChipsCommandTest {
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

    @Test
    void runOnThreeChipsPrintsMeanAndSdAndWritesEverySpread() {
        Result r = CliTestSupport.xbarsim(plugins, "run", scenario.toString(), "--chips", "3", "--out",
                dir.resolve("r").toString());
        assertEquals(0, r.status(), r::err);
        RunSummary s = RunSummary.read(dir.resolve("r/summary.json"));
        assertEquals(List.of(1L, 2L, 3L), s.chips().seeds());
        Spread pfail = s.chips().spread("programming.pfail");
        assertEquals(s.programming().pfail(), pfail.mean(), 0);
        assertTrue(r.out().contains("(3 chips, seeds 1..3)"), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "Pfail %.2f ± %.2f%% (min %.2f, max %.2f)",
                100 * pfail.mean(), 100 * pfail.sd(), 100 * pfail.min(), 100 * pfail.max())), r.out());
    }

    @Test
    void aSweepOnTwoChipsHasTheSpreadColumnsAndItsPlotsABand() throws IOException {
        Path out = dir.resolve("s");
        Result r = CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid", "programming.nMsp=5,40",
                "--chips", "2", "--quiet", "--out", out.toString());
        assertEquals(0, r.status(), r::err);
        assertTrue(r.out().contains("(means over 2 chips; Pfail sd "), r.out());
        String header = Files.readAllLines(out.resolve("sweep.csv")).get(0);
        assertTrue(header.contains(",programming.pfail,programming.pfail:sd,programming.pfail:min,"
                + "programming.pfail:max,"), header);
        assertTrue(Files.readString(out.resolve("sweep.properties")).contains("chips=2"));
        Result report = CliTestSupport.xbarsim(null, "report", out.toString());
        assertEquals(0, report.status(), report::err);
        assertTrue(ImageIO.read(out.resolve("pfail-vs-programming.nMsp.png").toFile()).getWidth() > 0);
    }

    @Test
    void optimizeChecksItsFrontsOnUnseenChips() throws IOException {
        Path out = dir.resolve("o");
        Result r = CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary",
                "programming.nMsp=3:40", "--budget", "4", "--chips", "2", "--check-chips", "2", "--quiet",
                "--out", out.toString());
        assertEquals(0, r.status(), r::err);
        assertTrue(r.out().contains("fronts on unseen chips 101..102 (mean ± sd over 2 chips):"), r.out());
        assertTrue(Files.readAllLines(out.resolve("front-check.csv")).get(0).startsWith("run,programming.nMsp,"
                + "searched.pfail,"));
        assertTrue(ImageIO.read(out.resolve("front-check.png").toFile()).getWidth() > 0);
    }

    @Test
    void whatDoesNotGoWithChipsIsRefusedInOneLine() {
        assertInputError(CliTestSupport.xbarsim(plugins, "run", scenario.toString(), "--chips", "0", "--out",
                dir.resolve("a").toString()), "--chips", "expected 1..64 chips, got 0");
        assertInputError(CliTestSupport.xbarsim(plugins, "run", scenario.toString(), "--chips", "2", "--record",
                dir.resolve("t.avro").toString(), "--out", dir.resolve("b").toString()), "--record",
                "a trace is one run");
        assertInputError(CliTestSupport.xbarsim(plugins, "sweep", scenario.toString(), "--grid", "seed=1,2",
                "--chips", "2", "--out", dir.resolve("c").toString()), "--chips", "either a seed grid or --chips");
        assertInputError(CliTestSupport.xbarsim(plugins, "optimize", scenario.toString(), "--vary",
                "programming.nMsp=3:40", "--budget", "2", "--chips", "2", "--check-chips", "2", "--check-seed", "2",
                "--quiet", "--out", dir.resolve("d").toString()), "--check-seed", "never saw");
    }
}
