package org.sheetnet.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The backpropagation kernels against textbook loops written from the definitions, on random shapes including 0 and 1. */
class BackwardKernelsTest {

    private static double[] random(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest(name = "{0} rows, {1} inputs, {2} units")
    @CsvSource({"0,3,2", "1,1,1", "1,5,3", "3,4,1", "4,4,4", "5,7,3", "9,1,6", "17,13,11", "64,30,20"})
    void matchTheDefinitionsBitForBit(int rows, int n, int m) {
        Random random = new Random(rows * 1000L + n * 10L + m);
        double[] x = random(random, rows * n);
        double[] delta = random(random, rows * m);
        double[] w = random(random, n * m);

        // G_ij = Σ_r x_ri·δ_rj, r ascending
        double[] g = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += x[r * n + i] * delta[r * m + j];
                }
                g[i * m + j] = s;
            }
        }
        double[] gotG = random(random, n * m);
        BackwardKernels.transposeTimes(x, delta, rows, n, m, gotG);
        assertArrayEquals(g, gotG, 0.0, "Xᵀ·Δ");

        // g_j = Σ_r δ_rj
        double[] b = new double[m];
        for (int j = 0; j < m; j++) {
            for (int r = 0; r < rows; r++) {
                b[j] += delta[r * m + j];
            }
        }
        double[] gotB = random(random, m);
        BackwardKernels.columnSums(delta, rows, m, gotB);
        assertArrayEquals(b, gotB, 0.0, "Σ_rows Δ");

        // D_ri = Σ_j δ_rj·W_ij
        double[] d = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += delta[r * m + j] * w[i * m + j];
                }
                d[r * n + i] = s;
            }
        }
        double[] gotD = random(random, rows * n);
        BackwardKernels.timesTranspose(delta, w, rows, n, m, gotD);
        assertArrayEquals(d, gotD, 0.0, "Δ·Wᵀ");
    }
}
