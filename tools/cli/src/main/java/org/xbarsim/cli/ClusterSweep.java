package org.xbarsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbarsim.cli.options.ClusterOptions;
import org.xbarsim.explore.cluster.ClusterCoordinator;
import org.xbarsim.explore.cluster.ClusterKey;
import org.xbarsim.explore.cluster.PointMessages;
import org.xbarsim.engine.summary.SummaryCheck;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.scenario.ScenarioSpec;

/** A sweep's points handed to the workers of a cluster: joins it as the coordinator and waits for every result. */
final class ClusterSweep {
    private ClusterSweep() {
    }

    static ClusterCoordinator run(String name, SweepResults results, List<Point> points,
                                  List<SummaryCheck.Expected> expected, ClusterOptions options, double timeout,
                                  PrintWriter out) {
        List<PointMessages.PointJob> jobs = new ArrayList<>();
        for (Point p : points) {
            ScenarioSpec s = p.scenario();
            jobs.add(new PointMessages.PointJob(name, s.text().text(), s.text().source(),
                    s.text().location().toAbsolutePath().normalize().toString(), s.describe(), s.seed()));
        }
        Object lock = new Object();
        ClusterCoordinator coordinator = new ClusterCoordinator(results, jobs, expected, timeout, line -> {
            synchronized (lock) {
                out.println(line);
                out.flush();
            }
        });
        ClusterKey key = options.key();
        try (ClusterNode node = ClusterNode.join(options.host(), options.port(), options.join, key)) {
            synchronized (lock) {
                out.printf(Locale.ROOT, "  coordinator %s: waiting for workers ('xbarsim worker --cluster --host %s "
                        + "--port %d' with the same --key)%n", node.address(), options.host(), options.port());
                out.flush();
            }
            node.onMemberLeft(coordinator::nodeLeft);
            coordinator.run(node.vertx());
        }
        return coordinator;
    }
}
