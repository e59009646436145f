package org.xbarsim.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.Spinner;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.run.PluginFailure;
import org.xbarsim.engine.run.RunListener;

/**
 * The guard around a run's plugins, with the engine's fixture extensions as the plugins (their package
 * is a plugin's package to the catalog): a thread spinning in a plugin's code with no progress is named
 * once the limit passes, progress keeps it quiet, and an OutOfMemoryError names the plugin allocating.
 */
class PluginGuardTest {
    private final PluginCatalog catalog = PluginCatalog.of(List.of(new IdealDevices()), List.of(new StepPolicy()),
            List.of());

    @Test
    void aPluginSpinningWithoutProgressIsNamedOnceTheLimitPasses() throws Exception {
        CompletableFuture<PluginWatchdog.Hang> hang = new CompletableFuture<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread spinning = new Thread(() -> Spinner.spin(stop), "spinning");
        try (PluginWatchdog dog = PluginWatchdog.start(catalog, Duration.ofMillis(1500), hang::complete)) {
            // While progress comes, nothing is said, however long the plugin runs.
            spinning.start();
            for (int i = 0; i < 8; i++) {
                Thread.sleep(250);
                dog.progress();
            }
            assertTrue(!hang.isDone(), "quiet while the run makes progress");
            PluginWatchdog.Hang h = hang.get(10, TimeUnit.SECONDS);
            assertTrue(h.plugin().startsWith("built-in IdealDevices at org.xbarsim.engine.fixtures.Spinner.spin"),
                    h.plugin());
            assertTrue(h.seconds() >= 1, h.toString());
            assertTrue(h.message().contains("made no progress for"), h.message());
        } finally {
            stop.set(true);
            spinning.join();
        }
    }

    @Test
    void waitingInHostCodeIsNoPluginsHang() throws Exception {
        CompletableFuture<PluginWatchdog.Hang> hang = new CompletableFuture<>();
        try (PluginWatchdog dog = PluginWatchdog.start(catalog, Duration.ofMillis(500), hang::complete)) {
            Thread.sleep(2000); // this test's own thread sleeps: no plugin code runs
        }
        assertTrue(!hang.isDone());
    }

    @Test
    void anOutOfMemoryErrorNamesThePluginAllocating() {
        PluginGuard guard = PluginGuard.unwatched(catalog);
        PluginFailure f = assertThrows(PluginFailure.class, () -> guard.call(RunListener.NONE, l -> {
            throw Spinner.outOfMemory();
        }));
        assertTrue(f.getMessage().startsWith("built-in IdealDevices at org.xbarsim.engine.fixtures.Spinner.outOfMemory"
                + ":") && f.getMessage().contains("ran out of memory (Java heap space, a heap of "), f.getMessage());
        // Wrapped, as an event loop reports it.
        PluginFailure wrapped = assertThrows(PluginFailure.class, () -> guard.call(() -> {
            throw new IllegalStateException("the run stopped on tile 0", Spinner.outOfMemory());
        }));
        assertTrue(wrapped.getMessage().contains("IdealDevices"), wrapped.getMessage());
        PluginFailure host = assertThrows(PluginFailure.class, () -> guard.call(() -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertTrue(host.getMessage().startsWith("xbarsim ran out of memory"), host.getMessage());
        assertEquals("x", guard.call(() -> "x"));
    }

    @Test
    void theExitFrameIsBelowSystemExit() {
        StackTraceElement[] stack = {
            new StackTraceElement("java.lang.Shutdown", "exit", null, 1),
            new StackTraceElement("java.lang.Runtime", "exit", null, 2),
            new StackTraceElement("java.lang.System", "exit", null, 3),
            new StackTraceElement("org.xbarsim.engine.fixtures.Spinner", "quit", null, 4)};
        assertEquals(3, ExitGuard.exitFrame(stack));
        assertEquals(-1, ExitGuard.exitFrame(new StackTraceElement[] {stack[3]}));
        assertTrue(catalog.pluginOf(java.util.Arrays.copyOfRange(stack, 3, 4), true).orElseThrow()
                .startsWith("built-in IdealDevices at org.xbarsim.engine.fixtures.Spinner.quit:4"));
    }
}
