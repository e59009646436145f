package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.explore.cluster.ClusterKey;

/**
 * Cluster membership must be earned (issue 10, done-when 1): a worker and a coordinator on the loopback,
 * both holding the cluster key, and a third JVM without it ({@link RogueMember}) that has even learnt
 * the cluster's Hazelcast name. For the whole sweep the third JVM tries to take points, to answer them,
 * to hand the worker a point that reads a file outside its allowed directories, and to write raw frames
 * to the members' event-bus ports. It takes none, answers none, the worker runs only the coordinator's
 * points and never reads the file, and both members carry on.
 */
class ClusterTrustIT extends ClusterJvmTest {
    private static final Path SCENARIOS = Path.of("").toAbsolutePath();
    /** The secret's largest value: a weight clip of this would show it was read. */
    private static final double SECRET_MAX = 42.4242;

    private JsonObject report() {
        try {
            return new JsonObject(Files.readString(dir.resolve("rogue.json")));
        } catch (IOException | RuntimeException e) {
            return new JsonObject();
        }
    }

    @Test
    void aPeerWithoutTheKeyCanNeitherTakeNorAnswerPointsNorMakeTheWorkerReadAFile() throws Exception {
        String port = Integer.toString(Jvms.freePorts());
        Path key = dir.resolve("cluster.key");
        Path secret = Files.createDirectories(dir.resolve("outside")).resolve("secret.npy");
        double[] values = new double[16];
        values[5] = SECRET_MAX;
        NpyArray.write(secret, new int[] {4, 4}, values);

        Process worker = xbarsim("worker.log", "worker", "--cluster", "--port", port, "--threads", "1", "--key",
                key.toString(), "--allow-dir", SCENARIOS.toString());
        await("the worker to join", 90, () -> log("worker.log").contains("joined the cluster"));
        String clusterName = ClusterKey.read(key).clusterName();

        Process rogue = java("rogue.log", System.getProperty("java.class.path"), RogueMember.class.getName(),
                clusterName, port, secret.toString(), "60", dir.resolve("rogue.json").toString());
        await("the third JVM to join Hazelcast", 90, () -> report().getBoolean("joined", false));

        Path out = dir.resolve("sweep");
        Process coordinator = xbarsim("coordinator.log", "sweep", SCENARIOS.resolve("tile-rowwise.yaml").toString(),
                "--set", "workload.rows=32", "--grid", "programming.nMsp=5:40:8", "--cluster", "--port", port, "--key",
                key.toString(), "--out", out.toString(), "--quiet");
        assertTrue(coordinator.waitFor(180, TimeUnit.SECONDS), () -> "the sweep did not finish:\n"
                + log("coordinator.log") + "\nworker:\n" + log("worker.log") + "\nrogue: " + report());
        assertEquals(0, coordinator.exitValue(), log("coordinator.log"));
        // Let the third JVM try for a while longer against the worker alone.
        await("the third JVM to finish its attempts", 120, () -> report().getBoolean("done", false));

        JsonObject r = report();
        String evidence = r.encodePrettily() + "\ncoordinator:\n" + log("coordinator.log") + "\nworker:\n"
                + log("worker.log");
        assertTrue(r.getInteger("resultAddressesFound", 0) >= 1, "it found the result address to forge at: " + evidence);
        assertEquals(0, r.getInteger("pointsTaken"), "points taken: " + evidence);
        assertEquals(0, r.getInteger("answersDelivered"), "answers delivered: " + evidence);
        assertEquals(0, r.getInteger("asksReceived"), "asks that reached it: " + evidence);

        List<String> pointLines = log("coordinator.log").lines().filter(l -> l.matches("\\s+\\[\\d/8] .*")).toList();
        assertEquals(8, pointLines.size(), evidence);
        String workerName = log("worker.log").lines().findFirst().orElseThrow().split(" ")[2].replace(":", "");
        assertTrue(pointLines.stream().allMatch(l -> l.contains(" on 127.0.0.1:")) && !log("coordinator.log")
                .contains("rogue"), evidence);
        assertFalse(log("worker.log").contains("rogue"), "the worker ran only the coordinator's points: " + evidence);
        for (int i = 0; i < 8; i++) {
            JsonObject s = new JsonObject(Files.readString(out.resolve("points/" + i + "/summary.json")));
            double clip = s.getJsonObject("programming").getJsonArray("layers").getJsonObject(0)
                    .getDouble("weightClip");
            assertTrue(clip != SECRET_MAX, "the secret was read: " + s);
        }
        assertTrue(worker.isAlive(), "the worker carries on: " + evidence);
        assertFalse(workerName.isEmpty());
        rogue.waitFor(30, TimeUnit.SECONDS);
        System.out.println("ClusterTrustIT: third JVM " + r.encode());
        System.out.println("ClusterTrustIT: " + log("coordinator.log").lines().filter(l -> l.contains("wall ")
                && l.contains("points")).findFirst().orElse(""));
    }

    /**
     * A worker stopped (SIGSTOP) while it holds a point loses the point within seconds (its heartbeats stop),
     * and when it resumes (SIGCONT) it says what became of its point, finds the cluster again within
     * seconds (Hazelcast merges the split) and takes points again; every point is recorded once.
     */
    @Test
    void aStoppedWorkerLosesItsPointInSecondsAndRejoinsWhenItResumes() throws Exception {
        String port = Integer.toString(Jvms.freePorts());
        String key = dir.resolve("cluster.key").toString();
        Process a = xbarsim("a.log", "worker", "--cluster", "--port", port, "--threads", "1", "--key", key);
        Process b = xbarsim("b.log", "worker", "--cluster", "--port", port, "--threads", "1", "--key", key);
        await("both workers to join", 90, () -> log("a.log").contains("joined the cluster")
                && log("b.log").contains("joined the cluster"));
        Path out = dir.resolve("sweep");
        // 48 points of 1536 x 1536 weights on 36 tiles: about 1.5 s each on one thread, so the sweep outlasts the
        // 20 s stop and the rejoin. (768 x 768 points, then 1024 x 1024 ones once the engine got 1.3x faster,
        // ended before a stopped worker was back: the other worker had taken every point left.)
        Process coordinator = xbarsim("coordinator.log", "sweep", SCENARIOS.resolve("tile-rowwise.yaml").toString(),
                "--set", "workload.rows=1536", "--set", "workload.cols=1536", "--grid", "programming.nMsp=5:40:8",
                "--grid", "programming.nLsp=10:40:6",
                "--cluster", "--port", port, "--key", key, "--out", out.toString(), "--quiet");
        await("worker a to hold a point", 180, () -> log("a.log").contains(" done in ")
                && jvms.holdsAPoint("a.log"));
        Jvms.signal(a, "STOP");
        long stopped = System.nanoTime();
        await("the coordinator to take a's point back", 60, () -> log("coordinator.log").contains("no heartbeat for")
                || log("coordinator.log").contains("left the cluster"));
        double takenAfter = (System.nanoTime() - stopped) / 1e9;
        Thread.sleep(Math.max(0, 20_000 - (System.nanoTime() - stopped) / 1_000_000));
        int doneBeforeResume = (int) log("a.log").lines().filter(l -> l.contains(" done in ")).count();
        Jvms.signal(a, "CONT");
        long resumed = System.nanoTime();
        await("worker a to run points again after it resumed", 90, () -> log("a.log").lines()
                .filter(l -> l.contains(" done in ")).count() >= doneBeforeResume + 2);
        double backAfter = (System.nanoTime() - resumed) / 1e9;
        assertTrue(coordinator.waitFor(240, TimeUnit.SECONDS), () -> log("coordinator.log"));
        assertEquals(0, coordinator.exitValue(), log("coordinator.log"));
        String c = log("coordinator.log");
        assertEquals(48, c.lines().filter(l -> l.matches("\\s+\\[\\d+/48] .*")).count(), c);
        assertTrue(takenAfter < 20, "taken back after " + takenAfter + " s:\n" + c);
        assertTrue(b.isAlive() && a.isAlive());
        System.out.printf(java.util.Locale.ROOT, "ClusterTrustIT: a stopped worker's point taken back after %.1f s; "
                + "the worker ran points again %.1f s after it resumed%n", takenAfter, backAfter);
    }

    /**
     * Two coordinators on one sweep directory (issue 10, done-when 3): the first claims it and waits for
     * workers; the second, started while the first runs, exits 2 in one line before joining any cluster,
     * and the first goes on.
     */
    @Test
    void aSecondCoordinatorOnTheSameDirectoryIsRefused() throws Exception {
        String port = Integer.toString(Jvms.freePorts());
        String key = dir.resolve("cluster.key").toString();
        Path out = dir.resolve("sweep");
        String[] sweep = {"sweep", SCENARIOS.resolve("tile-rowwise.yaml").toString(), "--set", "workload.rows=32",
            "--grid", "programming.nMsp=5:40:8", "--cluster", "--port", port, "--key", key, "--out", out.toString(),
            "--quiet"};
        Process first = xbarsim("first.log", sweep);
        await("the first coordinator to wait for workers", 90, () -> log("first.log").contains("waiting for workers"));
        String[] resume = java.util.Arrays.copyOf(sweep, sweep.length + 1);
        resume[sweep.length] = "--resume";
        Process second = xbarsim("second.log", resume);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second coordinator was not refused");
        assertEquals(2, second.exitValue(), log("second.log"));
        List<String> lines = log("second.log").lines().toList();
        assertEquals(1, lines.size(), log("second.log"));
        assertTrue(lines.get(0).startsWith("xbarsim: --out: ") && lines.get(0).contains(out + " is being written by "
                + "another xbarsim (pid " + first.pid()), lines.get(0));
        assertTrue(first.isAlive(), "the first coordinator goes on");
    }
}
