package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.cli.CliTestSupport.assertInputError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.cli.CliTestSupport.Result;

/**
 * {@code xbarsim report} on sweeps written here as a sweep writes them (sweep.properties and
 * sweep.csv): the figures are stated, so what the report must do with them is known.
 */
class ReportTest {
    @TempDir
    Path dir;

    /** A sweep of a network over ADC bits (and seeds): its axes and its table. */
    private Path sweep(String dirName, String name, boolean inference, String... seeds) throws IOException {
        Path d = Files.createDirectories(dir.resolve(dirName));
        boolean seeded = seeds.length > 0;
        Files.writeString(d.resolve("sweep.properties"), "scenario=/x/" + name + ".yaml\nname=" + name
                + "\nseed=\npoints=" + (seeded ? 3 * seeds.length : 3) + "\ngrids=" + (seeded ? 2 : 1)
                + "\ngrid.1.key=chip.adc.bits\ngrid.1.values=4,6,8\n"
                + (seeded ? "grid.2.key=seed\ngrid.2.values=" + String.join(",", seeds) + "\n" : "") + "sets=0\n");
        StringBuilder csv = new StringBuilder("chip.adc.bits," + (seeded ? "seed," : "") + "programming.pfail,"
                + "programming.timeSeconds,programming.energyJoules" + (inference
                ? ",inference.softwareAccuracy,inference.analogAccuracy" : "") + "\n");
        for (int bits : new int[] {4, 6, 8}) {
            for (String seed : seeded ? List.of(seeds) : List.of("")) {
                double pfail = 0.5 / bits + (seed.isEmpty() ? 0 : 0.01 * Integer.parseInt(seed));
                csv.append(bits).append(',').append(seeded ? seed + "," : "").append(pfail).append(',')
                        .append(1e-3 * bits).append(',').append(2e-6 * bits)
                        .append(inference ? "," + 0.98 + "," + (0.98 - pfail / 10) : "").append('\n');
            }
        }
        Files.writeString(d.resolve("sweep.csv"), csv.toString());
        return d;
    }

    @Test
    void twoSweepsOfOneNetworkCompareInOnePlot() throws IOException {
        // Before: "Series name >mnist-mlp< has already been used", an internal error.
        Path a = sweep("budget", "mnist-mlp", true);
        Path b = sweep("adc", "mnist-mlp", true);
        Result r = CliTestSupport.xbarsim(null, "report", a.toString(), "--compare", b.toString());
        assertEquals(0, r.status(), r.err());
        assertNotNull(ImageIO.read(a.resolve("inferenceLoss-vs-pfail-comparison.png").toFile()));
    }

    @Test
    void comparingWithASweepWithoutInferenceIsOneLine() throws IOException {
        // Before: a NullPointerException, exit 1.
        Path a = sweep("net", "mnist-mlp", true);
        Path b = sweep("tile", "tile-rowwise", false);
        assertInputError(CliTestSupport.xbarsim(null, "report", a.toString(), "--compare", b.toString()),
                b.toString(), "ran inference");
    }

    @Test
    void programmingEnergyIsPlottedToo() throws IOException {
        // Before: Pfail, accuracy and time were plotted, energy never.
        Path a = sweep("energy", "mnist-mlp", true);
        Result r = CliTestSupport.xbarsim(null, "report", a.toString());
        assertEquals(0, r.status(), r.err());
        assertNotNull(ImageIO.read(a.resolve("programmingEnergy-vs-chip.adc.bits.png").toFile()));
    }

    @Test
    void seedsAreAveragedNotPlottedAsSeries() throws IOException {
        // Before: one line per seed, and "seed" plotted as an axis of its own.
        Path a = sweep("seeds", "mnist-mlp", true, "1", "2", "3");
        Result r = CliTestSupport.xbarsim(null, "report", a.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(a.resolve("pfail-vs-chip.adc.bits.png")));
        assertFalse(Files.exists(a.resolve("pfail-vs-seed.png")), "seeds are chips, not a condition");
    }

    @Test
    void anyColumnOfTheTableCanBePlotted() throws IOException {
        // Before: only Pfail, accuracy, time and energy; the periphery's figures needed a program of their own.
        Path a = sweep("any", "mnist-mlp", true);
        Result r = CliTestSupport.xbarsim(null, "report", a.toString(), "--metric", "inference.softwareAccuracy",
                "--metric", "energy");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("programming.energyJoules-vs-chip.adc.bits.png"), r.out());
        assertFalse(Files.exists(a.resolve("inference.softwareAccuracy-vs-chip.adc.bits.png")),
                "a flat line is no plot");
        assertInputError(CliTestSupport.xbarsim(null, "report", a.toString(), "--metric", "chip.areaMm2"),
                "--metric", "expected a column of");
        assertInputError(CliTestSupport.xbarsim(null, "report", a.toString(), "--metric", "areaa"),
                "--metric", "expected a summary metric");
    }
}
