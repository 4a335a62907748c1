package org.sheetnet.engine;

import java.util.List;

/**
 * Every intermediate value of a forward pass over one batch: for each layer k, the
 * pre-activations a_k and activations z_k of every row.
 *
 * @param rows   number of rows in the batch
 * @param layers one entry per layer, in order
 */
public record ForwardTrace(int rows, List<LayerValues> layers) {

    /**
     * One layer's values for the batch, row-major.
     *
     * @param pre   a = z_{k−1}·W + b, {@code rows × units}
     * @param act   z = h(a), {@code rows × width}
     * @param units number of pre-activations per row
     * @param width number of activations per row
     */
    public record LayerValues(double[] pre, double[] act, int units, int width) {
    }

    /** The last layer's activations: the network's outputs. */
    public LayerValues output() {
        return layers.get(layers.size() - 1);
    }
}
