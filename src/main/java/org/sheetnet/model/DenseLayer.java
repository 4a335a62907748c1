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
