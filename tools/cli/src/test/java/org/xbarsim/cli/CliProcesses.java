package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The command line in JVMs of its own, for what one process cannot show: two commands racing for one
 * result, a plugin that ends or hangs its JVM. The class path is the test's own (this module's classes
 * and dependencies; plugins come from the plugin directory, as always). Every process started here is
 * killed by {@link #close()}.
 */
final class CliProcesses implements AutoCloseable {
    private final Path logs;
    private final List<Process> started = new ArrayList<>();

    /** A finished process: its exit status and what it wrote. */
    record Result(int status, String out, String err) {
    }

    CliProcesses(Path logs) {
        this.logs = logs;
    }

    /** Starts {@code xbarsim args...} with stdout and stderr to {@code logs/<log>.out} and {@code .err}. */
    Process start(String log, List<String> jvmOptions, String... args) throws IOException {
        return start(log, null, jvmOptions, args);
    }

    /** As above, in working directory {@code cwd} (null: this one). */
    Process start(String log, Path cwd, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-Xshare:auto"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.xbarsim.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        pb.redirectOutput(logs.resolve(log + ".out").toFile());
        pb.redirectError(logs.resolve(log + ".err").toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    Process start(String log, String... args) throws IOException {
        return start(log, List.of(), args);
    }

    String out(String log) {
        return read(logs.resolve(log + ".out"));
    }

    String err(String log) {
        return read(logs.resolve(log + ".err"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The exit status, failing the test if the process has not ended within {@code seconds}. */
    static int exit(Process p, long seconds, String what) throws InterruptedException {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            fail(what + " did not end within " + seconds + " s");
        }
        return p.exitValue();
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

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : started) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
