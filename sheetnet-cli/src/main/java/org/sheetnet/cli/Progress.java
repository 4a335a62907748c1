package org.sheetnet.cli;

import java.io.PrintStream;
import org.sheetnet.Plural;
import org.sheetnet.job.ScoreProgress;

/**
 * A progress line on stderr for long runs: rows done, rows per second and, when the input can
 * tell how far it has been read, the share done and the time left; redrawn at most twice a
 * second, and only when stderr is a terminal (batch logs stay clean).
 */
final class Progress implements ScoreProgress {

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
    public void update(long rows, double fractionRead) {
        long now = System.nanoTime();
        if (!enabled || now - lastDraw < 500_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        double done = fractionRead;
        String left = Double.isNaN(done) || done <= 0 ? ""
                : String.format(", %.0f%% read, about %s left", 100 * done, duration(seconds * (1 - done) / done));
        err.printf("\rscored %s (%,.0f rows/s)%s   ", Plural.of(rows, "row"), rows / Math.max(seconds, 1e-9), left);
        drawn = true;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** Ends the progress line, if one was drawn. */
    void done() {
        if (drawn) {
            err.println();
        }
    }
}
