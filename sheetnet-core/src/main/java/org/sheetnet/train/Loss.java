package org.sheetnet.train;

import org.sheetnet.activation.Activation;

/**
 * A loss L(y, t) between a network's outputs y and the targets t, one row at a time, and its
 * gradient. The objective of one batch of B rows is {@code scale · Σ_rows rowLoss}, where scale is
 * 1/B for losses that average over rows (as Keras does) and 1 for the article's SSE, which sums.
 * Implementations are immutable.
 */
public interface Loss {

    /** The name used on the command line and in the Audit sheet, e.g. {@code mse}. */
    String name();

    /** The formula of one row's loss, for help and the Audit sheet. */
    String formula();

    /** Whether the batch objective is the mean of the row losses (true) or their sum (false, SSE). */
    boolean averagesRows();

    /** Whether this loss wants class targets (one-hot rows) and a softmax output. */
    default boolean classification() {
        return false;
    }

    /**
     * One row's loss.
     *
     * @param y     outputs, row-major; not modified
     * @param t     targets, laid out as {@code y}; not modified
     * @param off   offset of the row in both
     * @param width number of outputs per row
     */
    double rowLoss(double[] y, double[] t, int off, int width);

    /**
     * ∂(scale · rowLoss)/∂y for one row.
     *
     * @param grad receives the gradient at {@code off}; modified
     */
    void rowGradient(double[] y, double[] t, int off, int width, double scale, double[] grad);

    /**
     * The error signal of the output layer for one row, δ = ∂(scale · rowLoss)/∂a, where a are the
     * output layer's pre-activations and y = h(a): by default ∂L/∂y passed back through h.
     *
     * @param h        the output activation
     * @param pre      output pre-activations; not modified
     * @param preOff   offset of the row in {@code pre} and {@code delta}
     * @param units    number of pre-activations per row
     * @param y        outputs h(a); not modified
     * @param t        targets, laid out as y; not modified
     * @param off      offset of the row in {@code y}, {@code t} and {@code gradY}
     * @param width    number of outputs per row
     * @param scale    1/B or 1, see {@link #averagesRows()}
     * @param gradY    scratch for ∂L/∂y, laid out as y; modified
     * @param delta    receives δ at {@code preOff}; modified
     */
    default void outputDelta(Activation h, double[] pre, int preOff, int units, double[] y, double[] t, int off,
            int width, double scale, double[] gradY, double[] delta) {
        rowGradient(y, t, off, width, scale, gradY);
        h.backward(pre, preOff, units, y, off, gradY, delta);
    }
}
