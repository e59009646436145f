package org.xbarsim.engine.plugin;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A run's watch over its plugins: Java cannot stop a thread, and a plugin's call cannot be given a
 * deadline through PF4J or Vert.x (Vert.x only warns about a blocked event loop), so the run is watched
 * instead. Progress (a row programmed, a batch inferred) resets the clock; when none has come for the
 * limit and a thread is executing a plugin's own code (its topmost frame outside the JDK is in a
 * plugin's package), the plugin is named to {@code onHang} once, which ends the command (the stuck
 * thread cannot be reclaimed). Waiting in host code (a download by the host's data library, a lock
 * of the engine) is no plugin's hang and is left to run.
 */
public final class PluginWatchdog implements AutoCloseable {
    /** A plugin that made no progress for the limit, and where it was. */
    public record Hang(String plugin, long seconds) {
        public String message() {
            return plugin + " made no progress for " + seconds + " s (a plugin call that does not return); "
                    + "stopped";
        }
    }

    /** How often the watch looks. */
    static final long CHECK_MILLIS = 500;
    /** One thread looks after every run's watch: a run costs a scheduled task, not a thread. */
    private static final java.util.concurrent.ScheduledExecutorService WATCHER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "xbarsim-plugin-watchdog");
                t.setDaemon(true);
                return t;
            });

    private final PluginCatalog catalog;
    private final long limitNanos;
    private final Consumer<Hang> onHang;
    private volatile long progress = System.nanoTime();
    private volatile boolean closed;
    private java.util.concurrent.ScheduledFuture<?> task;

    private PluginWatchdog(PluginCatalog catalog, Duration limit, Consumer<Hang> onHang) {
        this.catalog = catalog;
        this.limitNanos = limit.toNanos();
        this.onHang = onHang;
    }

    /** Starts watching; close it when the run ends. */
    public static PluginWatchdog start(PluginCatalog catalog, Duration limit, Consumer<Hang> onHang) {
        PluginWatchdog w = new PluginWatchdog(catalog, limit, onHang);
        w.task = WATCHER.scheduleWithFixedDelay(w::look, CHECK_MILLIS, CHECK_MILLIS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        return w;
    }

    /** The run moved on: a row was programmed, a batch inferred. */
    public void progress() {
        progress = System.nanoTime();
    }

    private void look() {
        long silent = System.nanoTime() - progress;
        if (closed || silent < limitNanos) {
            return;
        }
        Optional<String> plugin = executingPlugin();
        if (plugin.isPresent() && !closed) {
            closed = true;
            task.cancel(false);
            // On a thread of its own: what the caller does with a hang (end the process) must not block the watcher.
            Thread tell = new Thread(() -> onHang.accept(new Hang(plugin.get(), silent / 1_000_000_000L)),
                    "xbarsim-plugin-hang");
            tell.setDaemon(true);
            tell.start();
        }
    }

    /** A plugin whose own code a thread is executing now, if any. */
    private Optional<String> executingPlugin() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() == Thread.currentThread()) {
                continue;
            }
            Optional<String> p = catalog.pluginOf(e.getValue(), true);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        task.cancel(false);
    }
}
