package org.sheetnet.engine;

import org.sheetnet.model.DenseProducts;
import org.sheetnet.model.Matrix;

/**
 * The affine map of a Dense layer over a batch of rows: A = X·W + b. The arithmetic (and its fixed
 * summation order, which makes results bit-identical across batch sizes and thread counts) is in
 * {@link DenseProducts}; this is the engine's entry to it.
 */
public final class DenseKernel {

    private DenseKernel() {
    }

    /**
     * Computes rows [from, to) of A = X·W + b.
     *
     * @param x    X, row-major, {@code rows × W.rows()}; not modified
     * @param w    W, n_in × n_out; not modified
     * @param b    b, n_out values; not modified
     * @param out  A, row-major, {@code rows × n_out}; rows [from, to) are overwritten
     * @param from first row
     * @param to   one past the last row
     */
    public static void multiplyAdd(double[] x, Matrix w, double[] b, double[] out, int from, int to) {
        w.multiplyAdd(x, b, out, from, to);
    }

    /**
     * Computes rows [from, to) of A = X·W + b with W as a bare row-major array, for the trainer;
     * same arithmetic, same bits as {@link #multiplyAdd(double[], Matrix, double[], double[], int, int)}.
     *
     * @see DenseProducts#multiplyAdd(double[], double[], int, int, double[], double[], int, int)
     */
    public static void multiplyAdd(double[] x, double[] wd, int n, int m, double[] b, double[] out, int from, int to) {
        DenseProducts.multiplyAdd(x, wd, n, m, b, out, from, to);
    }
}
