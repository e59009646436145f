package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.cli.Main;

/**
 * {@code optimize --cluster} (issue 13): a search whose points run on two worker JVMs on the loopback
 * finds what the same search finds locally, run for run: the search is deterministic and a point's
 * result depends only on its scenario and seed, never on where it ran.
 */
class ClusterOptimizeIT {
    private static final String SCENARIO = Path.of("tile-rowwise.yaml").toAbsolutePath().toString();
    /** 10 runs of 32 rows of 256 columns: a fraction of a second each. */
    private static final String[] SEARCH = {"optimize", SCENARIO, "--set", "workload.rows=32",
            "--vary", "programming.nMsp=3:30", "--vary", "programming.sMsp=0.5:2",
            "--limit", "programming.timeSeconds=500us", "--budget", "10", "--quiet"};

    @TempDir
    Path dir;

    @Test
    void aSearchOnTwoWorkersEqualsTheLocalSearch() throws Exception {
        try (Jvms jvms = new Jvms(dir)) {
            Path clustered = searchOnTwoWorkers(jvms);
            Path local = dir.resolve("local");
            List<String> localArgs = new ArrayList<>(List.of(SEARCH));
            localArgs.addAll(List.of("--out", local.toString(), "--plugins",
                    Jvms.DIST.resolve("plugins").toString()));
            StringWriter localOut = new StringWriter();
            int status = Main.execute(localArgs.toArray(String[]::new), new PrintWriter(localOut, true),
                    new PrintWriter(localOut, true));
            assertEquals(0, status, localOut::toString);
            List<String> evaluations = Files.readAllLines(local.resolve("evaluations.csv"), StandardCharsets.UTF_8);
            assertEquals(11, evaluations.size(), "a header and the 10 runs of the budget");
            assertEquals(evaluations, Files.readAllLines(clustered.resolve("evaluations.csv"),
                    StandardCharsets.UTF_8));
            assertEquals(Files.readString(local.resolve("pareto.csv")),
                    Files.readString(clustered.resolve("pareto.csv")));
            assertEquals(deterministicPart(local), deterministicPart(clustered));
        }
    }

    /** The search as a coordinator JVM with two worker JVMs runs it; returns its result directory. */
    private Path searchOnTwoWorkers(Jvms jvms) throws Exception {
        String port = Integer.toString(Jvms.freePorts());
        String key = dir.resolve("cluster.key").toString();
        jvms.xbarsim("a.log", "worker", "--cluster", "--port", port, "--threads", "1", "--key", key);
        jvms.xbarsim("b.log", "worker", "--cluster", "--port", port, "--threads", "1", "--key", key);
        Jvms.await("both workers to join", 60, () -> jvms.log("a.log").contains("joined the cluster")
                && jvms.log("b.log").contains("joined the cluster"));
        Path clustered = dir.resolve("clustered");
        List<String> args = new ArrayList<>(List.of(SEARCH));
        args.addAll(List.of("--cluster", "--port", port, "--key", key, "--out", clustered.toString()));
        Process coordinator = jvms.xbarsim("coordinator.log", args.toArray(String[]::new));
        assertTrue(coordinator.waitFor(180, TimeUnit.SECONDS), () -> "the search did not finish:\n"
                + jvms.log("coordinator.log") + "\nworker a:\n" + jvms.log("a.log"));
        String out = jvms.log("coordinator.log");
        assertEquals(0, coordinator.exitValue(), out);
        assertTrue(jvms.log("a.log").contains(" done in ") && jvms.log("b.log").contains(" done in "),
                () -> "both workers ran points:\n" + jvms.log("a.log") + "\n" + jvms.log("b.log"));
        return clustered;
    }

    /** The best run's summary without the host measurements of its run section. */
    private static JsonObject deterministicPart(Path search) throws IOException {
        try (var files = Files.list(search)) {
            Path best = files.filter(f -> f.getFileName().toString().endsWith("summary.json")).sorted().findFirst()
                    .orElseThrow();
            JsonObject s = new JsonObject(Files.readString(best));
            return s.put("run", new JsonObject().put("busEvents", s.getJsonObject("run").getLong("busEvents")));
        }
    }
}
