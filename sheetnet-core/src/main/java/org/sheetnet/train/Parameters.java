package org.sheetnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sheetnet.activation.Activation;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Network;

/**
 * The weights and biases of a network while it trains: plain arrays updated in place by the
 * optimizer, with the shapes and activations that go with them. Becomes an immutable
 * {@link Network} with {@link #toNetwork}.
 */
final class Parameters {

    final int depth;
    /** n_in of each layer. */
    final int[] inputs;
    /** n_out (pre-activations) of each layer. */
    final int[] units;
    /** Activations per row of each layer (n_out, unless glu or crelu change it). */
    final int[] widths;
    final Activation[] activations;
    /** W_k, row-major n_in × n_out. */
    final double[][] weights;
    /** b_k, n_out values. */
    final double[][] biases;

    private Parameters(int[] inputs, int[] units, int[] widths, Activation[] activations, double[][] weights,
            double[][] biases) {
        this.depth = units.length;
        this.inputs = inputs;
        this.units = units;
        this.widths = widths;
        this.activations = activations;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * Initial parameters: weights drawn layer by layer from {@code random}, biases zero.
     *
     * @throws IllegalArgumentException if an activation cannot take its layer's width
     */
    static Parameters initial(TrainingConfig config, int inputWidth, Random random) {
        int depth = config.depth();
        int[] inputs = new int[depth];
        int[] units = new int[depth];
        int[] widths = new int[depth];
        Activation[] activations = config.activations().toArray(new Activation[0]);
        double[][] w = new double[depth][];
        double[][] b = new double[depth][];
        int in = inputWidth;
        for (int k = 0; k < depth; k++) {
            inputs[k] = in;
            units[k] = config.units().get(k);
            widths[k] = activations[k].outputWidth(units[k]);
            w[k] = new double[in * units[k]];
            config.init().fill(random, in, units[k], w[k]);
            b[k] = new double[units[k]];
            in = widths[k];
        }
        return new Parameters(inputs, units, widths, activations, w, b);
    }

    /** Width of the network's output. */
    int outputWidth() {
        return widths[depth - 1];
    }

    /** All parameter arrays in the order W1, b1, W2, b2, … (the arrays themselves, not copies). */
    double[][] all() {
        double[][] all = new double[2 * depth][];
        for (int k = 0; k < depth; k++) {
            all[2 * k] = weights[k];
            all[2 * k + 1] = biases[k];
        }
        return all;
    }

    /** Arrays shaped like {@link #all()}, zero. */
    double[][] zeros() {
        return Momentum.zerosLike(all());
    }

    /** A deep copy. */
    Parameters copy() {
        double[][] w = new double[depth][];
        double[][] b = new double[depth][];
        for (int k = 0; k < depth; k++) {
            w[k] = weights[k].clone();
            b[k] = biases[k].clone();
        }
        return new Parameters(inputs, units, widths, activations, w, b);
    }

    /**
     * The trained network, named for its workbook: layers {@code hidden1, hidden2, …, output},
     * hidden units {@code h<k>_<j>}, output units named after the targets.
     *
     * @param inputNames  names of the features
     * @param outputNames names of the targets or classes
     */
    Network toNetwork(List<String> inputNames, List<String> outputNames) {
        List<DenseLayer> layers = new ArrayList<>();
        List<String> in = inputNames;
        for (int k = 0; k < depth; k++) {
            boolean last = k == depth - 1;
            List<String> unitNames = last && units[k] == outputNames.size() ? outputNames : names(k + 1, units[k]);
            Matrix w = new Matrix(inputs[k], units[k], weights[k].clone());
            DenseLayer layer = new DenseLayer(last ? "output" : "hidden" + (k + 1), w, biases[k].clone(),
                    activations[k], in, unitNames);
            layers.add(layer);
            in = layer.outputNames();
        }
        return new Network(layers);
    }

    private static List<String> names(int layer, int n) {
        List<String> names = new ArrayList<>(n);
        for (int j = 1; j <= n; j++) {
            names.add("h" + layer + "_" + j);
        }
        return names;
    }
}
