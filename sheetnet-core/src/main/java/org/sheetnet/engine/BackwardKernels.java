package org.sheetnet.engine;

import java.util.Arrays;

/**
 * The matrix products of backpropagation through a Dense layer a = x·W + b, for a batch of rows:
 * the weight gradient ∂L/∂W = Xᵀ·Δ, the bias gradient ∂L/∂b = Σ_rows Δ, and the gradient passed
 * to the layer below ∂L/∂X = Δ·Wᵀ, where Δ = ∂L/∂A.
 *
 * <p>Like {@link DenseKernel}, every sum is accumulated in one fixed order (rows ascending for the
 * parameter gradients, units ascending for ∂L/∂X), so that results are bit-identical from run to
 * run. All matrices are row-major arrays.
 */
public final class BackwardKernels {

    private BackwardKernels() {
    }

    /**
     * G = Xᵀ·Δ: G_ij = Σ_r x_ri·δ_rj, r ascending.
     *
     * @param x     X, {@code rows × n}; not modified
     * @param delta Δ, {@code rows × m}; not modified
     * @param rows  number of rows in the batch
     * @param n     columns of X (the layer's inputs)
     * @param m     columns of Δ (the layer's units)
     * @param grad  G, {@code n × m}; overwritten
     */
    public static void transposeTimes(double[] x, double[] delta, int rows, int n, int m, double[] grad) {
        Arrays.fill(grad, 0, n * m, 0.0);
        for (int r = 0; r < rows; r++) {
            int xr = r * n;
            int dr = r * m;
            for (int i = 0; i < n; i++) {
                double xi = x[xr + i];
                int gi = i * m;
                for (int j = 0; j < m; j++) {
                    grad[gi + j] += xi * delta[dr + j];
                }
            }
        }
    }

    /**
     * g = Σ_r δ_r, the column sums of Δ, r ascending.
     *
     * @param delta Δ, {@code rows × m}; not modified
     * @param rows  number of rows
     * @param m     columns of Δ
     * @param grad  g, m values; overwritten
     */
    public static void columnSums(double[] delta, int rows, int m, double[] grad) {
        Arrays.fill(grad, 0, m, 0.0);
        for (int r = 0; r < rows; r++) {
            int dr = r * m;
            for (int j = 0; j < m; j++) {
                grad[j] += delta[dr + j];
            }
        }
    }

    /**
     * D = Δ·Wᵀ: D_ri = Σ_j δ_rj·W_ij, j ascending.
     *
     * @param delta Δ, {@code rows × m}; not modified
     * @param w     W, {@code n × m}; not modified
     * @param rows  number of rows
     * @param n     rows of W (the layer's inputs)
     * @param m     columns of W (the layer's units)
     * @param out   D, {@code rows × n}; overwritten
     */
    public static void timesTranspose(double[] delta, double[] w, int rows, int n, int m, double[] out) {
        for (int r = 0; r < rows; r++) {
            int dr = r * m;
            int or = r * n;
            for (int i = 0; i < n; i++) {
                int wi = i * m;
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += delta[dr + j] * w[wi + j];
                }
                out[or + i] = sum;
            }
        }
    }
}
