import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.metric.Limit;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.runner.LocalRunner;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.runner.PointResult;
import org.xbarsim.explore.scenario.ScenarioSpec;
import org.xbarsim.explore.search.Evaluation;
import org.xbarsim.explore.search.Goal;
import org.xbarsim.explore.search.SearchPlan;
import org.xbarsim.explore.search.SearchResult;
import org.xbarsim.explore.sweep.SweepPlan;
import org.xbarsim.explore.sweep.SweepResult;

/**
 * xbarsim from Java: a sweep and a search of the row-wise tile scenario, through the exploration
 * library (sim-explore), with no command line in between. From the repository's root, after a build:
 *
 *   java -cp "tools/cli/target/xbarsim/lib/*" scenarios/examples/ExploreFromJava.java
 *
 * Arguments (optional): the plugin directory and the scenario file.
 */
public class ExploreFromJava {
    public static void main(String[] args) {
        Path plugins = Path.of(args.length > 0 ? args[0] : "tools/cli/target/xbarsim/plugins");
        Path scenario = Path.of(args.length > 1 ? args[1] : "scenarios/tile-rowwise.yaml");
        try (SimulatorHost host = SimulatorHost.open(plugins); LocalRunner runner = host.localRunner(2)) {
            // A smaller tile than the file's: the example runs in seconds.
            ScenarioSpec tile = host.scenario(scenario).with("workload.rows", 32).with("workload.cols", 64);

            // One run.
            RunSummary one = host.run(tile.with("chip.adc.bits", 8));
            System.out.printf(Locale.ROOT, "run: Pfail %.2f%% in %.3f ms%n", 100 * one.programming().pfail(),
                    1e3 * one.programming().timeSeconds());

            // A sweep: the MSP budget against ADC resolution, every point on the runner.
            SweepResult sweep = SweepPlan.of(tile).grid("programming.nMsp", "5", "10", "40")
                    .grid("chip.adc.bits", "6", "10").run(host.loader(), runner, PointListener.NONE);
            for (PointResult p : sweep.results()) {
                System.out.printf(Locale.ROOT, "sweep: %-40s Pfail %6.2f%%  time %.3f ms%n", p.point().label(),
                        100 * p.summary().programming().pfail(), 1e3 * p.summary().programming().timeSeconds());
            }

            // A search: the lowest Pfail within 1 ms of programming, over two knobs of the policy.
            SearchResult search = SearchPlan.of(tile).vary("programming.nMsp=3:40").vary("programming.nLsp=3:40")
                    .goal(Goal.of(Metrics.PFAIL, Limit.parse("--limit", "programming.timeSeconds<=1ms"))).budget(16)
                    .run(host.loader(), runner, PointListener.NONE, done -> { });
            Evaluation best = search.searches().get(0).best().get(0);
            System.out.printf(Locale.ROOT, "search: best of %d runs: %s: Pfail %.2f%% in %.3f ms%n",
                    search.searches().get(0).runs().size(), best.settings(search.searches().get(0).setup().knobs()),
                    100 * best.pfail(), 1e3 * best.timeSeconds());
        }
    }
}
