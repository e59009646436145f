package org.xbarsim.engine.plugin;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a plugin from ending the process as a success: a plugin that calls {@code System.exit(0)} in
 * the middle of a run would otherwise end it with exit status 0 and no output, a failed run that looks
 * like a clean one. The command line installs this guard and {@link #allowExit() allows} its own exit
 * at the end; any other exit runs this guard's shutdown hook, which names the caller (a plugin, from the
 * stack of the thread that asked to exit) in one line and halts the JVM with status 1 instead. A signal
 * (Ctrl-C, SIGTERM) asks no thread to exit, so it ends the process as usual.
 */
public final class ExitGuard {
    private static volatile boolean allowed;
    private static volatile PluginCatalog catalog;
    private static Thread hook;

    private ExitGuard() {
    }

    /** Installs the guard once per JVM; its line goes to {@code err}. */
    public static synchronized void install(PrintWriter err) {
        if (hook != null) {
            return;
        }
        hook = new Thread(() -> onExit(err), "xbarsim-exit-guard");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The plugins a caller is looked up in (the catalog of the command running). */
    public static void watching(PluginCatalog plugins) {
        catalog = plugins;
    }

    /** The command line's own exit, with the status it chose: let it through. */
    public static void allowExit() {
        allowed = true;
    }

    private static void onExit(PrintWriter err) {
        if (allowed) {
            return;
        }
        String caller = null;
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] stack = e.getValue();
            int exit = exitFrame(stack);
            if (exit >= 0) {
                caller = describe(stack, exit, e.getKey());
                break;
            }
        }
        if (caller == null) {
            return; // a signal: nobody asked to exit, the process ends as signals end it
        }
        err.println("xbarsim: " + caller + " called System.exit during the command; it did not finish (exit "
                + "status 1)");
        err.flush();
        Runtime.getRuntime().halt(1);
    }

    /** The index of the first frame below System.exit / Runtime.exit on a stack, or -1. */
    static int exitFrame(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            String c = stack[i].getClassName();
            String m = stack[i].getMethodName();
            if ((c.equals("java.lang.System") || c.equals("java.lang.Runtime")) && m.equals("exit")) {
                int below = i + 1;
                while (below < stack.length && stack[below].getClassName().equals("java.lang.System")) {
                    below++;
                }
                return below;
            }
        }
        return -1;
    }

    private static String describe(StackTraceElement[] stack, int from, Thread thread) {
        StackTraceElement[] below = java.util.Arrays.copyOfRange(stack, from, stack.length);
        PluginCatalog c = catalog;
        Optional<String> plugin = c == null ? Optional.empty() : c.pluginOf(below, false);
        if (plugin.isPresent()) {
            return plugin.get();
        }
        return below.length == 0 ? "thread " + thread.getName()
                : "code at " + below[0].getClassName() + "." + below[0].getMethodName();
    }
}
