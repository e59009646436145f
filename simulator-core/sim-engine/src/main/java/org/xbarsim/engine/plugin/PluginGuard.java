package org.xbarsim.engine.plugin;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.run.RunListener;

/**
 * What a run does around its plugins' calls: a {@link PluginWatchdog} while it runs (when the caller
 * asked for one), and an OutOfMemoryError turned into a {@link PluginFailure} that names the plugin
 * whose code was allocating (from the error's stack) and the heap, in one line, instead of an internal
 * error.
 */
public final class PluginGuard {
    private final PluginCatalog catalog;
    private final Duration limit;
    private final Consumer<PluginWatchdog.Hang> onHang;

    /**
     * @param limit  longest a run may go without progress while a plugin's code executes; null: not watched
     * @param onHang what to do with a hung plugin (the command line says so and ends the process)
     */
    public PluginGuard(PluginCatalog catalog, Duration limit, Consumer<PluginWatchdog.Hang> onHang) {
        this.catalog = catalog;
        this.limit = limit;
        this.onHang = onHang;
    }

    /** A guard that only names a plugin that runs out of memory. */
    public static PluginGuard unwatched(PluginCatalog catalog) {
        return new PluginGuard(catalog, null, null);
    }

    /** Runs {@code work} (given a listener that reports progress to the watch) under this guard. */
    public <T> T call(RunListener listener, java.util.function.Function<RunListener, T> work) {
        try (PluginWatchdog dog = limit == null ? null : PluginWatchdog.start(catalog, limit, onHang)) {
            return work.apply(dog == null ? listener : watched(listener, dog));
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        } catch (RuntimeException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof OutOfMemoryError oom) {
                    throw outOfMemory(oom); // an event loop's, reported as the run stopping
                }
            }
            throw e;
        }
    }

    /** As above, for work that reports no progress. */
    public <T> T call(Supplier<T> work) {
        return call(RunListener.NONE, l -> work.get());
    }

    private PluginFailure outOfMemory(OutOfMemoryError e) {
        String who = catalog.pluginOf(e.getStackTrace(), false).orElse("xbarsim");
        return new PluginFailure(who + " ran out of memory (" + e.getMessage() + ", a heap of "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB); make the run smaller or give the JVM more heap "
                + "(XBARSIM_JAVA_OPTS=-Xmx...)", e);
    }

    private static RunListener watched(RunListener listener, PluginWatchdog dog) {
        return new RunListener() {
            @Override
            public void rowFinished(org.xbarsim.api.event.RowFinished row) {
                dog.progress();
                listener.rowFinished(row);
            }

            @Override
            public void inferenceStarted() {
                dog.progress();
                listener.inferenceStarted();
            }

            @Override
            public void inferenceProgress(long done, long total) {
                dog.progress();
                listener.inferenceProgress(done, total);
            }
        };
    }
}
