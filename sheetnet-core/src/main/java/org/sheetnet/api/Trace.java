package org.sheetnet.api;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/**
 * Every value a batch went through, the audit trail of {@code sheetnet score} as data: the prepared
 * inputs, then each layer's pre-activations a = x·W + b and activations z = h(a). Immutable: every
 * array it returns is a fresh copy.
 */
public final class Trace {

    private final double[] prepared;
    private final int rows;
    private final int inputs;
    private final List<Layer> layers;

    Trace(Network network, double[] prepared, ForwardTrace trace) {
        this.prepared = prepared.clone();
        this.rows = trace.rows();
        this.inputs = network.inputWidth();
        List<Layer> all = new ArrayList<>();
        for (int k = 0; k < network.depth(); k++) {
            all.add(new Layer(network.layers().get(k), trace.layers().get(k), rows));
        }
        this.layers = List.copyOf(all);
    }

    /** Number of rows traced. */
    public int rows() {
        return rows;
    }

    /** The inputs after the model's preparation, as layer 1 received them: {@code rows × inputs}. */
    public double[][] preparedInputs() {
        return unflatten(prepared, rows, inputs);
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** The last layer's activations: the model's outputs, {@code rows × outputs}. */
    public double[][] outputs() {
        return layers.get(layers.size() - 1).activations();
    }

    /** One layer's values over the batch. */
    public static final class Layer {

        private final String name;
        private final List<String> unitNames;
        private final List<String> outputNames;
        private final double[] pre;
        private final double[] act;
        private final int rows;

        private Layer(DenseLayer layer, ForwardTrace.LayerValues values, int rows) {
            this.name = layer.name();
            this.unitNames = layer.unitNames();
            this.outputNames = layer.outputNames();
            this.pre = values.pre().clone();
            this.act = values.act().clone();
            this.rows = rows;
        }

        /** The layer's name, as in the Model sheet. */
        public String name() {
            return name;
        }

        /** Names of the units (columns of the pre-activations). */
        public List<String> unitNames() {
            return unitNames;
        }

        /** Names of the activations (usually the unit names). */
        public List<String> outputNames() {
            return outputNames;
        }

        /** The pre-activations a = x·W + b, {@code rows × units}; a copy. */
        public double[][] preActivations() {
            return unflatten(pre, rows, unitNames.size());
        }

        /** The activations z = h(a), {@code rows × outputs}; a copy. */
        public double[][] activations() {
            return unflatten(act, rows, outputNames.size());
        }
    }

    static double[][] unflatten(double[] flat, int rows, int width) {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return out;
    }
}
