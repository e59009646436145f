package org.xbarsim.cli.options;

import java.nio.file.Path;
import org.xbarsim.nn.data.Mnist;
import picocli.CommandLine.Option;

/** Where MNIST is cached, for the commands that train on it. */
public final class MnistOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "MNIST cache (fetched there if missing); default "
            + "$XBARSIM_DATA, else $XDG_CACHE_HOME/xbarsim, else $HOME/.cache/xbarsim.")
    Path data;

    /** MNIST from the cache, fetched into it when missing. */
    public Mnist load() {
        return Mnist.load(data != null ? data : Mnist.defaultDataDir(), true);
    }
}
