package org.sheetnet.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/**
 * Runs a network over a batch of rows, keeping every layer's values: a = x·W + b, z = h(a).
 *
 * <p>It runs on the calling thread unless given an {@link Executor}: the caller owns the threads,
 * and nothing runs on a hidden shared pool.
 */
public final class ForwardPass {

    /** Multiply-adds below which a layer is computed on one thread: splitting would cost more than it saves. */
    private static final long PARALLEL_WORK = 1 << 20;

    private ForwardPass() {
    }

    /**
     * Evaluates the network on a batch, on the calling thread.
     *
     * @param network the network
     * @param x       inputs, row-major, {@code rows × network.inputWidth()}; not modified
     * @param rows    number of rows
     * @return pre-activations and activations of every layer
     * @throws NonFiniteValueException at the first NaN or infinity, in row order
     */
    public static ForwardTrace run(Network network, double[] x, int rows) {
        return run(network, x, rows, null, 1);
    }

    /**
     * Evaluates the network on a batch, splitting the rows into at most {@code threads} parts when
     * the work is large: the calling thread computes one, the executor the others. Each row is
     * computed by one thread in the same order as alone, so the result is the same bit for bit
     * whatever the thread count.
     *
     * @param executor runs the other parts; null to compute everything on the calling thread
     * @param threads  most parts to split a layer into (1 for none)
     * @see #run(Network, double[], int)
     */
    public static ForwardTrace run(Network network, double[] x, int rows, Executor executor, int threads) {
        List<ForwardTrace.LayerValues> values = new ArrayList<>(network.depth());
        double[] in = x;
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            int units = layer.units();
            int width = layer.outputWidth();
            double[] pre = new double[rows * units];
            double[] act = new double[rows * width];
            boolean small = (long) rows * layer.inputWidth() * units < PARALLEL_WORK;
            int chunks = small || executor == null ? 1 : Math.max(1, Math.min(threads, rows));
            computeChunks(layer, in, pre, act, rows, chunks, executor);
            requireFinite(pre, units, k + 1, layer.unitNames(), "pre-activation");
            requireFinite(act, width, k + 1, layer.outputNames(), "activation");
            values.add(new ForwardTrace.LayerValues(pre, act, units, width));
            in = act;
        }
        return new ForwardTrace(rows, values);
    }

    private static void computeChunks(DenseLayer layer, double[] in, double[] pre, double[] act, int rows, int chunks,
            Executor executor) {
        List<CompletableFuture<Void>> others = new ArrayList<>(chunks);
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) rows * c / chunks);
            int to = (int) ((long) rows * (c + 1) / chunks);
            others.add(CompletableFuture.runAsync(() -> compute(layer, in, pre, act, from, to), executor));
        }
        compute(layer, in, pre, act, 0, (int) ((long) rows / chunks));
        try {
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void compute(DenseLayer layer, double[] in, double[] pre, double[] act, int from, int to) {
        int units = layer.units();
        int width = layer.outputWidth();
        layer.preActivations(in, pre, from, to);
        for (int r = from; r < to; r++) {
            layer.activation().apply(pre, r * units, units, act, r * width);
        }
    }

    private static void requireFinite(double[] v, int width, int layer, List<String> names, String stage) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new NonFiniteValueException(layer, i / width, names.get(i % width), stage, v[i]);
            }
        }
    }
}
