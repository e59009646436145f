package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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

/**
 * The JVMs of a cluster test: xbarsim started from the distribution as the launcher starts it (or another
 * main class), each writing its output to a log in the test's directory; every one is killed by
 * {@link #close()}.
 */
final class Jvms implements AutoCloseable {
    static final Path DIST = Path.of(System.getProperty("xbarsim.plugins", "../tools/cli/target/xbarsim/plugins"))
            .toAbsolutePath().getParent();

    private final Path dir;
    private final List<Process> started = new ArrayList<>();

    Jvms(Path dir) {
        this.dir = dir;
    }

    Process java(String log, String classPath, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseParallelGC", "-Xmx512m", "-Dxbarsim.plugins=" + DIST.resolve("plugins"),
                "-cp", classPath, main));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(log).toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    Process xbarsim(String log, String... args) throws IOException {
        return java(log, DIST.resolve("lib") + "/*", "org.xbarsim.cli.Main", args);
    }

    String log(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The worker's last line says it started a point and has not finished it. */
    boolean holdsAPoint(String log) {
        List<String> lines = log(log).lines().toList();
        return !lines.isEmpty() && lines.get(lines.size() - 1).endsWith(" started");
    }

    static void await(String what, long seconds, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static void signal(Process p, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal);
    }

    /** A base port with the ten ports a cluster may bind free on the loopback, so parallel builds do not collide. */
    static int freePorts() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean free = true;
            for (int p = base; p < base + 10 && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, loopback)) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no ten free consecutive ports on the loopback");
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
        }
        for (Process p : started) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
