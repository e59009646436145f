package org.xbarsim.explore.search;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.explore.chips.ChipsRunner;
import org.xbarsim.explore.files.Csv;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.runner.PointResult;
import org.xbarsim.explore.runner.PointRunner;

/**
 * A search's fronts scored again on chips it never saw: each Pareto-front run of each search re-run
 * with the same knob values on the chips of seeds {@code firstSeed..firstSeed+chips-1}, as means with
 * every metric's spread. A search tuned on a few chips finds conditions that suit those chips too; the
 * check says what the conditions give a chip off the production line.
 *
 * @param firstSeed the first unseen chip's seed
 * @param chips     the unseen chips each front run is scored on
 * @param searches  one per search of the result, in order
 */
public record FrontCheck(long firstSeed, int chips, List<Checked> searches) {
    public FrontCheck {
        searches = List.copyOf(searches);
    }

    /**
     * One search's front and the same runs on the unseen chips.
     *
     * @param front  the search's Pareto front, fastest first
     * @param unseen each front run's summary on the unseen chips (means, with the spreads in {@code chips})
     */
    public record Checked(Searched search, List<Evaluation> front, List<RunSummary> unseen) {
        public Checked {
            front = List.copyOf(front);
            unseen = List.copyOf(unseen);
        }
    }

    /**
     * Scores every search's front of {@code result} on {@code chips} chips from {@code firstSeed}, all
     * runs at once on {@code runner}. Seeds the search used are refused: the check is of unseen chips.
     */
    public static FrontCheck run(SearchResult result, long firstSeed, int chips, ScenarioLoader loader,
                                 PointRunner runner, PointListener listener) {
        ChipsRunner.checked(chips);
        List<Point> points = new ArrayList<>();
        for (Searched s : result.searches()) {
            long seen = s.setup().seed();
            if (firstSeed < seen + result.chips() && seen < firstSeed + chips) {
                throw new org.xbarsim.api.io.InputError("--check-seed", "", "expected chips the search never saw "
                        + "(it used seeds " + seen + ".." + (seen + result.chips() - 1) + "), got seeds " + firstSeed
                        + ".." + (firstSeed + chips - 1));
            }
            for (Evaluation e : s.front()) {
                points.add(s.setup().candidate(points.size(), e.values(), firstSeed));
            }
        }
        List<PointResult> results = new ChipsRunner(runner, chips, loader).run(points, listener);
        List<Checked> checked = new ArrayList<>();
        int at = 0;
        for (Searched s : result.searches()) {
            List<Evaluation> front = s.front();
            checked.add(new Checked(s, front, results.subList(at, at + front.size()).stream()
                    .map(PointResult::summary).toList()));
            at += front.size();
        }
        return new FrontCheck(firstSeed, chips, checked);
    }

    /** A metric of an unseen-chips summary as it spreads over the chips (a single chip: no spread). */
    public static Spread spread(RunSummary unseen, String path) {
        if (unseen.chips() != null) {
            return unseen.chips().spread(path);
        }
        Double v = unseen.metric(path);
        return v == null ? null : new Spread(v, 0, v, v, 1);
    }

    /**
     * One search's check as a table ({@code front-check.csv}): the front run's index and knob values,
     * its Pfail and time as the search scored them, then Pfail, programming time and energy on the
     * unseen chips as mean, sd, min and max.
     */
    public static String csv(Checked c) {
        List<String> header = new ArrayList<>(List.of("run"));
        c.search().setup().knobs().forEach(k -> header.add(k.path()));
        header.addAll(List.of("searched.pfail", "searched.timeSeconds"));
        for (String path : CHECKED) {
            for (String part : List.of("", ":sd", ":min", ":max")) {
                header.add("unseen." + path + part);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < c.front().size(); i++) {
            Evaluation e = c.front().get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(e.index())));
            for (int k = 0; k < e.values().length; k++) {
                row.add(c.search().setup().knobs().get(k).written(e.values()[k]));
            }
            row.add(Csv.cell(e.pfail()));
            row.add(Csv.cell(e.timeSeconds()));
            for (String path : CHECKED) {
                Spread s = spread(c.unseen().get(i), path);
                row.addAll(s == null ? List.of("", "", "", "") : List.of(Csv.cell(s.mean()), Csv.cell(s.sd()),
                        Csv.cell(s.min()), Csv.cell(s.max())));
            }
            rows.add(row);
        }
        return Csv.text(header, rows);
    }

    /** The figures a check tabulates. */
    static final List<String> CHECKED = List.of("programming.pfail", "programming.timeSeconds",
            "programming.energyJoules");
}
