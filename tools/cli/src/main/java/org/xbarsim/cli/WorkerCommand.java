package org.xbarsim.cli;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim worker --cluster}: joins the sweep cluster and runs points for whichever coordinator
 * hands them out, one at a time with every core (or --threads), until killed. The plugins are this
 * machine's own (--plugins or the launcher's directory), as for {@code run}.
 */
@Command(name = "worker", description = "Join a sweep cluster and run the points of clustered sweeps "
        + "('xbarsim sweep ... --cluster') until stopped.")
final class WorkerCommand implements Callable<Integer> {
    /** How long a worker waits for a coordinator's answer before asking again. */
    private static final long ASK_TIMEOUT_MILLIS = 10_000;
    /** A point's result is small; a coordinator that cannot take it within this long is gone. */
    private static final long RESULT_TIMEOUT_MILLIS = 30_000;

    @Option(names = "--cluster", required = true, description = "Join the clustered event bus (required: the "
            + "only kind of worker there is, named so the command says what it does).")
    boolean cluster;

    @Option(names = "--host", paramLabel = "ADDR", description = "This machine's address the cluster uses "
            + "(default 127.0.0.1: a cluster of this machine only).")
    String host = ClusterNode.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "P", description = "First cluster port (default 5701); members bind "
            + "the first free one of P..P+9 and find each other there.")
    int port = ClusterNode.DEFAULT_PORT;

    @Option(names = "--join", paramLabel = "ADDR,...", split = ",", description = "Addresses of other cluster "
            + "members' machines (default: --host only, i.e. this machine).")
    List<String> join;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads of each point's run (default: "
            + "all cores). Results do not depend on it.")
    Integer threads;

    @picocli.CommandLine.Mixin
    org.xbarsim.cli.options.PluginOptions plugins;

    @Option(names = "--points", paramLabel = "N", description = "Stop after N points (default: run until killed).")
    Long maxPoints;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || threadCount > 1024) {
            throw new InputError("--threads", "", "expected 1..1024, got " + threadCount);
        }
        if (maxPoints != null && maxPoints < 1) {
            throw new InputError("--points", "", "expected a whole number >= 1, got " + maxPoints);
        }
        try (org.xbarsim.explore.SimulatorHost simulatorHost = plugins.open(spec.commandLine().getErr());
             ClusterNode node = ClusterNode.join(host, port, join)) {
            PluginCatalog catalog = simulatorHost.catalog();
            String me = node.address();
            out.printf(Locale.ROOT, "xbarsim worker %s: joined the cluster (%d thread%s a point); waiting for sweep "
                    + "points%n", me, threadCount, threadCount == 1 ? "" : "s");
            out.flush();
            Simulator simulator = new Simulator(catalog);
            ScenarioLoader loader = new ScenarioLoader(catalog);
            var bus = node.vertx().eventBus();
            JsonObject ask = new JsonObject().put("node", node.nodeId()).put("worker", me);
            DeliveryOptions askOptions = new DeliveryOptions().setSendTimeout(ASK_TIMEOUT_MILLIS);
            long done = 0;
            while (maxPoints == null || done < maxPoints) {
                JsonObject reply;
                try {
                    reply = Futures.await(bus.<JsonObject>request(SweepCoordinator.NEXT, ask, askOptions)).body();
                } catch (ReplyException e) {
                    // No coordinator on the cluster yet (or it is busy): ask again shortly.
                    sleep(SweepCoordinator.WAIT_MILLIS);
                    continue;
                }
                if (reply.containsKey("wait")) {
                    sleep(reply.getLong("wait"));
                    continue;
                }
                runPoint(out, bus, reply, simulator, loader, threadCount, me);
                done++;
            }
        }
        out.flush();
        return 0;
    }

    /** Runs the point a coordinator handed out and sends its result back. */
    private static void runPoint(PrintWriter out, io.vertx.core.eventbus.EventBus bus, JsonObject reply,
                                 Simulator simulator, ScenarioLoader loader, int threadCount, String me) {
        int index = reply.getInteger("index");
        JsonObject job = reply.getJsonObject("job");
        JsonObject result = new JsonObject().put("sweep", reply.getString("sweep")).put("index", index)
                .put("worker", me);
        out.printf(Locale.ROOT, "  %s point %d started%n", job.getString("name"), index + 1);
        out.flush();
        long start = System.nanoTime();
        try {
            result.put("summary", new JsonObject(run(simulator, loader, job, threadCount).toJson()));
        } catch (InputError e) {
            result.put("error", Errors.oneLine(e.getMessage())).put("input", true);
        } catch (RuntimeException e) {
            result.put("error", Errors.oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        String outcome = result.containsKey("error") ? "failed: " + result.getString("error")
                : String.format(Locale.ROOT, "done in %.2f s", (System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "  %s point %d %s%n", job.getString("name"), index + 1, outcome);
        out.flush();
        try {
            Futures.await(bus.request(reply.getString("replyTo"), result,
                    new DeliveryOptions().setSendTimeout(RESULT_TIMEOUT_MILLIS)));
        } catch (ReplyException e) {
            // The coordinator is gone; a restarted one resumes from its disk and hands the point out again.
            out.println("  could not deliver the result of point " + (index + 1) + ": " + e.getMessage());
        }
    }

    private static RunSummary run(Simulator simulator, ScenarioLoader loader, JsonObject job, int threads) {
        List<String> overrides = new ArrayList<>();
        JsonArray list = job.getJsonArray("overrides");
        for (int i = 0; i < list.size(); i++) {
            overrides.add(list.getString(i));
        }
        Scenario scenario = loader.loadText(job.getString("scenarioText"), job.getString("source"),
                Path.of(job.getString("location")), overrides, job.getLong("seed"));
        return simulator.run(simulator.prepare(scenario), threads, RunListener.NONE);
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
