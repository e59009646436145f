package org.xbarsim.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbarsim.cli.options.ClusterOptions;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.scenario.ScenarioSpec;

/** A sweep's points handed to the workers of a cluster: joins it as the coordinator and waits for every result. */
final class ClusterSweep {
    private ClusterSweep() {
    }

    static SweepCoordinator run(String name, SweepResults results, List<Point> points, ClusterOptions options,
                                double timeout, PrintWriter out) {
        List<JsonObject> jobs = new ArrayList<>();
        for (Point p : points) {
            ScenarioSpec s = p.scenario();
            jobs.add(SweepCoordinator.job(name, s.text().text(),
                    s.text().source(), s.text().location().toAbsolutePath().normalize().toString(), s.describe(),
                    s.seed()));
        }
        Object lock = new Object();
        SweepCoordinator coordinator = new SweepCoordinator(results, jobs, timeout, line -> {
            synchronized (lock) {
                out.println(line);
                out.flush();
            }
        });
        try (ClusterNode node = ClusterNode.join(options.host(), options.port(), options.join)) {
            synchronized (lock) {
                out.printf(Locale.ROOT, "  coordinator %s: waiting for workers ('xbarsim worker --cluster --host %s "
                        + "--port %d')%n", node.address(), options.host(), options.port());
                out.flush();
            }
            coordinator.run(node);
        }
        return coordinator;
    }
}
