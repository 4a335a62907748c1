package org.sheetnet.engine;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/** Runs a network over a batch of rows, keeping every layer's values: a = x·W + b, z = h(a). */
public final class ForwardPass {

    private ForwardPass() {
    }

    /**
     * Evaluates the network on a batch.
     *
     * @param network the network
     * @param x       inputs, row-major, {@code rows × network.inputWidth()}; not modified
     * @param rows    number of rows
     * @return pre-activations and activations of every layer
     * @throws NonFiniteValueException at the first NaN or infinity, in row order
     */
    public static ForwardTrace run(Network network, double[] x, int rows) {
        List<ForwardTrace.LayerValues> values = new ArrayList<>(network.depth());
        double[] in = x;
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            int units = layer.units();
            int width = layer.outputWidth();
            double[] pre = new double[rows * units];
            DenseKernel.multiplyAdd(in, layer.weights(), layer.bias(), pre, 0, rows);
            requireFinite(pre, units, k + 1, layer.unitNames(), "pre-activation");
            double[] act = new double[rows * width];
            for (int r = 0; r < rows; r++) {
                layer.activation().apply(pre, r * units, units, act, r * width);
            }
            requireFinite(act, width, k + 1, layer.outputNames(), "activation");
            values.add(new ForwardTrace.LayerValues(pre, act, units, width));
            in = act;
        }
        return new ForwardTrace(rows, values);
    }

    private static void requireFinite(double[] v, int width, int layer, List<String> names, String stage) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new NonFiniteValueException(layer, i / width, names.get(i % width), stage, v[i]);
            }
        }
    }
}
