package org.xbarsim.engine.run;

/** A plugin threw during a run: the message names the plugin, the tile and the row. */
public final class PluginFailure extends RuntimeException {
    public PluginFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
