package org.xbarsim.cli.progress;

import java.io.PrintStream;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarConsumer;

/** Renders a bar on standard error and lets lines go to standard output above it without garbling either. */
final class LineConsumer implements ProgressBarConsumer {
    private final ConsoleProgressBarConsumer console;
    private final PrintStream err;
    private final PrintWriter out;
    private String last = "";

    LineConsumer(PrintStream err, PrintWriter out) {
        this.console = new ConsoleProgressBarConsumer(err);
        this.err = err;
        this.out = out;
    }

    @Override
    public int getMaxRenderedLength() {
        return console.getMaxRenderedLength();
    }

    @Override
    public synchronized void accept(String rendered) {
        last = rendered;
        console.accept(rendered);
    }

    synchronized void println(String line) {
        err.print('\r' + " ".repeat(Math.max(last.length(), 1)) + '\r');
        err.flush();
        out.println(line);
        out.flush();
        if (!last.isEmpty()) {
            console.accept(last);
        }
    }

    @Override
    public synchronized void close() {
        console.close();
    }
}
