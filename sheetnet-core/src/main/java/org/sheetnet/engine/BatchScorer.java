package org.sheetnet.engine;

import java.util.concurrent.Executor;
import java.util.function.Function;
import org.sheetnet.SheetnetException;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.DenseProducts;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;

/**
 * The one way a batch is scored, by {@code score}, the check vectors, {@code verify}, {@code train}
 * and the library: fill each row's raw inputs, prepare them as the model says, run the forward
 * pass, and turn a non-finite value into the caller's message naming the row.
 *
 * <p>Immutable and safe to share. It runs on the calling thread unless given an executor, which its
 * caller owns (the command line's pool); a library call never borrows a shared pool.
 */
public final class BatchScorer {

    /** Puts one row's raw inputs into the batch. */
    @FunctionalInterface
    public interface RowFiller {
        /**
         * Writes the raw inputs of batch row {@code row} at {@code x[offset … offset + width)}.
         *
         * @throws SheetnetException naming the cell when an input is not a number
         */
        void fill(int row, double[] x, int offset);
    }

    private final Model model;
    private final Executor executor;
    private final int threads;

    private BatchScorer(Model model, Executor executor, int threads) {
        this.model = model;
        this.executor = executor;
        this.threads = threads;
    }

    /** A scorer that runs on the calling thread. */
    public static BatchScorer onCallingThread(Model model) {
        return new BatchScorer(model, null, 1);
    }

    /**
     * A scorer that splits large batches into at most {@code threads} parts, the calling thread
     * computing one and {@code executor} the others.
     */
    public static BatchScorer on(Model model, Executor executor, int threads) {
        return threads <= 1 || executor == null ? onCallingThread(model) : new BatchScorer(model, executor, threads);
    }

    /**
     * Says that batches of this many rows will come, before the first, so that the kernel can get
     * ready for their layers while the first batch is read (see {@link DenseProducts#expect}).
     */
    public void expectBatches(int rows) {
        int perThread = (rows + threads - 1) / threads;
        for (DenseLayer layer : model.network().layers()) {
            DenseProducts.expect(layer.inputWidth(), layer.units(), perThread);
        }
    }

    /** The model it scores with. */
    public Model model() {
        return model;
    }

    /**
     * Fills and prepares a batch of rows: {@code x} receives the prepared inputs, row-major.
     *
     * @param rows   number of rows
     * @param filler writes each row's raw inputs
     * @param x      receives {@code rows × inputWidth} prepared inputs; modified
     */
    public void fill(int rows, RowFiller filler, double[] x) {
        int width = model.network().inputWidth();
        for (int r = 0; r < rows; r++) {
            filler.fill(r, x, r * width);
            if (model.preparation().isPresent()) {
                for (int i = 0; i < width; i++) {
                    x[r * width + i] = model.prepare(i, x[r * width + i]);
                }
            }
        }
    }

    /**
     * Fills, prepares and scores a batch.
     *
     * @param rows    number of rows
     * @param filler  writes each row's raw inputs
     * @param x       receives the prepared inputs; modified
     * @param failure the message for a non-finite value, naming the row it was found in
     * @return every layer's values
     * @throws SheetnetException from the filler, or from {@code failure}
     */
    public ForwardTrace score(int rows, RowFiller filler, double[] x,
            Function<NonFiniteValueException, SheetnetException> failure) {
        fill(rows, filler, x);
        return run(x, rows, failure);
    }

    /**
     * Scores already prepared inputs.
     *
     * @param x       prepared inputs, row-major; not modified
     * @param rows    number of rows
     * @param failure the message for a non-finite value, naming the row it was found in
     * @throws SheetnetException from {@code failure}
     */
    public ForwardTrace run(double[] x, int rows, Function<NonFiniteValueException, SheetnetException> failure) {
        try {
            return ForwardPass.run(model.network(), x, rows, executor, threads);
        } catch (NonFiniteValueException e) {
            throw failure.apply(e);
        }
    }

    /** Scores already prepared inputs of a bare network (the trainer's, which has no file). */
    public static ForwardTrace run(Network network, double[] x, int rows,
            Function<NonFiniteValueException, SheetnetException> failure) {
        return onCallingThread(Model.of(network, org.sheetnet.model.Provenance.inMemory("network"))).run(x, rows, failure);
    }
}
