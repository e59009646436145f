package org.xbarsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.summary.RunSummary;
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
        b.append(String.format(Locale.ROOT, "  (wall %.2f s%s)", r.wallSeconds(), r.chipPoints() == 1 ? ""
                : " for " + r.chipPoints() + " points read from one programmed chip"));
        if (!r.where().equals("local") && !r.where().equals("earlier")) {
            b.append(" on ").append(r.where()); // a cluster worker
        }
        return b.toString();
    }
}
