package org.sheetnet.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/** Runs a network over a batch of rows, keeping every layer's values: a = x·W + b, z = h(a). */
public final class ForwardPass {

    /** Multiply-adds below which a layer is computed on one thread: splitting would cost more than it saves. */
    private static final long PARALLEL_WORK = 1 << 20;

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
        return run(network, x, rows, 1);
    }

    /**
     * Evaluates the network on a batch, splitting the rows among threads when the work is large.
     * Each row is computed by one thread in the same order as alone, so the result is the same
     * bit for bit whatever the thread count.
     *
     * @param threads most threads to use (from the common fork-join pool and the caller)
     * @see #run(Network, double[], int)
     */
    public static ForwardTrace run(Network network, double[] x, int rows, int threads) {
        List<ForwardTrace.LayerValues> values = new ArrayList<>(network.depth());
        double[] in = x;
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            int units = layer.units();
            int width = layer.outputWidth();
            double[] pre = new double[rows * units];
            double[] act = new double[rows * width];
            double[] input = in;
            int chunks = (long) rows * layer.inputWidth() * units < PARALLEL_WORK ? 1 : Math.min(threads, rows);
            IntStream stream = IntStream.range(0, chunks);
            (chunks > 1 ? stream.parallel() : stream).forEach(c -> {
                int from = (int) ((long) rows * c / chunks);
                int to = (int) ((long) rows * (c + 1) / chunks);
                DenseKernel.multiplyAdd(input, layer.weights(), layer.bias(), pre, from, to);
                for (int r = from; r < to; r++) {
                    layer.activation().apply(pre, r * units, units, act, r * width);
                }
            });
            requireFinite(pre, units, k + 1, layer.unitNames(), "pre-activation");
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
