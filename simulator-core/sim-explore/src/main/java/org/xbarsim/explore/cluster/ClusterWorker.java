package org.xbarsim.explore.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.xbarsim.api.io.FileAccess;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.explore.cluster.PointMessages.Answer;
import org.xbarsim.explore.cluster.PointMessages.Ask;
import org.xbarsim.explore.cluster.PointMessages.Handout;
import org.xbarsim.explore.cluster.PointMessages.HeartbeatAck;
import org.xbarsim.explore.cluster.PointMessages.PointJob;
import org.xbarsim.explore.cluster.PointMessages.Reply;
import org.xbarsim.explore.cluster.PointMessages.Wait;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;

/**
 * A member that runs points: asks for one, runs it while sending heartbeats, answers, asks again. It
 * runs only points that came as replies to its own asks (over the cluster's TLS: from a member holding
 * the key), and only scenarios whose files lie under the directories it was started with; it never
 * downloads. A reply that does not parse is dropped and logged in one line; nothing a peer sends ends
 * the worker. When no coordinator answers, or the one it works for falls silent, it says so.
 */
public final class ClusterWorker {
    /**
     * How long to wait for a coordinator's answer to an ask. It answers at once, but the first answer
     * over a new connection waits for its TLS handshake, which took over 3 s on a loaded 2-core machine
     * (a point handed out but never received waits for the heartbeat timeout). An ask Vert.x routes to
     * a member it cannot reach (one without the key that registered the address) is lost for this long.
     */
    static final long ASK_TIMEOUT_MILLIS = 10_000;
    /** A point's result is small; a coordinator that cannot take it within this long is gone. */
    static final long RESULT_TIMEOUT_MILLIS = 10_000;
    /** Attempts to deliver a result before giving up (a coordinator restarted with --resume runs it again). */
    static final int DELIVERY_ATTEMPTS = 3;
    /** No coordinator for this long is worth a line (once, until one answers again). */
    static final long QUIET_MILLIS = 30_000;

    /** Runs one point: its summary, or an exception (an InputError when the point's scenario is at fault). */
    public interface PointRun {
        RunSummary run(PointJob job);
    }

    private final Vertx vertx;
    private final Ask ask;
    private final PointRun runner;
    private final Consumer<String> println;
    private final DropLog drops;
    private long lastAnswer = System.nanoTime();
    private boolean saidQuiet;

    public ClusterWorker(Vertx vertx, String node, String worker, PointRun runner, Consumer<String> println) {
        this.vertx = vertx;
        this.ask = new Ask(node, worker);
        this.runner = runner;
        this.println = println;
        this.drops = new DropLog(println, System::nanoTime);
    }

    /**
     * The usual point runner: the scenario loaded from the point's text and checked against
     * {@code access} (its files under the worker's allowed directories, no download) before it runs.
     */
    public static PointRun simulating(PluginCatalog catalog, FileAccess access, int threads) {
        return simulating(new Simulator(catalog).restrictedTo(access), catalog, threads);
    }

    /** As above with a simulator of the caller's (one whose plugins are watched, say). */
    public static PointRun simulating(Simulator simulator, PluginCatalog catalog, int threads) {
        ScenarioLoader loader = new ScenarioLoader(catalog);
        return job -> {
            Scenario s = loader.loadText(job.scenarioText(), job.source(), Path.of(job.location()), job.overrides(),
                    job.seed());
            return simulator.run(simulator.prepare(s), threads, RunListener.NONE);
        };
    }

    /**
     * What a worker's points may read: the files under {@code allowDirs} and {@code dataDir} (each an
     * existing directory), data sets from {@code dataDir}, and nothing downloaded.
     */
    public static FileAccess access(List<Path> allowDirs, Path dataDir) {
        List<Path> roots = new ArrayList<>();
        for (Path d : allowDirs) {
            roots.add(existingDirectory(d, "--allow-dir"));
        }
        if (dataDir != null) {
            roots.add(existingDirectory(dataDir, "--data-dir"));
        }
        return FileAccess.only(roots, dataDir).withHint("a worker reads only files under its --allow-dir and "
                + "--data-dir directories");
    }

    private static Path existingDirectory(Path d, String option) {
        if (!java.nio.file.Files.isDirectory(d)) {
            throw new InputError(option, "", "expected a directory, got " + d);
        }
        return d;
    }

    /** Runs points until {@code maxPoints} are done (null: until the process ends); returns how many ran. */
    public long run(Long maxPoints) {
        long done = 0;
        while (maxPoints == null || done < maxPoints) {
            Reply reply = askForPoint();
            if (reply instanceof Handout h) {
                runPoint(h);
                done++;
            } else {
                sleep(reply instanceof Wait w ? w.millis() : ClusterCoordinator.WAIT_MILLIS);
            }
        }
        return done;
    }

    /** The coordinator's reply, or null when none came (none running yet, or cut off) or it did not parse. */
    private Reply askForPoint() {
        Object body;
        try {
            body = Futures.await(vertx.eventBus().request(PointMessages.NEXT, ask.toJson(),
                    new DeliveryOptions().setSendTimeout(ASK_TIMEOUT_MILLIS))).body();
        } catch (RuntimeException e) {
            // No coordinator (yet), none reachable, or the ask could not be sent: ask again shortly.
            noCoordinator();
            return null;
        }
        lastAnswer = System.nanoTime();
        if (saidQuiet) {
            println.accept("  a coordinator answers again");
            saidQuiet = false;
        }
        try {
            return Reply.parse(body);
        } catch (MalformedMessage e) {
            drops.dropped(PointMessages.NEXT + " (a reply)", e.getMessage());
            return null;
        }
    }

    private void noCoordinator() {
        if (!saidQuiet && System.nanoTime() - lastAnswer > QUIET_MILLIS * 1_000_000L) {
            println.accept("  no coordinator has answered for " + QUIET_MILLIS / 1000 + " s: none is running, or this "
                    + "worker is cut off from the cluster (Hazelcast merges a split cluster within seconds of the "
                    + "network healing)");
            saidQuiet = true;
        }
    }

    private void runPoint(Handout h) {
        String name = h.job().name() + " point " + (h.index() + 1);
        println.accept("  " + name + " started");
        long start = System.nanoTime();
        Heartbeats beats = new Heartbeats(h, name);
        long timer = vertx.setPeriodic(PointMessages.HEARTBEAT_MILLIS, id -> beats.send());
        Answer answer;
        try {
            answer = new Answer(h.sweep(), h.index(), h.token(), ask.worker(), new JsonObject(runner.run(h.job())
                    .toJson()), null, false);
        } catch (InputError e) {
            answer = new Answer(h.sweep(), h.index(), h.token(), ask.worker(), null, oneLine(e.getMessage()), true);
        } catch (RuntimeException e) {
            answer = new Answer(h.sweep(), h.index(), h.token(), ask.worker(), null,
                    oneLine(e.getMessage() == null ? e.toString() : e.getMessage()), false);
        } catch (OutOfMemoryError e) {
            // The point's memory is garbage once it has failed: the worker goes on with the next.
            answer = new Answer(h.sweep(), h.index(), h.token(), ask.worker(), null, "ran out of memory ("
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap)", false);
        } finally {
            vertx.cancelTimer(timer);
        }
        println.accept("  " + name + " " + (answer.error() != null ? "failed: " + answer.error()
                : String.format(Locale.ROOT, "done in %.2f s", (System.nanoTime() - start) / 1e9)));
        if (beats.taken.get()) {
            println.accept("  " + name + ": handed to another worker meanwhile; offering this result anyway (the "
                    + "first to arrive is kept)");
        }
        deliver(h, answer, name);
    }

    private void deliver(Handout h, Answer answer, String name) {
        for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
            try {
                Futures.await(vertx.eventBus().request(h.replyTo(), answer.toJson(),
                        new DeliveryOptions().setSendTimeout(RESULT_TIMEOUT_MILLIS)));
                return;
            } catch (RuntimeException e) {
                if (attempt == DELIVERY_ATTEMPTS) {
                    println.accept("  could not deliver the result of " + name + " (" + oneLine(e.getMessage())
                            + "): its coordinator is gone or cut off; a coordinator resumed on its directory runs it "
                            + "again");
                } else {
                    sleep(ClusterCoordinator.WAIT_MILLIS);
                }
            }
        }
    }

    /** The heartbeats of one running point, sent from the event loop; what their acks said. */
    private final class Heartbeats {
        private final Handout h;
        private final String name;
        final AtomicBoolean taken = new AtomicBoolean();
        private final AtomicLong heard = new AtomicLong(System.nanoTime());
        private final AtomicBoolean saidSilent = new AtomicBoolean();

        Heartbeats(Handout h, String name) {
            this.h = h;
            this.name = name;
        }

        void send() {
            vertx.eventBus().request(h.heartbeatTo(), new PointMessages.Heartbeat(h.sweep(), h.index(), h.token())
                    .toJson(), new DeliveryOptions().setSendTimeout(PointMessages.HEARTBEAT_MILLIS)).onComplete(ar -> {
                        if (ar.succeeded()) {
                            heard.set(System.nanoTime());
                            try {
                                if (!HeartbeatAck.parse(ar.result().body()).keep()) {
                                    taken.set(true);
                                }
                            } catch (MalformedMessage e) {
                                drops.dropped(h.heartbeatTo() + " (a reply)", e.getMessage());
                            }
                        } else if (System.nanoTime() - heard.get() > PointMessages.HEARTBEAT_LOSS_MILLIS * 1_000_000L
                                && saidSilent.compareAndSet(false, true)) {
                            println.accept("  " + name + ": no word from its coordinator for "
                                    + PointMessages.HEARTBEAT_LOSS_MILLIS / 1000 + " s (it is gone, or this worker is "
                                    + "cut off from it); finishing the point and offering the result");
                        }
                    });
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
