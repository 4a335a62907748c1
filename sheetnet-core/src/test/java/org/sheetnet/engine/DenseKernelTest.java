package org.sheetnet.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sheetnet.model.Matrix;

class DenseKernelTest {

    /** The textbook triple loop, summing in the same order: (Σ_i x_i W_ij) + b_j. */
    private static double[] naive(double[] x, int rows, Matrix w, double[] b) {
        double[] out = new double[rows * w.cols()];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < w.cols(); j++) {
                double s = 0;
                for (int i = 0; i < w.rows(); i++) {
                    s += x[r * w.rows() + i] * w.get(i, j);
                }
                out[r * w.cols() + j] = s + b[j];
            }
        }
        return out;
    }

    private static double[] random(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest(name = "{0} rows, {1} -> {2}")
    @CsvSource({"0,3,2", "1,1,1", "1,5,3", "3,4,1", "4,4,4", "5,7,3", "9,1,6", "17,13,11", "64,30,20"})
    void matchesTheNaiveTripleLoopBitForBit(int rows, int in, int out) {
        Random random = new Random(rows * 1000L + in * 10L + out);
        Matrix w = new Matrix(in, out, random(random, in * out));
        double[] b = random(random, out);
        double[] x = random(random, rows * in);
        double[] got = new double[rows * out];
        DenseKernel.multiplyAdd(x, w, b, got, 0, rows);
        assertArrayEquals(naive(x, rows, w, b), got, 0.0);
    }

    @ParameterizedTest(name = "split at {0}")
    @CsvSource({"1", "3", "4", "7", "12"})
    void aRowsValuesDoNotDependOnHowTheBatchIsSplit(int split) {
        Random random = new Random(7);
        int rows = 13;
        Matrix w = new Matrix(6, 5, random(random, 30));
        double[] b = random(random, 5);
        double[] x = random(random, rows * 6);
        double[] whole = new double[rows * 5];
        DenseKernel.multiplyAdd(x, w, b, whole, 0, rows);
        double[] parts = new double[rows * 5];
        DenseKernel.multiplyAdd(x, w, b, parts, 0, split);
        DenseKernel.multiplyAdd(x, w, b, parts, split, rows);
        for (int i = 0; i < whole.length; i++) {
            assertEquals(Double.doubleToRawLongBits(whole[i]), Double.doubleToRawLongBits(parts[i]), "element " + i);
        }
    }
}
