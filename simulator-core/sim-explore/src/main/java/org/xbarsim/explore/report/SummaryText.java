package org.xbarsim.explore.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.explore.runner.PointResult;

/**
 * A run summary as text: the lines {@code xbarsim run} prints (one chip or the means of several), the
 * line of a sweep's point. Each method returns lines without line separators.
 */
public final class SummaryText {
    private SummaryText() {
    }

    /** What {@code xbarsim run} prints: a run of {@code s} on {@code tiles} tiles, its summary written to {@code file}. */
    public static List<String> run(Scenario s, int tiles, RunSummary summary, Path file) {
        List<String> lines = new ArrayList<>();
        RunSummary.Outcome p = summary.programming().total();
        add(lines, "%s (seed %d): %,d weights on %d tile%s of %dx%d", s.name(), s.seed(),
                p.weights(), tiles, Figures.plural(tiles), s.chip().tileRows(), s.chip().tileCols());
        double f = s.chip().significanceF();
        add(lines, "  %s on %s%s, F=%s, ADC %d bits x %d column%s", s.policy().id(), s.device().id(),
                s.devicePreset() == null ? "" : "/" + s.devicePreset(),
                f == Math.rint(f) ? Long.toString((long) f) : Double.toString(f), s.chip().adcBits(),
                s.chip().columnsPerAdc(), Figures.plural(s.chip().columnsPerAdc()));
        add(lines, "  success %.2f%%  Pfail %.2f%%  mean |error| %.3f uS",
                100 * p.successFraction(), 100 * p.pfail(), p.meanAbsErrorMicroSiemens());
        add(lines, "  per row: %.1f pulse ops (%.1f SET, %.1f RESET), %.1f reads",
                p.pulseOpsPerRow(), p.setOpsPerRow(), p.resetOpsPerRow(), p.readOpsPerRow());
        add(lines, "  simulated programming time %s, energy %s", Figures.seconds(p.timeSeconds()),
                Figures.joules(p.energyJoules()));
        if (summary.inference() != null) {
            inference(lines, summary.inference());
        }
        RunSummary.HostRun run = summary.run();
        add(lines, "  wall %.2f s, %,.0f weights/s on %d thread%s; %,d bus events%s",
                run.wallSeconds(), run.weightsPerWallSecond(), run.threads(), Figures.plural(run.threads()),
                run.busEvents(), run.busShare() == null ? "" : String.format(Locale.ROOT,
                        " (event loops: %.1f%% bus delivery, %.1f%% JVM pauses)", 100 * run.busShare(),
                        100 * run.pauseShare()));
        lines.add("  summary: " + file + " (plot: " + file.resolveSibling("error-histogram.png") + ")");
        return lines;
    }

    /**
     * What {@code xbarsim run --chips N} prints: the run's figures as mean ± sd over its chips (the
     * summary file has every metric's mean, sd, min and max).
     */
    public static List<String> chips(Scenario s, int tiles, RunSummary summary, Path file) {
        List<String> lines = new ArrayList<>();
        RunSummary.ChipMeans c = summary.chips();
        java.util.function.Function<String, Spread> at = c::spread;
        RunSummary.Outcome p = summary.programming().total();
        add(lines, "%s (%d chips, seeds %d..%d): %,d weights on %d tile%s of %dx%d each", s.name(),
                c.count(), c.seeds().get(0), c.seeds().get(c.count() - 1), p.weights(), tiles,
                Figures.plural(tiles), s.chip().tileRows(), s.chip().tileCols());
        add(lines, "  %s on %s%s; figures are mean ± sd over the chips", s.policy().id(),
                s.device().id(), s.devicePreset() == null ? "" : "/" + s.devicePreset());
        add(lines, "  success %s%%  Pfail %s%% (min %.2f, max %.2f)  mean |error| %s uS",
                Figures.plusMinus(at.apply("programming.successFraction"), 100, 2),
                Figures.plusMinus(at.apply("programming.pfail"), 100, 2), 100 * at.apply("programming.pfail").min(),
                100 * at.apply("programming.pfail").max(),
                Figures.plusMinus(at.apply("programming.meanAbsErrorMicroSiemens"), 1, 3));
        add(lines, "  per row: %s pulse ops, %s reads",
                Figures.plusMinus(at.apply("programming.pulseOpsPerRow"), 1, 1),
                Figures.plusMinus(at.apply("programming.readOpsPerRow"), 1, 1));
        add(lines, "  simulated programming time %s, energy %s",
                Figures.seconds(at.apply("programming.timeSeconds")), Figures.joules(at.apply("programming.energyJoules")));
        RunSummary.Inference i = summary.inference();
        if (i != null && i.analogAccuracy() != null) {
            Spread analog = at.apply("inference.analogAccuracy");
            add(lines, "  inference at %s: accuracy %s%% analog (min %.2f, max %.2f) vs %.2f%% software"
                    + " on %,d samples", i.time(), Figures.plusMinus(analog, 100, 2), 100 * analog.min(),
                    100 * analog.max(), 100 * i.softwareAccuracy(), i.samples());
        }
        if (i != null && i.analogBitsPerChar() != null) {
            add(lines, "  inference at %s: %s bits/char analog vs %.3f software on %,d characters",
                    i.time(), Figures.plusMinus(at.apply("inference.analogBitsPerChar"), 1, 3), i.softwareBitsPerChar(),
                    i.samples());
        }
        lines.add("  summary: " + file + " (means; every metric's mean, sd, min and max under \"chips\"; the "
                + "plot " + file.resolveSibling("error-histogram.png") + " is the first chip's)");
        return lines;
    }

    /**
     * What {@code xbarsim replay --device} prints: the recorded pulses of the trace of scenario
     * {@code name} replayed open loop on {@code device} with {@code seed}, its summary in {@code file}.
     */
    public static List<String> replayed(String name, String device, long seed, RunSummary summary, Path file) {
        List<String> lines = new ArrayList<>();
        RunSummary.Outcome p = summary.programming().total();
        add(lines, "%s's recorded pulses, open loop, on %s (seed %d): %,d weights", name, device, seed, p.weights());
        add(lines, "  success %.2f%%  Pfail %.2f%%  mean |error| %.3f uS", 100 * p.successFraction(), 100 * p.pfail(),
                p.meanAbsErrorMicroSiemens());
        lines.add("  summary: " + file);
        return lines;
    }

    private static void inference(List<String> lines, RunSummary.Inference i) {
        if (i.softwareAccuracy() != null) {
            add(lines, "  inference at %s: accuracy %.2f%% analog vs %.2f%% software on %,d samples",
                    i.time(), 100 * i.analogAccuracy(), 100 * i.softwareAccuracy(), i.samples());
        }
        if (i.softwareBitsPerChar() != null) {
            add(lines, "  inference at %s: %.3f bits/char analog vs %.3f software on %,d characters",
                    i.time(), i.analogBitsPerChar(), i.softwareBitsPerChar(), i.samples());
        }
        add(lines, "  per sample: %s, %s (simulated)", Figures.seconds(i.timeSecondsPerSample()),
                Figures.joules(i.energyJoulesPerSample()));
    }

    /**
     * The line printed when a point finishes: its position, axis values and main figures, and the wall
     * time of its whole run (programming and inference; shared by the points read from one chip).
     */
    public static String point(PointResult r, int of) {
        RunSummary.Outcome p = r.summary().programming().total();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "  [%d/%d] %s: success %.2f%%  Pfail %.2f%%  %.1f pulse ops/row  programming %s, %s",
                r.point().index() + 1, of, r.point().label(), 100 * p.successFraction(), 100 * p.pfail(),
                p.pulseOpsPerRow(), Figures.seconds(p.timeSeconds()), Figures.joules(p.energyJoules())));
        RunSummary.Inference i = r.summary().inference();
        if (i != null && i.analogAccuracy() != null) {
            b.append(String.format(Locale.ROOT, "  accuracy %.2f%% analog vs %.2f%% software",
                    100 * i.analogAccuracy(), 100 * i.softwareAccuracy()));
        }
        if (i != null && i.analogBitsPerChar() != null) {
            b.append(String.format(Locale.ROOT, "  %.3f bits/char analog vs %.3f software", i.analogBitsPerChar(),
                    i.softwareBitsPerChar()));
        }
        RunSummary.ChipMeans chips = r.summary().chips();
        if (chips != null && chips.spread("programming.pfail") != null) {
            b.append(String.format(Locale.ROOT, "  (means over %d chips; Pfail sd %.2f%%%s)", chips.count(),
                    100 * chips.spread("programming.pfail").sd(), chips.spread("inference.analogAccuracy") == null ? ""
                            : String.format(Locale.ROOT, ", accuracy sd %.2f%%",
                            100 * chips.spread("inference.analogAccuracy").sd())));
        }
        b.append(String.format(Locale.ROOT, "  (wall %.2f s%s)", r.wallSeconds(), r.chipPoints() == 1 ? ""
                : " for " + r.chipPoints() + " points read from one programmed chip"));
        if (!r.where().equals("local") && !r.where().equals("earlier")) {
            b.append(" on ").append(r.where()); // a cluster worker
        }
        return b.toString();
    }

    private static void add(List<String> lines, String format, Object... args) {
        lines.add(String.format(Locale.ROOT, format, args));
    }
}
