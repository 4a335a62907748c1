package org.sheetnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector kernel against the textbook triple loop summing in the same order, (Σ_i x_i·W_ij) + b_j
 * with i ascending, bit for bit: on shapes around its tile sizes (0, 1, fewer columns than a vector,
 * one panel ± 1, odd sizes), for every way of splitting a batch and on 1 to 4 threads. The surefire
 * run of sheetnet-core adds the module, so these tests run the vector code, never skip it.
 */
class VectorProductsTest {

    /** The textbook triple loop: s = 0; s += x_i·W_ij for i ascending; then s + b_j. */
    private static double[] naive(double[] x, int rows, double[] w, int n, int m, double[] b) {
        double[] out = new double[rows * m];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x[r * n + i] * w[i * m + j];
                }
                out[r * m + j] = s + b[j];
            }
        }
        return out;
    }

    // Magnitudes spread over twelve orders, so that any other summation order changes some bits.
    private static double[] random(Random random, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
        }
        return v;
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            int at = i;
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    () -> what + ": element " + at + " (" + expected[at] + " vs " + actual[at] + ")");
        }
    }

    @Test
    void theModuleIsThereSoTheVectorKernelIsWhatRunsOnceWarm() throws Exception {
        assertTrue(VectorKernel.describe().startsWith("vector ("), "kernel in the test JVM: " + VectorKernel.describe());
        assertTrue(VectorKernel.awaitWarm(60, TimeUnit.SECONDS), "the warm-up ends within a minute");
        assertTrue(DenseProducts.kernelReport().startsWith(VectorKernel.describe() + " once the JIT had compiled it"),
                "the Audit's kernel line: " + DenseProducts.kernelReport());
        assertTrue(VectorKernel.worthIt(784, 500, 0, 100), "a 100-row 784→500 layer goes to the vector kernel");
        assertTrue(VectorKernel.worthIt(4, 20, 0, 1), "once warm, one row of a 4→20 layer does too");
        assertFalse(VectorKernel.worthIt(4, 3, 0, 100), "a layer narrower than one vector stays scalar");
    }

    @Test
    void layersComputedWhileTheKernelWarmsUpHaveTheSameBits() throws Exception {
        // Large calls start the warm-up and run on the scalar loops until it ends, then on the vector
        // kernel: a run that crosses the switch gives each row the bits of the triple loop.
        Random random = new Random(17);
        int rows = 48;
        int n = 600;
        int m = 600;
        double[] w = random(random, n * m);
        double[] b = random(random, m);
        double[] x = random(random, rows * n);
        double[] expected = naive(x, rows, w, n, m, b);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int calls = 0;
        do {
            double[] out = new double[rows * m];
            DenseProducts.multiplyAdd(x, w, n, m, b, out, 0, rows);
            assertSameBits(expected, out, "call " + ++calls);
        } while (!VectorKernel.worthIt(n, m, 0, rows) && System.nanoTime() < deadline);
        assertTrue(VectorKernel.worthIt(n, m, 0, rows), "the vector kernel took over after " + calls + " calls");
        double[] out = new double[rows * m];
        DenseProducts.multiplyAdd(x, w, n, m, b, out, 0, rows);
        assertSameBits(expected, out, "the call after the switch");
    }

    @ParameterizedTest(name = "{0} rows, {1} -> {2}")
    @CsvSource({"0,3,8", "1,1,1", "1,0,8", "4,0,24", "1,5,3", "3,4,7", "4,4,8", "5,7,9", "9,1,16", "4,13,23", "4,13,24",
        "4,13,25", "5,31,47", "7,17,49", "17,13,11", "64,30,20", "33,100,97", "10,784,100", "6,65,130"})
    void matchesTheNaiveTripleLoopBitForBit(int rows, int n, int m) {
        Random random = new Random(rows * 100_000L + n * 1000L + m);
        double[] w = random(random, n * m);
        double[] b = random(random, m);
        double[] x = random(random, rows * n);
        double[] expected = naive(x, rows, w, n, m, b);

        double[] vector = new double[rows * m];
        VectorProducts.multiplyAdd(x, w, n, m, b, vector, 0, rows);
        assertSameBits(expected, vector, "vector kernel");
        double[] scalar = new double[rows * m];
        DenseProducts.scalarMultiplyAdd(x, w, n, m, b, scalar, 0, rows);
        assertSameBits(expected, scalar, "scalar loops");
    }

    @Test
    void theDataWouldShowAnotherSummationOrder() {
        // Guards the tests above: summing the same products backwards changes some bits of these data.
        Random random = new Random(5);
        int rows = 5;
        int n = 31;
        int m = 47;
        double[] w = random(random, n * m);
        double[] x = random(random, rows * n);
        double[] forward = naive(x, rows, w, n, m, new double[m]);
        boolean differs = false;
        for (int r = 0; r < rows && !differs; r++) {
            for (int j = 0; j < m && !differs; j++) {
                double s = 0;
                for (int i = n - 1; i >= 0; i--) {
                    s += x[r * n + i] * w[i * m + j];
                }
                differs = s != forward[r * m + j];
            }
        }
        assertTrue(differs, "summing backwards changes at least one value");
        assertNotEquals(0, forward.length, "values compared");
    }

    @ParameterizedTest(name = "split at {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 12, 13, 16, 17, 20, 21})
    void aRowsValuesDoNotDependOnHowTheBatchIsSplit(int split) {
        Random random = new Random(11);
        int rows = 21;
        int n = 37;
        int m = 53;
        double[] w = random(random, n * m);
        double[] b = random(random, m);
        double[] x = random(random, rows * n);
        double[] whole = new double[rows * m];
        VectorProducts.multiplyAdd(x, w, n, m, b, whole, 0, rows);
        double[] parts = new double[rows * m];
        VectorProducts.multiplyAdd(x, w, n, m, b, parts, 0, split);
        VectorProducts.multiplyAdd(x, w, n, m, b, parts, split, rows);
        assertSameBits(whole, parts, "split at " + split);
        double[] oneByOne = new double[rows * m];
        for (int r = 0; r < rows; r++) {
            VectorProducts.multiplyAdd(x, w, n, m, b, oneByOne, r, r + 1);
        }
        assertSameBits(whole, oneByOne, "batches of one row");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 4})
    void threadCountsGiveTheSameBitsAsTheScalarLoopsAlone(int threads) throws Exception {
        Random random = new Random(3);
        int rows = 203;
        int n = 129;
        int m = 101;
        double[] w = random(random, n * m);
        double[] b = random(random, m);
        double[] x = random(random, rows * n);
        double[] scalar = new double[rows * m];
        DenseProducts.scalarMultiplyAdd(x, w, n, m, b, scalar, 0, rows);

        double[] threaded = new double[rows * m];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = rows * t / threads;
                int to = rows * (t + 1) / threads;
                parts.add(pool.submit(() -> VectorProducts.multiplyAdd(x, w, n, m, b, threaded, from, to)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
        assertSameBits(scalar, threaded, threads + " threads");
    }
}
