package org.sheetnet.model;

import java.util.Arrays;

/**
 * A dense matrix of doubles in row-major order, immutable once built.
 *
 * @param rows number of rows (≥ 0)
 * @param cols number of columns (≥ 0)
 * @param data rows·cols values, element (i, j) at {@code i * cols + j}; owned by the matrix
 */
public record Matrix(int rows, int cols, double[] data) {

    public Matrix {
        if (rows < 0 || cols < 0 || data.length != rows * cols) {
            throw new IllegalArgumentException(rows + "x" + cols + " matrix with " + data.length + " values");
        }
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

    /** Element (i, j). */
    public double get(int i, int j) {
        return data[i * cols + j];
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
