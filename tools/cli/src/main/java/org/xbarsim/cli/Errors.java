package org.xbarsim.cli;

import java.io.PrintWriter;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.run.PluginFailure;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line and an exit status: bad input is the user's to fix (status 2),
 * anything else is ours or a plugin's (status 1). Stack traces only with --debug.
 */
final class Errors implements IExecutionExceptionHandler {
    private final PrintWriter err;

    Errors(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        boolean debug = parsed.hasMatchedOption("--debug") || parsed.subcommands().stream()
                .anyMatch(s -> s.hasMatchedOption("--debug"));
        InputError input = find(e, InputError.class);
        int status;
        if (input != null) {
            err.println("xbarsim: " + oneLine(input.getMessage()));
            status = Main.INPUT_ERROR;
        } else if (find(e, PluginFailure.class) != null) {
            err.println("xbarsim: " + oneLine(find(e, PluginFailure.class).getMessage()));
            status = Main.FAILURE;
        } else {
            err.println("xbarsim: internal error: " + oneLine(e.toString())
                    + " (run with --debug for the stack trace)");
            status = Main.FAILURE;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /**
     * Line breaks folded to spaces: the error is one line however a message was built (a plugin's,
     * a damaged file's header quoted back), so scripts and logs can take it with a line read.
     */
    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
