package org.sheetnet.model;

/**
 * The affine map of a Dense layer over a batch of rows, A = X·W + b, on bare row-major arrays.
 *
 * <p>Each output is accumulated in one fixed order, (Σ_i x_i·W_ij) + b_j with i ascending, so a
 * row's values do not depend on which batch it is in, how the batch is split, or on which thread
 * it runs: results are bit-identical across batch sizes and thread counts. Rows are processed four
 * at a time so that each loaded row of W serves four rows of X. It lives here so that
 * {@link Matrix} can lend it its numbers without handing them out.
 *
 * <p>Layers go to {@link VectorProducts} (register tiles with the Vector API) when the JVM has
 * {@code jdk.incubator.vector} and the JIT has compiled that kernel, which the first large layer
 * sets going; it computes the same bits, so which kernel ran never shows in the results (see
 * {@link VectorKernel}).
 */
public final class DenseProducts {

    private DenseProducts() {
    }

    /**
     * Computes rows [from, to) of A = X·W + b, with W given as a bare row-major array (the trainer's
     * weights change in place between batches).
     *
     * @param x    X, row-major, {@code rows × n}; not modified
     * @param wd   W, row-major, {@code n × m}; not modified
     * @param n    n_in
     * @param m    n_out
     * @param b    b, m values; not modified
     * @param out  A, row-major, {@code rows × m}; rows [from, to) are overwritten
     * @param from first row
     * @param to   one past the last row
     */
    public static void multiplyAdd(double[] x, double[] wd, int n, int m, double[] b, double[] out, int from, int to) {
        if (VectorKernel.worthIt(n, m, from, to)) {
            VectorProducts.multiplyAdd(x, wd, n, m, b, out, from, to);
        } else {
            scalarMultiplyAdd(x, wd, n, m, b, out, from, to);
        }
    }

    /**
     * Says that calls of rows × n × m will come, before the first: with the vector module, one of
     * 2²⁴ multiply-adds or more starts the vector kernel's warm-up now, so that it
     * runs while the job reads its first batch rather than while it computes. Changes no result.
     */
    public static void expect(int n, int m, int rows) {
        VectorKernel.expect(n, m, rows);
    }

    /**
     * The kernel that computes large layers in this JVM, for the Audit and the benchmarks:
     * {@code "vector (512-bit)"} when the Vector API is available, otherwise {@code "scalar"} and why,
     * e.g. {@code "scalar (no --add-modules jdk.incubator.vector)"}.
     */
    public static String kernel() {
        return VectorKernel.describe();
    }

    /**
     * What has computed the layers so far in this JVM, for the Audit, e.g. {@code "vector (512-bit) once
     * the JIT had compiled it, the scalar loops before; the same bits either way"}, or {@code "scalar
     * loops: no layer's batch came to 16,777,216 multiply-adds, from which the vector (512-bit) kernel
     * is warmed up"}.
     */
    public static String kernelReport() {
        return VectorKernel.report();
    }

    /** The scalar loops alone: the reference the vector kernel must match bit for bit. */
    static void scalarMultiplyAdd(double[] x, double[] wd, int n, int m, double[] b, double[] out, int from, int to) {
        scalarColumns(x, wd, n, m, out, from, to, 0, m);
        addBias(b, m, out, from, to);
    }

    /** Columns [j0, j1) of rows [from, to) of A = X·W, without the bias. */
    static void scalarColumns(double[] x, double[] wd, int n, int m, double[] out, int from, int to, int j0, int j1) {
        for (int r = from; r < to; r++) {
            java.util.Arrays.fill(out, r * m + j0, r * m + j1, 0.0);
        }
        // Columns of W are taken in blocks small enough to stay in cache while every row passes over
        // them; within a block the sum over i still runs in ascending order, so the result is unchanged.
        int block = Math.max(8, Math.min(j1 - j0, (BLOCK_BYTES / 8) / Math.max(n, 1)));
        for (int b0 = j0; b0 < j1; b0 += block) {
            int b1 = Math.min(j1, b0 + block);
            int r = from;
            for (; r + 4 <= to; r += 4) {
                fourRows(x, wd, n, m, out, r, b0, b1);
            }
            for (; r < to; r++) {
                oneRow(x, wd, n, m, out, r, b0, b1);
            }
        }
    }

    /** A[r][j] += b[j] for rows [from, to): the bias comes last, after the whole sum. */
    static void addBias(double[] b, int m, double[] out, int from, int to) {
        for (int r = from; r < to; r++) {
            int o = r * m;
            for (int j = 0; j < m; j++) {
                out[o + j] += b[j];
            }
        }
    }

    /** Bytes of W kept in cache at a time: a block of columns of about this size. */
    private static final int BLOCK_BYTES = 256 * 1024;

    private static void oneRow(double[] x, double[] w, int n, int m, double[] out, int r, int j0, int j1) {
        int o = r * m;
        int xr = r * n;
        for (int i = 0; i < n; i++) {
            double xi = x[xr + i];
            int wi = i * m;
            for (int j = j0; j < j1; j++) {
                out[o + j] += xi * w[wi + j];
            }
        }
    }

    private static void fourRows(double[] x, double[] w, int n, int m, double[] out, int r, int j0, int j1) {
        int o0 = r * m;
        int o1 = o0 + m;
        int o2 = o1 + m;
        int o3 = o2 + m;
        int x0 = r * n;
        int x1 = x0 + n;
        int x2 = x1 + n;
        int x3 = x2 + n;
        for (int i = 0; i < n; i++) {
            double a0 = x[x0 + i];
            double a1 = x[x1 + i];
            double a2 = x[x2 + i];
            double a3 = x[x3 + i];
            int wi = i * m;
            for (int j = j0; j < j1; j++) {
                double wij = w[wi + j];
                out[o0 + j] += a0 * wij;
                out[o1 + j] += a1 * wij;
                out[o2 + j] += a2 * wij;
                out[o3 + j] += a3 * wij;
            }
        }
    }
}
