package org.xbarsim.engine.life;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A working life in a few lines for people (the command line prints them under a run's summary). */
public final class LifecycleText {
    private LifecycleText() {
    }

    public static List<String> lines(LifecycleResult result) {
        LifecycleResult.Life life = result.life();
        LifecycleResult.Life without = result.withoutRefresh();
        List<String> lines = new ArrayList<>();
        LifecycleResult.Evaluation first = life.evaluations().get(0);
        LifecycleResult.Evaluation last = life.evaluations().get(life.evaluations().size() - 1);
        lines.add(String.format(Locale.ROOT, "  working life of %s: %s at %s, %s at %s%s", time(life.durationSeconds()),
                figure(first), time(first.seconds()), figure(last), time(last.seconds()),
                without == null ? "" : " (without refresh: " + figure(without.evaluations().get(
                        without.evaluations().size() - 1)) + ")"));
        LifecycleResult.Availability a = life.availability();
        lines.add(String.format(Locale.ROOT, "  available %.7f%%: offline %s (refreshes %s, compensation reads %s, new "
                        + "network %s); %,.0f requests missed", 100 * a.availability(), time(a.downSeconds()),
                time(a.refreshSeconds()), time(a.compensationSeconds()), time(a.swapSeconds()), a.requestsMissed()));
        LifecycleResult.EnergySplit e = life.energy();
        lines.add(String.format(Locale.ROOT, "  energy: serving %s, compensation %s, refreshes %s, new network %s",
                joules(e.servingJoules()), joules(e.compensationJoules()), joules(e.refreshJoules()),
                joules(e.swapJoules())));
        LifecycleResult.Endurance n = life.endurance();
        lines.add(String.format(Locale.ROOT, "  pulses per device: mean %.1f, max %,d%s", n.meanPulses(), n.maxPulses(),
                without == null ? "" : String.format(Locale.ROOT, " (without refresh: mean %.1f, max %,d)",
                        without.endurance().meanPulses(), without.endurance().maxPulses())));
        return lines;
    }

    private static String figure(LifecycleResult.Evaluation e) {
        return e.accuracy() != null ? String.format(Locale.ROOT, "accuracy %.2f%%", 100 * e.accuracy())
                : String.format(Locale.ROOT, "%.3f bits/char", e.bitsPerChar());
    }

    /** A time in the largest unit that keeps it at or above 1: ns, us, ms, s, min, h, d or y. */
    static String time(double s) {
        double[] scale = {365.25 * 86400, 86400, 3600, 60, 1, 1e-3, 1e-6};
        String[] unit = {"y", "d", "h", "min", "s", "ms", "us"};
        for (int i = 0; i < scale.length; i++) {
            if (s >= scale[i]) {
                return String.format(Locale.ROOT, "%.3g %s", s / scale[i], unit[i]);
            }
        }
        return String.format(Locale.ROOT, "%.3g ns", s * 1e9);
    }

    /** An energy in J, kJ, mJ, uJ or nJ. */
    static String joules(double j) {
        double[] scale = {1e3, 1, 1e-3, 1e-6};
        String[] unit = {"kJ", "J", "mJ", "uJ"};
        for (int i = 0; i < scale.length; i++) {
            if (j >= scale[i]) {
                return String.format(Locale.ROOT, "%.3g %s", j / scale[i], unit[i]);
            }
        }
        return String.format(Locale.ROOT, "%.3g nJ", j * 1e9);
    }
}
