package org.xbarsim.cli.progress;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.explore.runner.Point;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.runner.PointResult;

/**
 * The progress of many points on the terminal: a bar over points (the rows of the running points as
 * its message), each finished point's line printed above it; just the lines when not on a terminal.
 * Points run concurrently, so everything here is thread-safe.
 */
public final class PointProgress implements PointListener, AutoCloseable {
    private final PrintWriter out;
    private final ProgressBar bar;
    private final LineConsumer consumer;
    private final Function<PointResult, String> line;
    private java.util.function.Consumer<PointResult> keep = r -> { };
    private final AtomicLong rows = new AtomicLong();
    private final TreeMap<Integer, Long> running = new TreeMap<>();
    private long totalRows;
    private long lastShown = -1;

    /**
     * @param points the points in all, {@code done} of them finished before
     * @param line   the line printed for a finished point (null: none)
     */
    public PointProgress(String task, long points, long done, boolean show, PrintWriter out,
                         Function<PointResult, String> line) {
        this.out = out;
        this.line = line;
        this.consumer = show ? new LineConsumer(System.err, out) : null;
        this.bar = show ? Bars.bar(task, points, " points", consumer) : null;
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Hands every finished point to {@code keeper} (a result directory) before its line is printed. */
    public PointProgress keeping(java.util.function.Consumer<PointResult> keeper) {
        this.keep = keeper;
        return this;
    }

    @Override
    public synchronized void started(Point point, long rowsOfPoint) {
        running.put(point.index(), rowsOfPoint);
        totalRows += rowsOfPoint;
        lastShown = -1;
        message(rows.get());
    }

    @Override
    public synchronized void finished(PointResult r) {
        keep.accept(r);
        Long of = running.remove(r.point().index());
        totalRows -= of == null ? 0 : of;
        lastShown = -1;
        message(rows.addAndGet(-(of == null ? 0 : of)));
        if (line != null) {
            println(line.apply(r));
        }
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void rowFinished(RowFinished row) {
        long n = rows.incrementAndGet();
        if (bar != null) {
            synchronized (this) {
                message(n);
            }
        }
    }

    @Override
    public void inferenceProgress(long done, long total) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, " inference %d/%d samples", done, total));
        }
    }

    @Override
    public void note(String text) {
        println(text);
    }

    private void message(long n) {
        if (bar == null || running.isEmpty()) {
            return;
        }
        long percent = totalRows == 0 ? 100 : Math.min(100, 100 * n / totalRows);
        if (percent == lastShown) {
            return;
        }
        lastShown = percent;
        List<String> names = running.keySet().stream().map(i -> Integer.toString(i + 1)).toList();
        bar.setExtraMessage(String.format(Locale.ROOT, " point%s %s: %d%% of %d rows", names.size() == 1 ? "" : "s",
                String.join(", ", names), percent, totalRows));
    }

    private void println(String text) {
        if (consumer != null) {
            consumer.println(text);
        } else {
            synchronized (out) {
                out.println(text);
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
