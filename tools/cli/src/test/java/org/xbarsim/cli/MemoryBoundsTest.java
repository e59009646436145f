package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-range values that cannot fit the heap (issue 10) are refused from the scenario, before anything
 * large is allocated, in one line with exit status 2: a 40,000 x 40,000 matrix (12.8 GB of weights
 * alone), and sixteen 4096 x 4096 tiles (a billion devices). Both sizes exceed any heap this runs in.
 */
class MemoryBoundsTest {
    private static final Path plugins = CliTestSupport.sharedPluginDir();

    @TempDir
    Path dir;

    private CliTestSupport.Result run(String... sets) throws IOException {
        Path s = Files.writeString(dir.resolve("s.yaml"), CliTestSupport.TINY_SWEEP);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", s.toString(), "--out",
                dir.resolve("o").toString(), "--quiet"));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTestSupport.xbarsim(plugins,
                args.toArray(String[]::new)));
    }

    @Test
    void aMatrixThatCannotFitIsRefusedBeforeItIsMade() throws IOException {
        CliTestSupport.assertInputError(run("workload.rows=40000", "workload.cols=40000", "chip.tile.rows=256",
                "chip.tile.cols=256"), "workload.rows: expected a run that fits the Java heap", "1,600,000,000 weights",
                "24,649 tiles of 256x256", "XBARSIM_JAVA_OPTS=-Xmx");
    }

    @Test
    void tilesThatCannotFitAreRefusedBeforeTheyAreFabricated() throws IOException {
        CliTestSupport.assertInputError(run("workload.rows=16384", "workload.cols=16384", "chip.tile.rows=4096",
                "chip.tile.cols=4096"), "expected a run that fits the Java heap", "16 tiles of 4096x4096");
    }
}
