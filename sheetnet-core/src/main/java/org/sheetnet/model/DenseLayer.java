package org.sheetnet.model;

import java.util.List;
import org.sheetnet.activation.Activation;

/**
 * One Dense layer: a = x·W + b, z = h(a).
 *
 * @param name       the layer's name, as in the {@code Model} sheet
 * @param weights    W, n_in rows × n_out columns (the orientation of Keras {@code get_weights()[0]})
 * @param bias       b, n_out values
 * @param activation h
 * @param inputNames names of the n_in inputs, or empty when the weights carry none
 * @param unitNames  names of the n_out units (generated when the weights carry none)
 */
public record DenseLayer(String name, Matrix weights, double[] bias, Activation activation,
        List<String> inputNames, List<String> unitNames) {

    public DenseLayer {
        if (bias.length != weights.cols()) {
            throw new IllegalArgumentException(name + ": bias has " + bias.length + " values, weights have "
                    + weights.cols() + " columns");
        }
        if (!inputNames.isEmpty() && inputNames.size() != weights.rows()) {
            throw new IllegalArgumentException(name + ": " + inputNames.size() + " input names for "
                    + weights.rows() + " rows");
        }
        if (unitNames.size() != weights.cols()) {
            throw new IllegalArgumentException(name + ": " + unitNames.size() + " unit names for "
                    + weights.cols() + " units");
        }
        inputNames = List.copyOf(inputNames);
        unitNames = List.copyOf(unitNames);
        bias = bias.clone();
    }

    /** A copy of b; changing it does not change the layer. */
    @Override
    public double[] bias() {
        return bias.clone();
    }

    /** b_j, one bias value. */
    public double bias(int j) {
        return bias[j];
    }

    /**
     * Computes rows [from, to) of the pre-activations a = x·W + b, reading W and b in place.
     *
     * @param x    the layer's inputs, row-major, {@code rows × inputWidth()}; not modified
     * @param out  the pre-activations, row-major, {@code rows × units()}; rows [from, to) are overwritten
     * @param from first row
     * @param to   one past the last row
     */
    public void preActivations(double[] x, double[] out, int from, int to) {
        weights.multiplyAdd(x, bias, out, from, to);
    }

    /** n_in. */
    public int inputWidth() {
        return weights.rows();
    }

    /** n_out, the number of pre-activations. */
    public int units() {
        return weights.cols();
    }

    /** Number of activations, usually n_out (glu halves it, crelu doubles it). */
    public int outputWidth() {
        return activation.outputWidth(units());
    }

    /** Names of the activations, usually the unit names. */
    public List<String> outputNames() {
        return activation.outputNames(unitNames);
    }
}
