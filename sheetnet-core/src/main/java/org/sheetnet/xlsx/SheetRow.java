package org.sheetnet.xlsx;

import java.util.Arrays;

/**
 * One row of a sheet as stored: its 0-based index and its non-blank cells, columns ascending.
 * Values are {@link Double} (finite), {@link String} (trimmed, never empty), {@link Boolean} or
 * {@link org.sheetnet.sheet.CellValues.ErrorValue}. Numbers are kept unboxed ({@link #isNumber},
 * {@link #number}) and boxed only when {@link #value} is asked for one.
 */
public final class SheetRow {

    private final int index;
    private int[] cols;
    /** The non-blank cells' values; null for a number, which is in {@link #numbers}. */
    private Object[] values;
    private double[] numbers;
    private int size;

    SheetRow(int index) {
        this(index, 8);
    }

    /** A row with room for that many cells before it grows (the previous row's size, say). */
    SheetRow(int index, int capacity) {
        this.index = index;
        int n = Math.max(8, capacity);
        cols = new int[n];
        values = new Object[n];
        numbers = new double[n];
    }

    void add(int col, Object value) {
        if (value instanceof Double d) {
            addNumber(col, d);
            return;
        }
        grow();
        cols[size] = col;
        values[size++] = java.util.Objects.requireNonNull(value, "a blank cell is not added");
    }

    void addNumber(int col, double value) {
        grow();
        cols[size] = col;
        values[size] = null;
        numbers[size++] = value;
    }

    private void grow() {
        if (size == cols.length) {
            cols = Arrays.copyOf(cols, size * 2);
            values = Arrays.copyOf(values, size * 2);
            numbers = Arrays.copyOf(numbers, size * 2);
        }
    }

    /** The row's 0-based index in the sheet. */
    public int index() {
        return index;
    }

    /** Number of non-blank cells. */
    public int size() {
        return size;
    }

    /** The column of the k-th non-blank cell. */
    public int col(int k) {
        return cols[k];
    }

    /** The value of the k-th non-blank cell; a number boxed here. */
    public Object value(int k) {
        return values[k] != null ? values[k] : (Object) numbers[k];
    }

    /** Whether the k-th non-blank cell holds a number. */
    public boolean isNumber(int k) {
        return values[k] == null;
    }

    /**
     * The number in the k-th non-blank cell, unboxed.
     *
     * @throws IllegalStateException if it holds no number
     */
    public double number(int k) {
        if (!isNumber(k)) {
            throw new IllegalStateException("cell " + k + " of row " + (index + 1) + " holds no number");
        }
        return numbers[k];
    }

    /** Index of the last column with a value, or −1 for a blank row. */
    public int lastCol() {
        return size == 0 ? -1 : cols[size - 1];
    }

    /**
     * The values of columns 0 to {@code width − 1}, null where blank.
     *
     * @param width number of columns wanted; cells beyond it are left out
     */
    public Object[] dense(int width) {
        return dense(0, width);
    }

    /**
     * The values of columns {@code from} to {@code from + width − 1}, null where blank.
     *
     * @param from  the first column wanted, 0-based
     * @param width number of columns wanted; cells beyond them are left out
     */
    public Object[] dense(int from, int width) {
        Object[] out = new Object[width];
        for (int k = 0; k < size && cols[k] < from + width; k++) {
            if (cols[k] >= from) {
                out[cols[k] - from] = value(k);
            }
        }
        return out;
    }
}
