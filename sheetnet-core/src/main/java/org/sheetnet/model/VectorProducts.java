package org.sheetnet.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A = X·W + b with the Vector API (jdk.incubator.vector): the same arithmetic as
 * {@link DenseProducts}'s scalar loops, bit for bit, only faster on large layers.
 *
 * <p>Register tiles: four rows of X times a panel of three vectors of W's columns (24 columns with
 * 512-bit vectors, 12 with 256-bit) are accumulated in twelve vector registers while i runs over
 * the whole input width, and stored once. Each lane computes (((0 + x_0·W_0j) + x_1·W_1j) + …) + b_j
 * with a separate multiply and add (no fused multiply-add), in the order of the scalar loops, so a
 * value is the same whichever kernel, batch size or thread count computed it. Columns left over
 * after the panels are taken one vector at a time, then by the scalar loop.
 *
 * <p>Loaded only when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * ({@link DenseProducts} checks first); the library stays Java 17 without it. Each tile is its own
 * small method so that the JIT compiles it early and no vector is live across a call.
 */
final class VectorProducts {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Doubles in one vector. */
    static final int LANES = SPECIES.length();
    /** Columns in one panel: three vectors. */
    private static final int PANEL = 3 * LANES;

    private VectorProducts() {
    }

    /** The vector width this kernel runs with, in bits (e.g. 512), for the Audit and the benchmarks. */
    static int bits() {
        return SPECIES.vectorBitSize();
    }

    /**
     * Rows [from, to) of A = X·W + b; same contract and same bits as
     * {@link DenseProducts#multiplyAdd(double[], double[], int, int, double[], double[], int, int)}.
     */
    static void multiplyAdd(double[] x, double[] w, int n, int m, double[] b, double[] out, int from, int to) {
        int j = 0;
        for (; j + PANEL <= m; j += PANEL) {
            int r = from;
            for (; r + 4 <= to; r += 4) {
                fourRowsThreeVectors(x, w, n, m, out, r, j);
            }
            for (; r < to; r++) {
                oneRowOneVector(x, w, n, m, out, r, j);
                oneRowOneVector(x, w, n, m, out, r, j + LANES);
                oneRowOneVector(x, w, n, m, out, r, j + 2 * LANES);
            }
        }
        for (; j + LANES <= m; j += LANES) {
            int r = from;
            for (; r + 4 <= to; r += 4) {
                fourRowsOneVector(x, w, n, m, out, r, j);
            }
            for (; r < to; r++) {
                oneRowOneVector(x, w, n, m, out, r, j);
            }
        }
        if (j < m) {
            DenseProducts.scalarColumns(x, w, n, m, out, from, to, j, m);
        }
        DenseProducts.addBias(b, m, out, from, to);
    }

    // A[r..r+3][j..j+3·LANES) = Σ_i X[r..r+3][i]·W[i][j..], i ascending, kept in 12 registers.
    private static void fourRowsThreeVectors(double[] x, double[] w, int n, int m, double[] out, int r, int j) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        int x0 = r * n;
        for (int i = 0; i < n; i++) {
            int wi = i * m + j;
            DoubleVector w0 = DoubleVector.fromArray(SPECIES, w, wi);
            DoubleVector w1 = DoubleVector.fromArray(SPECIES, w, wi + LANES);
            DoubleVector w2 = DoubleVector.fromArray(SPECIES, w, wi + 2 * LANES);
            DoubleVector a = DoubleVector.broadcast(SPECIES, x[x0 + i]);
            c00 = c00.add(a.mul(w0));
            c01 = c01.add(a.mul(w1));
            c02 = c02.add(a.mul(w2));
            a = DoubleVector.broadcast(SPECIES, x[x0 + n + i]);
            c10 = c10.add(a.mul(w0));
            c11 = c11.add(a.mul(w1));
            c12 = c12.add(a.mul(w2));
            a = DoubleVector.broadcast(SPECIES, x[x0 + 2 * n + i]);
            c20 = c20.add(a.mul(w0));
            c21 = c21.add(a.mul(w1));
            c22 = c22.add(a.mul(w2));
            a = DoubleVector.broadcast(SPECIES, x[x0 + 3 * n + i]);
            c30 = c30.add(a.mul(w0));
            c31 = c31.add(a.mul(w1));
            c32 = c32.add(a.mul(w2));
        }
        int o = r * m + j;
        store(out, o, c00, c01, c02);
        store(out, o + m, c10, c11, c12);
        store(out, o + 2 * m, c20, c21, c22);
        store(out, o + 3 * m, c30, c31, c32);
    }

    private static void store(double[] out, int o, DoubleVector v0, DoubleVector v1, DoubleVector v2) {
        v0.intoArray(out, o);
        v1.intoArray(out, o + LANES);
        v2.intoArray(out, o + 2 * LANES);
    }

    // A[r..r+3][j..j+LANES) = Σ_i X[r..r+3][i]·W[i][j..], i ascending.
    private static void fourRowsOneVector(double[] x, double[] w, int n, int m, double[] out, int r, int j) {
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        int x0 = r * n;
        for (int i = 0; i < n; i++) {
            DoubleVector wv = DoubleVector.fromArray(SPECIES, w, i * m + j);
            c0 = c0.add(DoubleVector.broadcast(SPECIES, x[x0 + i]).mul(wv));
            c1 = c1.add(DoubleVector.broadcast(SPECIES, x[x0 + n + i]).mul(wv));
            c2 = c2.add(DoubleVector.broadcast(SPECIES, x[x0 + 2 * n + i]).mul(wv));
            c3 = c3.add(DoubleVector.broadcast(SPECIES, x[x0 + 3 * n + i]).mul(wv));
        }
        int o = r * m + j;
        c0.intoArray(out, o);
        c1.intoArray(out, o + m);
        c2.intoArray(out, o + 2 * m);
        c3.intoArray(out, o + 3 * m);
    }

    // A[r][j..j+LANES) = Σ_i X[r][i]·W[i][j..], i ascending.
    private static void oneRowOneVector(double[] x, double[] w, int n, int m, double[] out, int r, int j) {
        DoubleVector c = DoubleVector.zero(SPECIES);
        int x0 = r * n;
        for (int i = 0; i < n; i++) {
            c = c.add(DoubleVector.broadcast(SPECIES, x[x0 + i]).mul(DoubleVector.fromArray(SPECIES, w, i * m + j)));
        }
        c.intoArray(out, r * m + j);
    }
}
