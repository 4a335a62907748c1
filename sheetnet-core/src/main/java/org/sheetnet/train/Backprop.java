package org.sheetnet.train;

import org.sheetnet.engine.BackwardKernels;
import org.sheetnet.engine.DenseKernel;

/**
 * Forward and backward passes over a batch, with working arrays sized once for the largest batch.
 * Forward: a_k = z_{k−1}·W_k + b_k, z_k = h_k(a_k) (through {@link DenseKernel}, as scoring does).
 * Backward, from δ_L = ∂L/∂a_L given by the loss:
 * ∂L/∂W_k = z_{k−1}ᵀ·δ_k, ∂L/∂b_k = Σ_rows δ_k, δ_{k−1} = h'_{k−1} applied to δ_k·W_kᵀ.
 * Not thread-safe: one per training run.
 */
final class Backprop {

    private final Parameters p;
    private final int maxRows;
    private final double[][] pre;
    private final double[][] act;
    private final double[][] delta;
    private final double[][] gradAct;

    Backprop(Parameters p, int maxRows) {
        this.p = p;
        this.maxRows = maxRows;
        pre = new double[p.depth][];
        act = new double[p.depth][];
        delta = new double[p.depth][];
        gradAct = new double[p.depth][];
        for (int k = 0; k < p.depth; k++) {
            pre[k] = new double[maxRows * p.units[k]];
            act[k] = new double[maxRows * p.widths[k]];
            delta[k] = new double[maxRows * p.units[k]];
            gradAct[k] = new double[maxRows * p.widths[k]];
        }
    }

    /** Largest batch this instance takes. */
    int maxRows() {
        return maxRows;
    }

    /**
     * Runs the network over a batch.
     *
     * @param x    rows × n_in features; not modified
     * @param rows rows in the batch, at most {@link #maxRows()}
     * @return the outputs, rows × output width (a working array, valid until the next call)
     */
    double[] forward(double[] x, int rows) {
        double[] in = x;
        for (int k = 0; k < p.depth; k++) {
            DenseKernel.multiplyAdd(in, p.weights[k], p.inputs[k], p.units[k], p.biases[k], pre[k], 0, rows);
            for (int r = 0; r < rows; r++) {
                p.activations[k].apply(pre[k], r * p.units[k], p.units[k], act[k], r * p.widths[k]);
            }
            in = act[k];
        }
        return act[p.depth - 1];
    }

    /**
     * Σ_rows rowLoss over a batch, without gradients.
     */
    double loss(double[] x, double[] t, int rows, Loss loss) {
        double[] y = forward(x, rows);
        int width = p.outputWidth();
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += loss.rowLoss(y, t, r * width, width);
        }
        return sum;
    }

    /**
     * Forward and backward over a batch: fills the gradient of the batch objective
     * scale·Σ_rows rowLoss, scale = 1/rows for averaging losses and 1 for SSE.
     *
     * @param x     rows × n_in features; not modified
     * @param t     rows × output width targets; not modified
     * @param rows  rows in the batch
     * @param loss  the loss
     * @param grads arrays shaped like {@link Parameters#all()}; overwritten
     * @return Σ_rows rowLoss, before the update
     */
    double gradients(double[] x, double[] t, int rows, Loss loss, double[][] grads) {
        double[] y = forward(x, rows);
        int last = p.depth - 1;
        int width = p.widths[last];
        int units = p.units[last];
        double scale = loss.averagesRows() ? 1.0 / rows : 1.0;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += loss.rowLoss(y, t, r * width, width);
            loss.outputDelta(p.activations[last], pre[last], r * units, units, y, t, r * width, width, scale,
                    gradAct[last], delta[last]);
        }
        for (int k = last; k >= 0; k--) {
            double[] below = k == 0 ? x : act[k - 1];
            // ∂L/∂W_k = z_{k−1}ᵀ·δ_k ; ∂L/∂b_k = Σ_rows δ_k
            BackwardKernels.transposeTimes(below, delta[k], rows, p.inputs[k], p.units[k], grads[2 * k]);
            BackwardKernels.columnSums(delta[k], rows, p.units[k], grads[2 * k + 1]);
            if (k > 0) {
                // ∂L/∂z_{k−1} = δ_k·W_kᵀ ; δ_{k−1} = J_h(a_{k−1})ᵀ·∂L/∂z_{k−1}, row by row
                BackwardKernels.timesTranspose(delta[k], p.weights[k], rows, p.inputs[k], p.units[k], gradAct[k - 1]);
                for (int r = 0; r < rows; r++) {
                    p.activations[k - 1].backward(pre[k - 1], r * p.units[k - 1], p.units[k - 1], act[k - 1],
                            r * p.widths[k - 1], gradAct[k - 1], delta[k - 1]);
                }
            }
        }
        return sum;
    }
}
