package org.xbarsim.engine.run;

/** A plugin threw during a run: the message names the plugin (and where: the tile, the row). */
public final class PluginFailure extends RuntimeException {
    public PluginFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{@code what}: the exception", e.g. "policy boom failed on tile 0 row 3: java.lang.IllegalStateException: ...". */
    public static PluginFailure of(String what, Throwable cause) {
        return new PluginFailure(what + ": " + cause, cause);
    }
}
