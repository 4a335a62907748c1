package org.sheetnet.model;

import java.util.Arrays;

/**
 * A dense matrix of doubles in row-major order, immutable: it copies the numbers it is given and
 * hands out only copies, so that a model can be shared between threads and callers.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    /**
     * A matrix of the given numbers, copied.
     *
     * @param rows number of rows (≥ 0)
     * @param cols number of columns (≥ 0)
     * @param data rows·cols values, element (i, j) at {@code i * cols + j}; copied, not kept
     */
    public Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0 || data.length != (long) rows * cols) {
            throw new IllegalArgumentException(rows + "x" + cols + " matrix with " + data.length + " values");
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data.clone();
    }

    /** Builds a matrix from nested rows, copying them; all rows must have the same length. */
    public static Matrix of(double[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        double[] data = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, not " + cols);
            }
            System.arraycopy(values[i], 0, data, i * cols, cols);
        }
        return new Matrix(rows, cols, data);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Element (i, j). */
    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** A copy of the numbers, row-major; changing it does not change the matrix. */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * Computes rows [from, to) of A = X·this + b, reading this matrix's numbers in place (no copy):
     * the fast path of the forward pass. See {@link DenseProducts} for the summation order.
     *
     * @param x    X, row-major, {@code rows × this.rows()}; not modified
     * @param b    b, {@code cols()} values; not modified
     * @param out  A, row-major, {@code rows × cols()}; rows [from, to) are overwritten
     * @param from first row
     * @param to   one past the last row
     */
    public void multiplyAdd(double[] x, double[] b, double[] out, int from, int to) {
        DenseProducts.multiplyAdd(x, data, rows, cols, b, out, from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return rows + "x" + cols + " matrix";
    }
}
