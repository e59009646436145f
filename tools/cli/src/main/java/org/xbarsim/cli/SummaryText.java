package org.xbarsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;
import org.xbarsim.explore.runner.PointResult;

/** A run summary as the command line prints it: the lines of {@code run}, the line of a sweep's point. */
final class SummaryText {
    private SummaryText() {
    }

    /** What {@code xbarsim run} prints. */
    static void print(PrintWriter out, Scenario s, Simulator.Prepared prepared, RunSummary summary, Path file) {
        RunSummary.Outcome p = summary.programming().total();
        int tiles = prepared.jobs().size();
        out.printf(Locale.ROOT, "%s (seed %d): %,d weights on %d tile%s of %dx%d%n", s.name(), s.seed(),
                p.weights(), tiles, Format.plural(tiles), s.chip().tileRows(), s.chip().tileCols());
        double f = s.chip().significanceF();
        out.printf(Locale.ROOT, "  %s on %s%s, F=%s, ADC %d bits x %d column%s%n", s.policy().id(), s.device().id(),
                s.devicePreset() == null ? "" : "/" + s.devicePreset(),
                f == Math.rint(f) ? Long.toString((long) f) : Double.toString(f), s.chip().adcBits(),
                s.chip().columnsPerAdc(), Format.plural(s.chip().columnsPerAdc()));
        out.printf(Locale.ROOT, "  success %.2f%%  Pfail %.2f%%  mean |error| %.3f uS%n",
                100 * p.successFraction(), 100 * p.pfail(), p.meanAbsErrorMicroSiemens());
        out.printf(Locale.ROOT, "  per row: %.1f pulse ops (%.1f SET, %.1f RESET), %.1f reads%n",
                p.pulseOpsPerRow(), p.setOpsPerRow(), p.resetOpsPerRow(), p.readOpsPerRow());
        out.printf(Locale.ROOT, "  simulated programming time %s, energy %s%n", Format.seconds(p.timeSeconds()),
                Format.joules(p.energyJoules()));
        if (summary.inference() != null) {
            inference(out, summary.inference());
        }
        RunSummary.HostRun run = summary.run();
        out.printf(Locale.ROOT, "  wall %.2f s, %,.0f weights/s on %d thread%s; %,d bus events%s%n",
                run.wallSeconds(), run.weightsPerWallSecond(), run.threads(), Format.plural(run.threads()),
                run.busEvents(), run.busShare() == null ? "" : String.format(Locale.ROOT,
                        " (event loops: %.1f%% bus delivery, %.1f%% JVM pauses)", 100 * run.busShare(),
                        100 * run.pauseShare()));
        out.println("  summary: " + file + " (plot: " + file.resolveSibling("error-histogram.png") + ")");
    }

    /**
     * What {@code xbarsim run --chips N} prints: the run's figures as mean ± sd over its chips (the
     * summary file has every metric's mean, sd, min and max).
     */
    static void printChips(PrintWriter out, Scenario s, Simulator.Prepared prepared, RunSummary summary, Path file) {
        RunSummary.ChipMeans c = summary.chips();
        java.util.function.Function<String, Spread> at = c::spread;
        RunSummary.Outcome p = summary.programming().total();
        out.printf(Locale.ROOT, "%s (%d chips, seeds %d..%d): %,d weights on %d tile%s of %dx%d each%n", s.name(),
                c.count(), c.seeds().get(0), c.seeds().get(c.count() - 1), p.weights(), prepared.jobs().size(),
                Format.plural(prepared.jobs().size()), s.chip().tileRows(), s.chip().tileCols());
        out.printf(Locale.ROOT, "  %s on %s%s; figures are mean ± sd over the chips%n", s.policy().id(),
                s.device().id(), s.devicePreset() == null ? "" : "/" + s.devicePreset());
        out.printf(Locale.ROOT, "  success %s%%  Pfail %s%% (min %.2f, max %.2f)  mean |error| %s uS%n",
                Format.plusMinus(at.apply("programming.successFraction"), 100, 2),
                Format.plusMinus(at.apply("programming.pfail"), 100, 2), 100 * at.apply("programming.pfail").min(),
                100 * at.apply("programming.pfail").max(),
                Format.plusMinus(at.apply("programming.meanAbsErrorMicroSiemens"), 1, 3));
        out.printf(Locale.ROOT, "  per row: %s pulse ops, %s reads%n",
                Format.plusMinus(at.apply("programming.pulseOpsPerRow"), 1, 1),
                Format.plusMinus(at.apply("programming.readOpsPerRow"), 1, 1));
        out.printf(Locale.ROOT, "  simulated programming time %s, energy %s%n",
                Format.seconds(at.apply("programming.timeSeconds")), Format.joules(at.apply("programming.energyJoules")));
        RunSummary.Inference i = summary.inference();
        if (i != null && i.analogAccuracy() != null) {
            Spread analog = at.apply("inference.analogAccuracy");
            out.printf(Locale.ROOT, "  inference at %s: accuracy %s%% analog (min %.2f, max %.2f) vs %.2f%% software"
                    + " on %,d samples%n", i.time(), Format.plusMinus(analog, 100, 2), 100 * analog.min(),
                    100 * analog.max(), 100 * i.softwareAccuracy(), i.samples());
        }
        if (i != null && i.analogBitsPerChar() != null) {
            out.printf(Locale.ROOT, "  inference at %s: %s bits/char analog vs %.3f software on %,d characters%n",
                    i.time(), Format.plusMinus(at.apply("inference.analogBitsPerChar"), 1, 3), i.softwareBitsPerChar(),
                    i.samples());
        }
        out.println("  summary: " + file + " (means; every metric's mean, sd, min and max under \"chips\"; the "
                + "plot " + file.resolveSibling("error-histogram.png") + " is the first chip's)");
    }

    private static void inference(PrintWriter out, RunSummary.Inference i) {
        if (i.softwareAccuracy() != null) {
            out.printf(Locale.ROOT, "  inference at %s: accuracy %.2f%% analog vs %.2f%% software on %,d samples%n",
                    i.time(), 100 * i.analogAccuracy(), 100 * i.softwareAccuracy(), i.samples());
        }
        if (i.softwareBitsPerChar() != null) {
            out.printf(Locale.ROOT, "  inference at %s: %.3f bits/char analog vs %.3f software on %,d characters%n",
                    i.time(), i.analogBitsPerChar(), i.softwareBitsPerChar(), i.samples());
        }
        out.printf(Locale.ROOT, "  per sample: %s, %s (simulated)%n", Format.seconds(i.timeSecondsPerSample()),
                Format.joules(i.energyJoulesPerSample()));
    }

    /**
     * The line printed when a point finishes: its position, axis values and main figures, and the wall
     * time of its whole run (programming and inference; shared by the points read from one chip).
     */
    static String point(PointResult r, int of) {
        RunSummary.Outcome p = r.summary().programming().total();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "  [%d/%d] %s: success %.2f%%  Pfail %.2f%%  %.1f pulse ops/row  programming %s, %s",
                r.point().index() + 1, of, r.point().label(), 100 * p.successFraction(), 100 * p.pfail(),
                p.pulseOpsPerRow(), Format.seconds(p.timeSeconds()), Format.joules(p.energyJoules())));
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
}
