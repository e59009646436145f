package org.xbarsim.cli.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars drawn alike: ASCII, on standard error, redrawn five times a second. */
final class Bars {
    private Bars() {
    }

    static ProgressBar bar(String task, long max, String unit) {
        return bar(task, max, unit, new ConsoleProgressBarConsumer(System.err));
    }

    static ProgressBar bar(String task, long max, String unit, ProgressBarConsumer consumer) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).setConsumer(consumer).build();
    }
}
