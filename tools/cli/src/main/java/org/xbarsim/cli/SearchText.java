package org.xbarsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.explore.metric.Metrics;
import org.xbarsim.explore.search.Evaluation;
import org.xbarsim.explore.search.FrontCheck;
import org.xbarsim.explore.search.Goal;
import org.xbarsim.explore.search.SearchFiles;
import org.xbarsim.explore.search.SearchResult;
import org.xbarsim.explore.search.Searched;

/** What {@code optimize} prints: the goal, each search's best runs with their conditions, and its front. */
final class SearchText {
    private SearchText() {
    }

    static void print(PrintWriter out, Scenario base, SearchResult result, SearchFiles files, double wallSeconds) {
        int chips = result.chips();
        out.printf(Locale.ROOT, "optimize %s (%s): %s%n", base.name(), chips == 1 ? "seed " + base.seed()
                : "means over " + chips + " chips, seeds " + base.seed() + ".." + (base.seed() + chips - 1),
                Goal.describe(result.goals()));
        for (Searched s : result.searches()) {
            if (s.setup().value() != null) {
                out.printf("  %s:%n", s.setup().value());
            }
            out.printf(Locale.ROOT, "  %d runs over %d knobs%s%n", s.runs().size(), s.setup().knobs().size(),
                    chips == 1 ? "" : " (" + chips * s.runs().size() + " simulations: each run on " + chips + " chips)");
            for (int g = 0; g < result.goals().size(); g++) {
                best(out, s, result.goals(), g);
            }
            List<Evaluation> front = s.front();
            Evaluation fast = front.get(0);
            Evaluation good = front.get(front.size() - 1);
            out.printf(Locale.ROOT, "    Pareto front: %d runs, from %s at Pfail %s to %s at Pfail %s: %s%n",
                    front.size(), Metrics.TIME.format(fast.timeSeconds()), Metrics.PFAIL.format(fast.pfail()),
                    Metrics.TIME.format(good.timeSeconds()), Metrics.PFAIL.format(good.pfail()),
                    files.of(s).resolve(SearchFiles.PARETO));
        }
        out.printf(Locale.ROOT, "  plot: %s; every run: %s; wall %.1f s%n", files.plot(),
                result.searches().get(0).setup().value() == null ? files.dir().resolve(SearchFiles.EVALUATIONS)
                        : files.dir().resolve("*").resolve(SearchFiles.EVALUATIONS), wallSeconds);
    }

    private static void best(PrintWriter out, Searched s, List<Goal> goals, int g) {
        Goal goal = goals.get(g);
        Evaluation best = s.best().get(g);
        List<String> conditions = new ArrayList<>();
        best.settings(s.setup().knobs()).forEach(c -> conditions.add(c.toString()));
        if (s.setup().tolerance() != null) {
            conditions.add(s.setup().tolerance().setting(best.values()) + " (the scenario's fraction of F G_T)");
        }
        out.printf(Locale.ROOT, "  best%s (run %d%s): %s%n", goals.size() == 1 ? "" : " within " + goal.lastLimit(),
                best.index(), goal.feasible(best) ? "" : ", NOT within the limits: none was",
                String.join(" ", conditions));
        String objective = goal.objective().equals(Metrics.PFAIL) || goal.objective().equals(Metrics.TIME)
                || goal.objective().equals(Metrics.ENERGY) || best.metric(goal.objective()) == null ? ""
                : "  " + goal.objective().field() + " " + goal.objective().format(best.metric(goal.objective()));
        out.printf(Locale.ROOT, "    Pfail %s  time %s  energy %s  (%.1f pulse ops per row)%s%n",
                Metrics.PFAIL.format(best.pfail()), Metrics.TIME.format(best.timeSeconds()),
                Metrics.ENERGY.format(best.energyJoules()), best.summary().programming().total().pulseOpsPerRow(),
                objective);
    }

    /** The lines of a front check: each front run's Pfail and time as searched and on the unseen chips. */
    static void check(PrintWriter out, FrontCheck check, List<String> names,
                      Path plot) {
        out.printf(Locale.ROOT, "fronts on unseen chips %d..%d (mean ± sd over %d chips):%n", check.firstSeed(),
                check.firstSeed() + check.chips() - 1, check.chips());
        for (int k = 0; k < check.searches().size(); k++) {
            FrontCheck.Checked c = check.searches().get(k);
            out.println("  " + names.get(k) + ":");
            for (int i = 0; i < c.front().size(); i++) {
                Evaluation e = c.front().get(i);
                Spread pfail = FrontCheck.spread(c.unseen().get(i), "programming.pfail");
                Spread time = FrontCheck.spread(c.unseen().get(i), "programming.timeSeconds");
                out.printf(Locale.ROOT, "    run %d: searched Pfail %.2f%% in %s; unseen Pfail %s%% in %s%n", e.index(),
                        100 * e.pfail(), Format.seconds(e.timeSeconds()), Format.plusMinus(pfail, 100, 2),
                        Format.seconds(time));
            }
        }
        out.println("  plot: " + plot);
    }
}
