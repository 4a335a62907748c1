package org.sheetnet.cli;

import java.io.PrintStream;
import java.util.function.LongConsumer;

/**
 * A progress line on stderr for long runs: rows done and rows per second, redrawn at most twice
 * a second, and only when stderr is a terminal (batch logs stay clean).
 */
final class Progress implements LongConsumer {

    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    Progress(PrintStream err, boolean quiet) {
        this.err = err;
        this.enabled = !quiet && System.console() != null;
    }

    @Override
    public void accept(long rows) {
        long now = System.nanoTime();
        if (!enabled || now - lastDraw < 500_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        err.printf("\rscored %,d rows (%,.0f rows/s)   ", rows, rows / Math.max(seconds, 1e-9));
        drawn = true;
    }

    /** Ends the progress line, if one was drawn. */
    void done() {
        if (drawn) {
            err.println();
        }
    }
}
