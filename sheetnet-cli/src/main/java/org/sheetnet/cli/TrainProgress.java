package org.sheetnet.cli;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.sheetnet.train.Epoch;

/**
 * A progress line on stderr while training: epoch, loss, val_loss and epochs per second, redrawn
 * at most twice a second, and only when there is a terminal (batch logs stay clean).
 */
final class TrainProgress implements Consumer<Epoch> {

    private final PrintStream err;
    private final boolean enabled;
    private final int epochs;
    private long lastDraw;
    private boolean drawn;

    TrainProgress(PrintStream err, boolean quiet, int epochs) {
        this.err = err;
        this.enabled = !quiet && System.console() != null;
        this.epochs = epochs;
    }

    @Override
    public void accept(Epoch e) {
        long now = System.nanoTime();
        if (!enabled || now - lastDraw < 500_000_000L) {
            return;
        }
        lastDraw = now;
        String val = Double.isNaN(e.valLoss()) ? "" : String.format("  val_loss %.6g", e.valLoss());
        err.printf("\repoch %d/%d  loss %.6g%s  (%,.0f epochs/s)   ", e.epoch(), epochs, e.loss(), val,
                e.epoch() / Math.max(e.seconds(), 1e-9));
        drawn = true;
    }

    /** Ends the progress line, if one was drawn. */
    void done() {
        if (drawn) {
            err.println();
        }
    }
}
